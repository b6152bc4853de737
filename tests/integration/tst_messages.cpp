// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"
#include "storagewriter.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Natter::Test;

class TestMessages : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        m_alice = connectedUser("alice", true);
        m_bob = connectedUser("bob", true);
        m_carol = connectedUser("carol", true);
        const QJsonObject room =
            m_alice->request(QStringLiteral("create_room"), {{"name", "Lounge"}}).value("room").toObject();
        m_room = room.value("id").toInteger();
        m_code = room.value("code").toString();
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("join_room"), {{"code", m_code}})),
                 QStringLiteral("ok"));
    }

    void cleanup()
    {
        m_alice.reset();
        m_bob.reset();
        m_carol.reset();
        m_server.reset();
    }

    void sendReachesEveryMemberConnection()
    {
        auto bobAgain = connectedUser("bob", false);
        const QJsonObject reply = m_alice->request(
            QStringLiteral("send"), {{"room", m_room}, {"text", "hello 👋"}, {"client_id", "c-1"}});
        QCOMPARE(replyCode(reply), QStringLiteral("ok"));
        const QJsonObject message = reply.value("message").toObject();
        QVERIFY(message.value("id").toInteger() > 0);
        QCOMPARE(message.value("room").toInteger(), m_room);
        QCOMPARE(message.value("text").toString(), QStringLiteral("hello 👋"));
        QCOMPARE(message.value("client_id").toString(), QStringLiteral("c-1"));
        QCOMPARE(message.value("author").toObject().value("username").toString(), QStringLiteral("alice"));
        const qint64 ts = message.value("ts").toInteger();
        QVERIFY(qAbs(ts - QDateTime::currentMSecsSinceEpoch()) < 60'000);

        for (TestClient *client : {m_alice.get(), m_bob.get(), bobAgain.get()}) {
            QVERIFY(client->waitForEvents(kChatMessage));
            QCOMPARE(client->eventsOfType(kChatMessage).first().value("message").toObject(), message);
        }
        // Carol is in no room with them: a round trip later she still has heard nothing.
        QCOMPARE(replyCode(m_carol->request(QStringLiteral("list_rooms"))), QStringLiteral("ok"));
        QVERIFY(m_carol->eventsOfType(kChatMessage).isEmpty());
    }

    void sendErrorsInOrder()
    {
        QCOMPARE(replyCode(m_carol->request(QStringLiteral("send"), {{"room", m_room}, {"text", "hi"}})),
                 QStringLiteral("not_a_member"));
        QCOMPARE(
            replyCode(m_alice->request(QStringLiteral("send"), {{"room", m_room + 999}, {"text", "hi"}})),
            QStringLiteral("not_a_member"));
        // Membership is checked before length: a non-member learns nothing about limits.
        QCOMPARE(replyCode(m_carol->request(QStringLiteral("send"),
                                            {{"room", m_room}, {"text", QString(4001, 'x')}})),
                 QStringLiteral("not_a_member"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("send"),
                                            {{"room", m_room}, {"text", QString(4001, 'x')}})),
                 QStringLiteral("too_long"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("send"),
                                            {{"room", m_room}, {"text", QString(4000, 'x')}})),
                 QStringLiteral("ok"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("send"), {{"room", m_room}, {"text", " \n "}})),
                 QStringLiteral("bad_request"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("send"), {{"room", m_room}})),
                 QStringLiteral("bad_request"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("history"), {{"room", m_room}, {"limit", 0}})),
                 QStringLiteral("bad_request"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("history"),
                                            {{"room", m_room}, {"before", 1}, {"after", 1}})),
                 QStringLiteral("bad_request"));
        QCOMPARE(replyCode(m_carol->request(QStringLiteral("history"), {{"room", m_room}})),
                 QStringLiteral("not_a_member"));
    }

    void idempotentRetry()
    {
        const QJsonObject fields{{"room", m_room}, {"text", "only once"}, {"client_id", "retry-1"}};
        const QJsonObject first = m_alice->request(QStringLiteral("send"), fields);
        QCOMPARE(replyCode(first), QStringLiteral("ok"));
        // The same client_id from a new connection (after a reconnect, say) gets the original back.
        auto aliceAgain = connectedUser("alice", false);
        const QJsonObject retry = aliceAgain->request(QStringLiteral("send"), fields);
        QCOMPARE(replyCode(retry), QStringLiteral("ok"));
        QCOMPARE(retry.value("message"), first.value("message"));
        // Two copies racing in one batch are stored once as well.
        const qint64 a =
            m_alice->post(QStringLiteral("send"), {{"room", m_room}, {"text", "race"}, {"client_id", "r2"}});
        const qint64 b =
            m_alice->post(QStringLiteral("send"), {{"room", m_room}, {"text", "race"}, {"client_id", "r2"}});
        QCOMPARE(m_alice->waitForReply(a).value("message"), m_alice->waitForReply(b).value("message"));
        // Another user may use the same client_id: it is scoped to the author.
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("send"), fields)), QStringLiteral("ok"));

        QVERIFY(m_bob->waitForEvents(kChatMessage, 3));
        const QJsonArray stored =
            chatMessagesOf(m_alice->request(QStringLiteral("history"), {{"room", m_room}}));
        QCOMPARE(stored.size(), 3);
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("list_rooms"))), QStringLiteral("ok"));
        QCOMPARE(m_bob->eventsOfType(kChatMessage).size(), 3);
    }

    void orderingUnderConcurrentSenders()
    {
        auto dave = connectedUser("dave", true);
        QCOMPARE(replyCode(dave->request(QStringLiteral("join_room"), {{"code", m_code}})),
                 QStringLiteral("ok"));
        constexpr int perSender = 150;
        QList<qint64> lastIds;
        for (int i = 0; i < perSender; ++i) {
            for (TestClient *sender : {m_alice.get(), m_bob.get(), dave.get()})
                lastIds.append(
                    sender->post(QStringLiteral("send"), {{"room", m_room}, {"text", QString::number(i)}}));
        }
        const qint64 batchesBefore = m_server->server().writer().batchesCommitted();
        const qint64 messagesBefore = m_server->server().writer().jobsCommitted();
        for (TestClient *receiver : {m_alice.get(), m_bob.get(), dave.get()}) {
            QVERIFY(receiver->waitForEvents(kChatMessage, 3 * perSender, 30000));
            const QList<qint64> ids = messageIds(receiver->eventsOfType(kChatMessage), m_room);
            QCOMPARE(ids.size(), 3 * perSender);
            for (int i = 1; i < ids.size(); ++i)
                QVERIFY2(ids[i] > ids[i - 1], "message events out of id order");
        }
        const QJsonObject page =
            m_alice->request(QStringLiteral("history"), {{"room", m_room}, {"limit", 200}});
        QCOMPARE(idsOf(page.value("messages").toArray()),
                 messageIds(m_alice->eventsOfType(kChatMessage), m_room).mid(3 * perSender - 200));
        // Group commit: many messages share a transaction when they arrive together.
        const qint64 batches = m_server->server().writer().batchesCommitted() - batchesBefore;
        const qint64 messages = m_server->server().writer().jobsCommitted() - messagesBefore;
        qInfo() << messages << "messages committed in" << batches << "transactions";
        QVERIFY(batches < messages);
    }

    void historyPagingAcross10000Messages()
    {
        constexpr int total = 10'000;
        qint64 lastRequest = 0;
        for (int i = 0; i < total; ++i)
            lastRequest = m_alice->post(QStringLiteral("send"),
                                        {{"room", m_room}, {"text", QStringLiteral("m%1").arg(i)}});
        QCOMPARE(replyCode(m_alice->waitForReply(lastRequest, 120000)), QStringLiteral("ok"));

        QList<qint64> collected;
        QJsonObject page = m_bob->request(QStringLiteral("history"), {{"room", m_room}, {"limit", 200}});
        while (true) {
            QCOMPARE(replyCode(page), QStringLiteral("ok"));
            const QList<qint64> ids = idsOf(page.value("messages").toArray());
            QVERIFY(!ids.isEmpty());
            collected = ids + collected;
            if (!page.value("more").toBool())
                break;
            page = m_bob->request(QStringLiteral("history"),
                                  {{"room", m_room}, {"before", ids.first()}, {"limit", 200}});
        }
        QCOMPARE(collected.size(), total + 1); // and the line saying that Bob joined, first
        for (int i = 1; i < collected.size(); ++i)
            QVERIFY(collected[i] > collected[i - 1]);
        const QJsonArray first = m_bob
                                     ->request(QStringLiteral("history"),
                                               {{"room", m_room}, {"before", collected[2]}, {"limit", 5}})
                                     .value("messages")
                                     .toArray();
        QCOMPARE(first.size(), 2);
        QCOMPARE(first.at(0).toObject().value("kind").toString(), QStringLiteral("joined"));
        QCOMPARE(first.at(1).toObject().value("text").toString(), QStringLiteral("m0"));

        // Forward from the middle, in the catch-up direction.
        const QJsonObject forward = m_bob->request(
            QStringLiteral("history"), {{"room", m_room}, {"after", collected[4999]}, {"limit", 200}});
        QCOMPARE(idsOf(forward.value("messages").toArray()), collected.mid(5000, 200));
        QVERIFY(forward.value("more").toBool());
        const QJsonObject tail =
            m_bob->request(QStringLiteral("history"), {{"room", m_room}, {"after", collected[total - 3]}});
        QCOMPARE(idsOf(tail.value("messages").toArray()), collected.mid(total - 2));
        QVERIFY(!tail.value("more").toBool());
        const QJsonObject defaults = m_bob->request(QStringLiteral("history"), {{"room", m_room}});
        QCOMPARE(idsOf(defaults.value("messages").toArray()), collected.mid(collected.size() - 50));
    }

    void catchUpAfterReconnect()
    {
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("send"), {{"room", m_room}, {"text", "before"}})),
                 QStringLiteral("ok"));
        QVERIFY(m_bob->waitForEvents(kChatMessage));
        const qint64 lastSeen =
            m_bob->eventsOfType(kChatMessage).last().value("message").toObject().value("id").toInteger();
        const QString token = m_bob->token();
        m_bob->close();

        QList<qint64> missed;
        for (int i = 0; i < 5; ++i) {
            missed.append(
                m_alice->request(QStringLiteral("send"), {{"room", m_room}, {"text", QString::number(i)}})
                    .value("message")
                    .toObject()
                    .value("id")
                    .toInteger());
        }
        TestClient bob;
        QVERIFY(bob.open(m_server->url()));
        QCOMPARE(replyCode(bob.request(QStringLiteral("resume"), {{"token", token}})), QStringLiteral("ok"));
        const QJsonObject caughtUp =
            bob.request(QStringLiteral("history"), {{"room", m_room}, {"after", lastSeen}});
        QCOMPARE(idsOf(caughtUp.value("messages").toArray()), missed);
        QVERIFY(!caughtUp.value("more").toBool());
    }

    void storageFailureIsReportedAndLosesNothing()
    {
        // Triggers that abort every insert stand in for a failing disk.
        if (TestDatabase::postgres()) {
            runSql("CREATE FUNCTION fail() RETURNS trigger LANGUAGE plpgsql AS "
                   "$$ BEGIN RAISE EXCEPTION 'disk'; END $$");
            runSql("CREATE TRIGGER fail_messages BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION "
                   "fail()");
            runSql("CREATE TRIGGER fail_rooms BEFORE INSERT ON rooms FOR EACH ROW EXECUTE FUNCTION fail()");
        } else {
            runSql(
                "CREATE TRIGGER fail_messages BEFORE INSERT ON messages BEGIN SELECT RAISE(ABORT, 'disk'); "
                "END");
            runSql("CREATE TRIGGER fail_rooms BEFORE INSERT ON rooms BEGIN SELECT RAISE(ABORT, 'disk'); END");
        }
        const QJsonObject failed =
            m_alice->request(QStringLiteral("send"), {{"room", m_room}, {"text", "lost?"}});
        QCOMPARE(replyCode(failed), QStringLiteral("internal_error"));
        QVERIFY(!failed.value("message").toString().isEmpty());
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("create_room"), {{"name", "Nope"}})),
                 QStringLiteral("internal_error"));

        const char *onMessages = TestDatabase::postgres() ? " ON messages" : "";
        const char *onRooms = TestDatabase::postgres() ? " ON rooms" : "";
        runSql(QStringLiteral("DROP TRIGGER fail_messages%1").arg(QLatin1String(onMessages)));
        runSql(QStringLiteral("DROP TRIGGER fail_rooms%1").arg(QLatin1String(onRooms)));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("send"), {{"room", m_room}, {"text", "kept"}})),
                 QStringLiteral("ok"));
        const QJsonArray stored =
            chatMessagesOf(m_alice->request(QStringLiteral("history"), {{"room", m_room}}));
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.at(0).toObject().value("text").toString(), QStringLiteral("kept"));
        // Nobody was told of the failed message.
        QVERIFY(m_bob->waitForEvents(kChatMessage));
        QCOMPARE(m_bob->eventsOfType(kChatMessage).size(), 1);
    }

private:
    std::unique_ptr<TestClient> connectedUser(const char *name, bool registerFirst)
    {
        return TestClient::signedIn(m_server->url(), QString::fromLatin1(name), registerFirst);
    }

    void runSql(const QString &sql)
    {
        QString error;
        {
            const QSqlDatabase db = m_server->database().open(QStringLiteral("saboteur"), &error);
            QSqlQuery query(db);
            if (!query.exec(sql))
                qFatal("cannot run %s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        }
        Natter::Server::Database::close(QStringLiteral("saboteur"));
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<TestClient> m_carol;
    qint64 m_room = 0;
    QString m_code;
};

QTEST_GUILESS_MAIN(TestMessages)
#include "tst_messages.moc"
