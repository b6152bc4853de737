// SPDX-License-Identifier: GPL-3.0-or-later
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Natter::Test;

namespace {

void expectLimited(const QJsonObject &reply, qint64 maxWaitMs)
{
    QCOMPARE(replyCode(reply), QStringLiteral("rate_limited"));
    const qint64 wait = reply.value(QStringLiteral("retry_after_ms")).toInteger();
    QVERIFY2(wait > 0 && wait <= maxWaitMs, qPrintable(QString::number(wait)));
}
} // namespace

class TestLimits : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_server->config().loginLimit = {3, 6};
        m_server->config().registerLimit = {2, 6};
        m_server->config().joinLimit = {2, 6};
        m_server->config().sendLimit = {3, 6}; // slow refill: nothing comes back during the test
        QVERIFY(m_server->start());
    }

    void cleanup() { m_server.reset(); }

    void registerAndLoginAreLimitedPerAddress()
    {
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        QCOMPARE(replyCode(client.registerUser(QStringLiteral("alice"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(client.registerUser(QStringLiteral("alice"))), QStringLiteral("username_taken"));
        expectLimited(client.registerUser(QStringLiteral("bob")), 10'000);

        for (int i = 0; i < 3; ++i)
            QCOMPARE(replyCode(client.login(QStringLiteral("alice"), QStringLiteral("wrong-pass"))),
                     QStringLiteral("bad_credentials"));
        expectLimited(client.login(QStringLiteral("alice")), 10'000);
        // A new connection from the same address is limited just the same.
        TestClient other;
        QVERIFY(other.open(m_server->url()));
        expectLimited(other.login(QStringLiteral("alice")), 10'000);
    }

    void joinIsLimitedPerUser()
    {
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        QCOMPARE(replyCode(client.registerUser(QStringLiteral("guesser"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(client.request(QStringLiteral("join_room"), {{"code", "AAAAAAAAAA"}})),
                 QStringLiteral("no_such_room"));
        QCOMPARE(replyCode(client.request(QStringLiteral("join_room"), {{"code", "BBBBBBBBBB"}})),
                 QStringLiteral("no_such_room"));
        expectLimited(client.request(QStringLiteral("join_room"), {{"code", "CCCCCCCCCC"}}), 10'000);
    }

    void sendIsLimitedButRetriesAreFree()
    {
        TestClient alice;
        QVERIFY(alice.open(m_server->url()));
        QCOMPARE(replyCode(alice.registerUser(QStringLiteral("alice"))), QStringLiteral("ok"));
        const qint64 room = alice.request(QStringLiteral("create_room"), {{"name", "R"}})
                                .value("room")
                                .toObject()
                                .value("id")
                                .toInteger();
        const QJsonObject first{{"room", room}, {"text", "one"}, {"client_id", "k1"}};
        QCOMPARE(replyCode(alice.request(QStringLiteral("send"), first)), QStringLiteral("ok"));
        QCOMPARE(replyCode(alice.request(QStringLiteral("send"), {{"room", room}, {"text", "two"}})),
                 QStringLiteral("ok"));
        QCOMPARE(replyCode(alice.request(QStringLiteral("send"), {{"room", room}, {"text", "three"}})),
                 QStringLiteral("ok"));
        const QJsonObject limited = alice.request(QStringLiteral("send"), {{"room", room}, {"text", "four"}});
        expectLimited(limited, 10'000);
        // A retry of a stored send is answered although the bucket is empty.
        QCOMPARE(replyCode(alice.request(QStringLiteral("send"), first)), QStringLiteral("ok"));
        // The refused message was not stored.
        const QJsonObject history = alice.request(QStringLiteral("history"), {{"room", room}});
        QCOMPARE(history.value("messages").toArray().size(), 3);

        // Waiting retry_after_ms and succeeding is the limiter's unit test (with a clock it controls);
        // here the limit is per user: someone else may still send.
        TestClient bob;
        QVERIFY(bob.open(m_server->url()));
        QCOMPARE(replyCode(bob.registerUser(QStringLiteral("bob"))), QStringLiteral("ok"));
        const QJsonObject own =
            bob.request(QStringLiteral("create_room"), {{"name", "B"}}).value("room").toObject();
        QCOMPARE(replyCode(bob.request(QStringLiteral("send"), {{"room", own.value("id")}, {"text", "hi"}})),
                 QStringLiteral("ok"));
        // A send the client got wrong counts too: found out only by the writer (a reply to no message), it
        // is not given back, so failing sends cannot be repeated without limit.
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(
                replyCode(bob.request(QStringLiteral("send"),
                                      {{"room", own.value("id")}, {"text", "re"}, {"reply_to", 999'999}})),
                QStringLiteral("no_such_message"));
        }
        expectLimited(bob.request(QStringLiteral("send"), {{"room", own.value("id")}, {"text", "more"}}),
                      10'000);
    }

private:
    std::unique_ptr<TestServer> m_server;
};

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
