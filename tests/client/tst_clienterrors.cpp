// SPDX-License-Identifier: GPL-3.0-or-later
// What the desktop client says when something fails: offline, a server of another protocol version, a
// message refused in a room that is not open. Each message must say what happened, not "something went
// wrong".
#include "chatpage.h"
#include "chatsession.h"
#include "clientfixture.h"
#include "clientwindow.h"
#include "createroomdialog.h"
#include "joinroomdialog.h"
#include "mainwindow.h"
#include "protocollimits.h"
#include "signinpage.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Natter;
using namespace Natter::Client;
using namespace Natter::Test;

class TestClientErrors : public QObject, public ClientFixture {
    Q_OBJECT

private slots:
    void init() { QVERIFY(setUp({QStringLiteral("alice"), QStringLiteral("bob")})); }

    void cleanup() { tearDown(); }

    void roomDialogsOfflineSaySo()
    {
        // Issue 10, bug 15: creating or joining a room offline said "Something went wrong on the server".
        ClientWindow alice(m_dir->path(), QStringLiteral("off"), m_server->url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        m_server->stop();
        QTRY_VERIFY(alice.connection.state() != Connection::State::Online);

        CreateRoomDialog create(alice.session);
        create.findChild<QLineEdit *>(QStringLiteral("roomName"))->setText(QStringLiteral("Lounge"));
        QTest::mouseClick(create.findChild<QPushButton *>(QStringLiteral("create")), Qt::LeftButton);
        auto *createError = create.findChild<QLabel *>(QStringLiteral("error"));
        QTRY_VERIFY(!createError->text().isEmpty());
        QVERIFY2(createError->text().contains(QLatin1String("Cannot reach the server")),
                 qPrintable(createError->text()));

        JoinRoomDialog join(alice.session);
        join.findChild<QLineEdit *>(QStringLiteral("code"))->setText(QStringLiteral("ABCDEFGHJK"));
        QTest::mouseClick(join.findChild<QPushButton *>(QStringLiteral("join")), Qt::LeftButton);
        auto *joinError = join.findChild<QLabel *>(QStringLiteral("error"));
        QTRY_VERIFY(!joinError->text().isEmpty());
        QVERIFY2(joinError->text().contains(QLatin1String("Cannot reach the server")),
                 qPrintable(joinError->text()));

        // "Message" on a member: no form to show it in, so the status bar says it.
        alice.window.chatPage()->messageMember(2);
        QTRY_VERIFY2(alice.window.statusBar()->currentMessage().contains(QLatin1String("Cannot reach")),
                     qPrintable(alice.window.statusBar()->currentMessage()));
    }

    void anotherProtocolVersionIsSaid()
    {
        // A server that greets with a protocol version this client does not speak.
        QWebSocketServer other(QStringLiteral("other"), QWebSocketServer::NonSecureMode);
        QVERIFY(other.listen(QHostAddress::LocalHost));
        connect(&other, &QWebSocketServer::newConnection, this, [&other] {
            QWebSocket *socket = other.nextPendingConnection();
            socket->setParent(&other);
            const QJsonObject hello{{QStringLiteral("type"), QStringLiteral("hello")},
                                    {QStringLiteral("protocol"), Limits::protocolVersion + 1},
                                    {QStringLiteral("server"), QStringLiteral("natterd 99")}};
            socket->sendTextMessage(QString::fromUtf8(QJsonDocument(hello).toJson(QJsonDocument::Compact)));
        });
        const QUrl url(QStringLiteral("ws://127.0.0.1:%1").arg(other.serverPort()));
        ClientWindow client(m_dir->path(), QStringLiteral("v"), url);
        QSignalSpy mismatch(&client.connection, &Connection::protocolMismatch);
        QVERIFY(client.submitSignIn(QStringLiteral("alice")));
        QTRY_COMPARE(mismatch.size(), 1);
        const QString expected = QStringLiteral("version %1").arg(Limits::protocolVersion + 1);
        QTRY_VERIFY2(client.signInError().contains(expected), qPrintable(client.signInError()));
        QVERIFY2(client.window.connectionStatus().contains(expected),
                 qPrintable(client.window.connectionStatus()));
        QVERIFY(client.find<QPushButton>("signIn")->isEnabled()); // not stuck on "Signing in…"
    }

    void aMessageRefusedInAnotherRoomIsSaid()
    {
        ClientWindow alice(m_dir->path(), QStringLiteral("r"), m_server->url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        std::optional<Room> first;
        std::optional<Room> second;
        alice.session.createRoom(QStringLiteral("First"), [&](const auto &r, const auto &) { first = r; });
        alice.session.createRoom(QStringLiteral("Second"), [&](const auto &r, const auto &) { second = r; });
        QTRY_VERIFY(first && second);
        alice.window.chatPage()->openRoom(first->id);
        // Too long for the server: refused with a reason while the user looks at another room.
        QSignalSpy failed(&alice.session, &ChatSession::sendFailed);
        alice.session.send(second->id, QString(Limits::messageMaxLength + 1, QLatin1Char('x')));
        QTRY_COMPARE(failed.size(), 1);
        const QString shown = alice.window.statusBar()->currentMessage();
        QVERIFY2(shown.contains(QLatin1String("Second")) && shown.contains(QLatin1String("not sent")),
                 qPrintable(shown));
    }
};

QTEST_MAIN(TestClientErrors)
#include "tst_clienterrors.moc"
