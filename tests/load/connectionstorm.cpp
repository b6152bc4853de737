// SPDX-License-Identifier: GPL-3.0-or-later
// natter-connection-storm: opens N WebSocket connections to a natterd at once, signs each in with one
// token, asks each for list_rooms, and prints how long each stage took. Loopback only; it stops by itself.
#include "frames.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>
#include <QWebSocket>
#include <sys/resource.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Connection storm against a natterd on this machine."));
    parser.addHelpOption();
    const QCommandLineOption urlOption(QStringLiteral("url"), QStringLiteral("Server URL."),
                                       QStringLiteral("URL"), QStringLiteral("ws://127.0.0.1:7447"));
    const QCommandLineOption countOption(QStringLiteral("connections"), QStringLiteral("How many."),
                                         QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption userOption(
        QStringLiteral("register"),
        QStringLiteral("Register this user first and sign every connection in as it."),
        QStringLiteral("NAME"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           QStringLiteral("Give up after seconds."), QStringLiteral("S"),
                                           QStringLiteral("120"));
    parser.addOptions({urlOption, countOption, userOption, timeoutOption});
    parser.process(app);

    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);

    const QUrl url(parser.value(urlOption));
    const int count = parser.value(countOption).toInt();
    QString token;
    if (parser.isSet(userOption)) {
        QWebSocket first;
        QEventLoop loop;
        QObject::connect(&first, &QWebSocket::textMessageReceived, [&](const QString &text) {
            const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
            if (frame.value(QStringLiteral("type")).toString() == QLatin1String("hello")) {
                first.sendTextMessage(Natter::Frames::serialize({{"type", "register"},
                                                                 {"id", 1},
                                                                 {"username", parser.value(userOption)},
                                                                 {"password", "storm-password"}}));
            } else {
                token = frame.value(QStringLiteral("token")).toString();
                if (token.isEmpty())
                    QTextStream(stderr) << "register refused: " << text << "\n";
                loop.quit();
            }
        });
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        first.open(url);
        loop.exec();
        if (token.isEmpty()) {
            QTextStream(stderr) << "could not register " << parser.value(userOption) << "\n";
            return 1;
        }
    }
    QList<QWebSocket *> sockets;
    int hellos = 0;
    int answers = 0;
    int failures = 0;
    QElapsedTimer clock;
    clock.start();
    qint64 connectedMs = -1;
    qint64 answeredMs = -1;

    auto finish = [&](int code) {
        QTextStream out(stdout);
        out << "connections requested: " << count << "\n"
            << "hello received: " << hellos
            << (connectedMs >= 0 ? QStringLiteral(" in %1 ms").arg(connectedMs) : QString()) << "\n"
            << "requests answered: " << answers
            << (answeredMs >= 0 ? QStringLiteral(" in %1 ms").arg(answeredMs) : QString()) << "\n"
            << "socket errors: " << failures << "\n";
        out.flush();
        for (QWebSocket *socket : std::as_const(sockets))
            socket->abort();
        QCoreApplication::exit(code);
    };

    for (int i = 0; i < count; ++i) {
        auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, &app);
        sockets.append(socket);
        QObject::connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error),
                         [&failures] { ++failures; });
        QObject::connect(socket, &QWebSocket::textMessageReceived, [&, socket](const QString &text) {
            const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
            const QString type = frame.value(QStringLiteral("type")).toString();
            if (type == QLatin1String("hello")) {
                if (++hellos == count)
                    connectedMs = clock.elapsed();
                if (!token.isEmpty())
                    socket->sendTextMessage(
                        Natter::Frames::serialize({{"type", "resume"}, {"id", 1}, {"token", token}}));
                socket->sendTextMessage(Natter::Frames::serialize({{"type", "list_rooms"}, {"id", 2}}));
            } else if (frame.value(QStringLiteral("id")).toInt() == 2) {
                if (++answers == count) {
                    answeredMs = clock.elapsed();
                    finish(0);
                }
            }
        });
        socket->open(url);
    }
    QTimer::singleShot(parser.value(timeoutOption).toInt() * 1000, &app, [&] { finish(1); });
    return app.exec();
}
