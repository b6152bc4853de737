// SPDX-License-Identifier: GPL-3.0-or-later
// natterd with its sockets spread over several I/O threads: what the protocol promises on one thread holds
// when the members of a room live on different ones, and every limit and close reaches every thread.
#include "rawclient.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>
#include <memory>
#include <vector>

using namespace Natter::Test;

namespace {
constexpr int kThreads = 3;
} // namespace

class TestIoThreads : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    bool start()
    {
        m_server->config().ioThreads = kThreads;
        return m_server->start() && m_server->server().ioThreadCount() == kThreads;
    }

private slots:
    void init() { m_server = std::make_unique<TestServer>(); }
    void cleanup() { m_server.reset(); }

    void everyMemberGetsEveryMessageOnceAndInOrder()
    {
        QVERIFY(start());
        // Twice as many members as threads: connections go to the threads in turn, so each has some.
        constexpr int kMembers = 2 * kThreads;
        constexpr int kEach = 40;
        std::vector<std::unique_ptr<TestClient>> members;
        for (int i = 0; i < kMembers; ++i)
            members.push_back(TestClient::signedIn(m_server->url(), QStringLiteral("user%1").arg(i), true));
        const QJsonObject room =
            members[0]->request(QStringLiteral("create_room"), {{"name", "Lounge"}}).value("room").toObject();
        const qint64 roomId = room.value("id").toInteger();
        for (int i = 1; i < kMembers; ++i) {
            QCOMPARE(
                replyCode(members[i]->request(QStringLiteral("join_room"), {{"code", room.value("code")}})),
                QStringLiteral("ok"));
        }
        // Everyone sends at once, without waiting for answers.
        std::vector<QList<qint64>> sends(kMembers);
        for (int n = 0; n < kEach; ++n) {
            for (int i = 0; i < kMembers; ++i) {
                sends[i].append(
                    members[i]->post(QStringLiteral("send"),
                                     {{"room", roomId}, {"text", QStringLiteral("%1:%2").arg(i).arg(n)}}));
            }
        }
        for (int i = 0; i < kMembers; ++i) {
            for (const qint64 id : std::as_const(sends[i]))
                QCOMPARE(replyCode(members[i]->waitForReply(id, 30000)), QStringLiteral("ok"));
        }
        for (int i = 0; i < kMembers; ++i) {
            QVERIFY(members[i]->waitForEvents(kChatMessage, kMembers * kEach, 30000));
            const QList<QJsonObject> got = members[i]->eventsOfType(kChatMessage);
            QCOMPARE(got.size(), kMembers * kEach); // none twice
            qint64 lastId = 0;
            QList<int> nextOf(kMembers, 0);
            for (const QJsonObject &event : got) {
                const QJsonObject message = event.value("message").toObject();
                // The room's order (ids increase), and each sender's messages in the order sent.
                QVERIFY2(message.value("id").toInteger() > lastId, qPrintable(QString::number(i)));
                lastId = message.value("id").toInteger();
                const QStringList parts = message.value("text").toString().split(QLatin1Char(':'));
                QCOMPARE(parts.size(), 2);
                const int sender = parts[0].toInt();
                QCOMPARE(parts[1].toInt(), nextOf[sender]);
                ++nextOf[sender];
            }
        }
    }

    void aDeadlineOnTheMainThreadClosesSocketsOnEveryThread()
    {
        m_server->config().connection.authTimeoutMs = 300;
        QVERIFY(start());
        std::vector<std::unique_ptr<TestClient>> clients;
        for (int i = 0; i < 2 * kThreads; ++i) {
            clients.push_back(std::make_unique<TestClient>());
            QVERIFY(clients.back()->open(m_server->url()));
        }
        for (const auto &client : clients) {
            QVERIFY(client->waitForDisconnect());
            QCOMPARE(client->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        }
        QTRY_COMPARE(m_server->server().connectionCount(), 0);
    }

    void silentPeersAreDroppedOnEveryThread()
    {
        m_server->config().pingIntervalMs = 100;
        m_server->config().idleTimeoutMs = 300;
        m_server->config().connection.authTimeoutMs = 600'000; // so that only silence can end them
        QVERIFY(start());
        // A bare socket answers no ping; the server's own clients would.
        std::vector<std::unique_ptr<RawClient>> silent;
        for (int i = 0; i < 2 * kThreads; ++i) {
            silent.push_back(std::make_unique<RawClient>());
            QVERIFY(silent.back()->connectTo(m_server->url()));
            QVERIFY(silent.back()->handshake());
        }
        for (const auto &client : silent)
            QVERIFY(client->waitForDisconnect(5000));
        QTRY_COMPARE(m_server->server().connectionCount(), 0);
    }

    void aClientReadFasterThanItIsHandledIsClosed()
    {
        m_server->config().connection.maxRequestsInFlight = 2; // 32 frames may wait for the main thread
        QVERIFY(start());
        // Connections go to the threads in turn from the main one: the second lives on an I/O thread.
        TestClient first;
        QVERIFY(first.open(m_server->url()));
        RawClient flooder;
        QVERIFY(flooder.connectTo(m_server->url()));
        QVERIFY(flooder.handshake());
        // Written while this (the main) thread handles nothing: the I/O thread reads them all ahead of it.
        for (int i = 0; i < 2000; ++i)
            flooder.sendText(QByteArrayLiteral("{\"id\":1,\"type\":\"list_rooms\"}"));
        QVERIFY(flooder.waitForDisconnect());
        QVERIFY(flooder.received().contains("more than 32 frames waiting for the server"));
        // The connection on the main thread, read only as fast as it is handled, is not touched.
        QVERIFY(first.isConnected());
    }

    void stoppingTheServerClosesEveryThreadsSockets()
    {
        QVERIFY(start());
        std::vector<std::unique_ptr<TestClient>> clients;
        for (int i = 0; i < 2 * kThreads; ++i)
            clients.push_back(TestClient::signedIn(m_server->url(), QStringLiteral("user%1").arg(i), true));
        m_server->stop();
        for (const auto &client : clients) {
            QVERIFY(client->waitForDisconnect());
            QCOMPARE(client->closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
            // natterd's own close (QWebSocket says "Connection closed" when merely deleted).
            QCOMPARE(client->closeReason(), QStringLiteral("server shutting down"));
        }
    }
};

QTEST_GUILESS_MAIN(TestIoThreads)
#include "tst_iothreads.moc"
