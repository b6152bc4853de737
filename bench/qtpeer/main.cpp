// SPDX-License-Identifier: GPL-3.0-or-later
//
// natter-qt-peer: the benchmark's transport-only peer on Qt (see broadcastpeer.h).
// Usage: natter-qt-peer --port N [--db FILE] [--host 127.0.0.1]
// Prints "listening PORT" on stdout once it accepts connections; on SIGTERM or SIGINT it writes its users,
// tokens and rooms to FILE (when given) and exits.
#include "broadcastpeer.h"
#include "unixsignalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("port"), QStringLiteral("TCP port (0: any free one)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("db"),
                      QStringLiteral("Where users, tokens and rooms are kept across a restart."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("host"), QStringLiteral("Address to listen on."),
                      QStringLiteral("ADDRESS"), QStringLiteral("127.0.0.1")});
    parser.process(app);
    bool portOk = false;
    const uint port = parser.value(QStringLiteral("port")).toUInt(&portOk);
    if (!portOk || port > 65535)
        parser.showHelp(2);

    Natter::Bench::BroadcastPeer peer(parser.value(QStringLiteral("db")));
    QString error;
    if (!peer.listen(QHostAddress(parser.value(QStringLiteral("host"))), quint16(port), &error)) {
        std::fprintf(stderr, "natter-qt-peer: %s\n", qPrintable(error));
        return 1;
    }
    Natter::Server::UnixSignalWatcher watcher;
    QObject::connect(&watcher, &Natter::Server::UnixSignalWatcher::terminationRequested, &app,
                     [&peer, &parser] {
                         if (parser.isSet(QStringLiteral("db")) && !peer.save())
                             std::fprintf(stderr, "natter-qt-peer: cannot write %s\n",
                                          qPrintable(parser.value(QStringLiteral("db"))));
                         QCoreApplication::quit();
                     });
    std::printf("listening %u\n", peer.port());
    std::fflush(stdout);
    return app.exec();
}
