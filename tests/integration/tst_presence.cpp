// SPDX-License-Identifier: GPL-3.0-or-later
#include "frames.h"
#include "testclient.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>

using namespace Natter::Test;

namespace {

/// One masked client text frame, as RFC 6455 wants clients to send.
QByteArray maskedTextFrame(const QByteArray &payload)
{
    QByteArray frame;
    frame.append(char(0x81));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else {
        frame.append(char(0x80 | 126));
        frame.append(char((payload.size() >> 8) & 0xff));
        frame.append(char(payload.size() & 0xff));
    }
    const char mask[4] = {0x12, 0x34, 0x56, 0x78};
    frame.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload.at(i) ^ mask[i % 4]));
    return frame;
}
} // namespace

class TestPresence : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_server->config().pingIntervalMs = 200;
        m_server->config().idleTimeoutMs = 800;
        QVERIFY(m_server->start());
        m_alice = std::make_unique<TestClient>();
        m_carol = std::make_unique<TestClient>();
        QVERIFY(m_alice->open(m_server->url()));
        QVERIFY(m_carol->open(m_server->url()));
        QCOMPARE(replyCode(m_alice->registerUser(QStringLiteral("alice"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(m_carol->registerUser(QStringLiteral("carol"))), QStringLiteral("ok"));
        TestClient bob;
        QVERIFY(bob.open(m_server->url()));
        QCOMPARE(replyCode(bob.registerUser(QStringLiteral("bob"))), QStringLiteral("ok"));
        m_bobToken = bob.token();
        const QJsonObject room =
            m_alice->request(QStringLiteral("create_room"), {{"name", "Lounge"}}).value("room").toObject();
        QCOMPARE(replyCode(bob.request(QStringLiteral("join_room"), {{"code", room.value("code")}})),
                 QStringLiteral("ok"));
        bob.close();
        QVERIFY(m_alice->waitForEvents(QStringLiteral("presence")));
        m_alice->clearEvents();
    }

    void cleanup()
    {
        m_alice.reset();
        m_carol.reset();
        m_server.reset();
    }

    void twoConnectionsOfOneUser()
    {
        TestClient bob1;
        QVERIFY(bob1.open(m_server->url()));
        QCOMPARE(replyCode(bob1.login(QStringLiteral("bob"))), QStringLiteral("ok"));
        QVERIFY(m_alice->waitForEvents(QStringLiteral("presence")));
        QJsonObject event = m_alice->eventsOfType(QStringLiteral("presence")).first();
        QCOMPARE(event.value("user").toObject().value("username").toString(), QStringLiteral("bob"));
        QCOMPARE(event.value("online").toBool(), true);

        TestClient bob2;
        QVERIFY(bob2.open(m_server->url()));
        QCOMPARE(replyCode(bob2.request(QStringLiteral("resume"), {{"token", m_bobToken}})),
                 QStringLiteral("ok"));
        bob1.close();
        QTRY_COMPARE(m_server->server().connectionCount(), 3);
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("list_rooms"))), QStringLiteral("ok"));
        QCOMPARE(m_alice->eventsOfType(QStringLiteral("presence")).size(), 1); // not repeated either way

        bob2.close();
        QVERIFY(m_alice->waitForEvents(QStringLiteral("presence"), 2));
        event = m_alice->eventsOfType(QStringLiteral("presence")).at(1);
        QCOMPARE(event.value("online").toBool(), false);
        // Carol shares no room with Bob: she hears nothing of him.
        QCOMPARE(replyCode(m_carol->request(QStringLiteral("list_rooms"))), QStringLiteral("ok"));
        QVERIFY(m_carol->eventsOfType(QStringLiteral("presence")).isEmpty());
        QVERIFY(m_alice->eventsOfType(QStringLiteral("presence")).size() == 2);
    }

    void logoutGoesOffline()
    {
        TestClient bob;
        QVERIFY(bob.open(m_server->url()));
        QCOMPARE(replyCode(bob.login(QStringLiteral("bob"))), QStringLiteral("ok"));
        QVERIFY(m_alice->waitForEvents(QStringLiteral("presence")));
        QCOMPARE(replyCode(bob.request(QStringLiteral("logout"))), QStringLiteral("ok"));
        QVERIFY(m_alice->waitForEvents(QStringLiteral("presence"), 2));
        QCOMPARE(m_alice->eventsOfType(QStringLiteral("presence")).at(1).value("online").toBool(), false);
        QVERIFY(bob.isConnected());
    }

    void vanishedClientGoesOfflineAfterTimeout()
    {
        // A raw TCP client that does the handshake, signs in, then never answers again (no pong, no close).
        QTcpSocket raw;
        raw.connectToHost(m_server->url().host(), quint16(m_server->url().port()));
        QVERIFY(raw.waitForConnected(5000));
        raw.write("GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QVERIFY(
            QTest::qWaitFor([&] { return raw.bytesAvailable() > 0 && raw.peek(64).contains("101"); }, 5000));
        const QByteArray resume =
            Natter::Frames::serialize({{"type", "resume"}, {"id", 1}, {"token", m_bobToken}}).toUtf8();
        raw.write(maskedTextFrame(resume));
        QVERIFY(m_alice->waitForEvents(QStringLiteral("presence")));
        QCOMPARE(m_alice->eventsOfType(QStringLiteral("presence")).first().value("online").toBool(), true);

        QElapsedTimer timer;
        timer.start();
        QVERIFY(m_alice->waitForEvents(QStringLiteral("presence"), 2, 10000));
        QCOMPARE(m_alice->eventsOfType(QStringLiteral("presence")).at(1).value("online").toBool(), false);
        qInfo() << "silent client marked offline after" << timer.elapsed() << "ms (idle timeout 800 ms)";
        QVERIFY(timer.elapsed() >= 500);
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_carol;
    QString m_bobToken;
};

QTEST_GUILESS_MAIN(TestPresence)
#include "tst_presence.moc"
