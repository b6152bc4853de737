// SPDX-License-Identifier: GPL-3.0-or-later
// Several natterd instances on one PostgreSQL database (issue 12): what one commits reaches the
// connections of the others, in order, once.
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Natter::Test;

class TestInstances : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        if (!TestDatabase::postgres())
            QSKIP("several instances share a PostgreSQL database (the *_postgres run)");
        // Some tests need the instances' own heartbeats (and the listening connection's checks, made at each
        // heartbeat) out of the way: a minute, and the test is over before.
        const QLatin1String test(QTest::currentTestFunction());
        const int heartbeatMs = test == QLatin1String("aStartingInstanceTellsOfTheDeadItFinds") ||
                                        test == QLatin1String("aJoinReadBackIsAnsweredOnlyByTheReply")
                                    ? 60'000
                                    : 2'000;
        m_first = std::make_unique<TestServer>();
        m_first->config().sharedDatabase = true;
        m_first->config().instanceHeartbeatMs = heartbeatMs;
        m_first->config().instanceDeadAfterMs = 5 * heartbeatMs;
        QVERIFY(m_first->start());
        m_second = std::make_unique<TestServer>();
        m_second->shareDatabaseOf(*m_first);
        m_second->config().sharedDatabase = true;
        m_second->config().instanceHeartbeatMs = heartbeatMs;
        m_second->config().instanceDeadAfterMs = 5 * heartbeatMs;
        QVERIFY(m_second->start());
        m_alice = TestClient::signedIn(m_first->url(), QStringLiteral("alice"), true);
        m_bob = TestClient::signedIn(m_second->url(), QStringLiteral("bob"), true); // the account is shared
        const QJsonObject room =
            m_alice->request(QStringLiteral("create_room"), {{"name", "Lounge"}}).value("room").toObject();
        m_room = room.value("id").toInteger();
        m_code = room.value("code").toString();
        // Bob joins through the other instance: the first learns of its new member.
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("join_room"), {{"code", m_code}})),
                 QStringLiteral("ok"));
        QVERIFY(m_alice->waitForEvents(QStringLiteral("member_joined")));
    }

    void cleanup()
    {
        m_alice.reset();
        m_bob.reset();
        m_second.reset();
        m_first.reset();
    }

    void messagesReachEveryInstanceInOrderOnce()
    {
        auto carol = TestClient::signedIn(m_second->url(), QStringLiteral("carol"), true);
        QCOMPARE(replyCode(carol->request(QStringLiteral("join_room"), {{"code", m_code}})),
                 QStringLiteral("ok"));
        constexpr int perSender = 100;
        for (int i = 0; i < perSender; ++i) {
            for (TestClient *sender : {m_alice.get(), m_bob.get(), carol.get()})
                sender->post(QStringLiteral("send"), {{"room", m_room}, {"text", QString::number(i)}});
        }
        for (TestClient *receiver : {m_alice.get(), m_bob.get(), carol.get()}) {
            QVERIFY(receiver->waitForEvents(kChatMessage, 3 * perSender, 60'000));
            const QList<qint64> ids = messageIds(receiver->eventsOfType(kChatMessage), m_room);
            QCOMPARE(ids.size(), 3 * perSender);
            for (int i = 1; i < ids.size(); ++i)
                QVERIFY2(ids[i] > ids[i - 1], "message events out of id order, or repeated");
        }
        // Every instance delivered the same messages: the history of either.
        const QJsonObject page =
            carol->request(QStringLiteral("history"), {{"room", m_room}, {"limit", 200}});
        QCOMPARE(idsOf(chatMessagesOf(page)),
                 messageIds(m_alice->eventsOfType(kChatMessage), m_room).mid(3 * perSender - 200));
    }

    void changesAndLeavingCrossInstances()
    {
        const QJsonObject sent = m_alice->request(
            QStringLiteral("send"), {{"room", m_room}, {"text", "frist"}, {"client_id", "a-1"}});
        QCOMPARE(replyCode(sent), QStringLiteral("ok"));
        const qint64 id = sent.value("message").toObject().value("id").toInteger();
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("edit_message"),
                                            {{"room", m_room}, {"message", id}, {"text", "first"}})),
                 QStringLiteral("ok"));
        QVERIFY(m_bob->waitForEvents(QStringLiteral("message_changed")));
        QCOMPARE(m_bob->eventsOfType(QStringLiteral("message_changed"))
                     .first()
                     .value("message")
                     .toObject()
                     .value("text")
                     .toString(),
                 QStringLiteral("first"));
        // A retry through the other instance finds the original: one message, whoever stored it.
        auto aliceThere = TestClient::signedIn(m_second->url(), QStringLiteral("alice"), false);
        const QJsonObject retried = aliceThere->request(
            QStringLiteral("send"), {{"room", m_room}, {"text", "frist"}, {"client_id", "a-1"}});
        QCOMPARE(retried.value("message").toObject().value("id").toInteger(), id);

        QCOMPARE(replyCode(m_bob->request(QStringLiteral("leave_room"), {{"room", m_room}})),
                 QStringLiteral("ok"));
        QVERIFY(m_alice->waitForEvents(QStringLiteral("member_left")));
        // Bob is no member any more for the first instance either: nothing of the room reaches him.
        m_bob->clearEvents();
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("send"), {{"room", m_room}, {"text", "bye"}})),
                 QStringLiteral("ok"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("send"), {{"room", m_room}, {"text", "again"}})),
                 QStringLiteral("ok"));
        QVERIFY(aliceThere->waitForEvents(kChatMessage, 2));
        QVERIFY(m_bob->eventsOfType(kChatMessage).isEmpty());
    }

    void presenceCountsEveryInstance()
    {
        // Bob is connected to the second instance only: the first shows him online.
        bool bobOnline = false;
        const QJsonArray rooms = m_alice->request(QStringLiteral("list_rooms")).value("rooms").toArray();
        for (const QJsonValue &member : rooms.first().toObject().value("members").toArray()) {
            if (member.toObject().value("username").toString() == QLatin1String("bob"))
                bobOnline = member.toObject().value("online").toBool();
        }
        QVERIFY2(bobOnline, QJsonDocument(rooms).toJson().constData());

        // Carol comes through the second instance and joins: the first announces her online.
        auto carol = TestClient::signedIn(m_second->url(), QStringLiteral("carol"), true);
        const qint64 carolId = carol->userId();
        QCOMPARE(replyCode(carol->request(QStringLiteral("join_room"), {{"code", m_code}})),
                 QStringLiteral("ok"));
        QVERIFY(m_alice->waitForEvents(QStringLiteral("member_joined"), 2));
        QVERIFY(m_alice->eventsOfType(QStringLiteral("member_joined")).last().value("online").toBool());
        // Connected through both, she leaves the second: still online, through the first.
        auto carolHere = TestClient::signedIn(m_first->url(), QStringLiteral("carol"), false);
        carol.reset();
        // The last connection goes: offline, once, and nothing said before.
        carolHere.reset();
        const auto aboutCarol = [&] { return presenceOf(*m_alice, carolId); };
        QTRY_COMPARE_WITH_TIMEOUT(aboutCarol(), QList<bool>{false}, 10'000);

        // An instance that stops cleanly hands its users over at once: bob was only on the second.
        m_second.reset();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QJsonObject &event : m_alice->eventsOfType(QStringLiteral("presence"))) {
                    if (event.value("user").toObject().value("username").toString() == QLatin1String("bob") &&
                        !event.value("online").toBool())
                        return true;
                }
                return false;
            }(),
            10'000);
        m_bob.reset();
    }

    void typingThroughAnInstanceThatGoesEndsWithIt()
    {
        // Alice types on a device connected through the second instance, which then stops; she stays online
        // through a third (and the first). Its end never comes from the second, so the first forgets what the
        // second said.
        TestServer third;
        third.shareDatabaseOf(*m_first);
        third.config().sharedDatabase = true;
        QVERIFY(third.start());
        auto aliceElsewhere = TestClient::signedIn(third.url(), QStringLiteral("alice"), false);
        auto aliceThere = TestClient::signedIn(m_second->url(), QStringLiteral("alice"), false);
        auto carol = TestClient::signedIn(m_first->url(), QStringLiteral("carol"), true);
        QCOMPARE(replyCode(carol->request(QStringLiteral("join_room"), {{"code", m_code}})),
                 QStringLiteral("ok"));
        QCOMPARE(replyCode(aliceThere->request(QStringLiteral("typing"), {{"room", m_room}})),
                 QStringLiteral("ok"));
        QVERIFY(carol->waitForEvents(QStringLiteral("typing")));
        QCOMPARE(typingInRoomView(*carol, QStringLiteral("alice")), true);
        m_second.reset();
        QTRY_COMPARE_WITH_TIMEOUT(typingInRoomView(*carol, QStringLiteral("alice")),
                                  std::optional<bool>(false), 10'000);
    }

    void aStartingInstanceTellsOfTheDeadItFinds()
    {
        // Dora was connected only through an instance that died (kill -9) and that no running instance has
        // reaped yet: their heartbeats are a minute apart here. An instance that starts removes it, and must
        // tell the others, whose own look would find nothing left to remove.
        auto dora = TestClient::signedIn(m_first->url(), QStringLiteral("dora"), true);
        const qint64 doraId = dora->userId();
        QCOMPARE(replyCode(dora->request(QStringLiteral("join_room"), {{"code", m_code}})),
                 QStringLiteral("ok"));
        dora.reset();
        const auto aboutDora = [&] { return presenceOf(*m_alice, doraId); };
        QTRY_COMPARE_WITH_TIMEOUT(aboutDora(), QList<bool>{false}, 10'000);
        {
            QString error;
            QSqlDatabase db = m_first->database().open(QStringLiteral("ghost"), &error);
            QVERIFY2(db.isOpen(), qPrintable(error));
            QSqlQuery query(db);
            QVERIFY2(query.exec(QStringLiteral("INSERT INTO instances (id, started_at, heartbeat_at) "
                                               "VALUES ('ghost', 0, 0)")),
                     qPrintable(query.lastError().text()));
            QVERIFY(query.prepare(
                QStringLiteral("INSERT INTO instance_presence (instance_id, user_id) VALUES ('ghost', ?)")));
            query.addBindValue(doraId);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            // What the ghost said when Dora connected through it.
            QVERIFY(query.prepare(QStringLiteral("SELECT pg_notify('natter_commits', ?)")));
            query.addBindValue(QStringLiteral(R"({"i":"ghost","p":[%1]})").arg(doraId));
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("ghost"));
        QTRY_COMPARE_WITH_TIMEOUT(aboutDora(), (QList<bool>{false, true}), 10'000);

        TestServer third;
        third.shareDatabaseOf(*m_first);
        third.config().sharedDatabase = true;
        third.config().instanceHeartbeatMs = m_first->config().instanceHeartbeatMs;
        third.config().instanceDeadAfterMs = m_first->config().instanceDeadAfterMs; // the ghost is older
        QVERIFY(third.start());
        QTRY_COMPARE_WITH_TIMEOUT(aboutDora(), (QList<bool>{false, true, false}), 10'000);
    }

    void eventsThatAreNotStoredCrossInstancesToo()
    {
        // Alice has a second device, on the second instance.
        auto aliceThere = TestClient::signedIn(m_second->url(), QStringLiteral("alice"), false);
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("typing"), {{"room", m_room}})),
                 QStringLiteral("ok"));
        QVERIFY(m_bob->waitForEvents(QStringLiteral("typing")));
        QCOMPARE(m_bob->eventsOfType(QStringLiteral("typing")).first().value("typing").toBool(), true);
        // A room's view on the other instance shows it too (what a connection signing in there learns),
        // until it ends.
        QCOMPARE(typingInRoomView(*m_bob, QStringLiteral("alice")), true);
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("typing"), {{"room", m_room}, {"typing", false}})),
                 QStringLiteral("ok"));
        QTRY_COMPARE(m_bob->eventsOfType(QStringLiteral("typing")).size(), 2);
        QCOMPARE(typingInRoomView(*m_bob, QStringLiteral("alice")), false);

        const QJsonObject sent =
            m_bob->request(QStringLiteral("send"), {{"room", m_room}, {"text", "read me"}});
        const qint64 id = sent.value("message").toObject().value("id").toInteger();
        QCOMPARE(
            replyCode(m_alice->request(QStringLiteral("mark_read"), {{"room", m_room}, {"message", id}})),
            QStringLiteral("ok"));
        QVERIFY(aliceThere->waitForEvents(QStringLiteral("read_marker")));
        QCOMPARE(aliceThere->eventsOfType(QStringLiteral("read_marker")).first().value("read").toInteger(),
                 id);

        QCOMPARE(
            replyCode(m_alice->request(QStringLiteral("rename_room"), {{"room", m_room}, {"name", "Salon"}})),
            QStringLiteral("ok"));
        QVERIFY(m_bob->waitForEvents(QStringLiteral("room_updated")));
        QCOMPARE(m_bob->eventsOfType(QStringLiteral("room_updated")).first().value("name").toString(),
                 QStringLiteral("Salon"));

        const QJsonObject created = m_alice->request(QStringLiteral("create_room"), {{"name", "Another"}});
        QVERIFY(aliceThere->waitForEvents(QStringLiteral("room_joined")));
        QCOMPARE(aliceThere->eventsOfType(QStringLiteral("room_joined"))
                     .first()
                     .value("room")
                     .toObject()
                     .value("id"),
                 created.value("room").toObject().value("id"));

        // Signing out everywhere reaches the other instance's connections at once.
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("logout_all"))), QStringLiteral("ok"));
        QVERIFY(aliceThere->waitForEvents(QStringLiteral("signed_out")));
        QCOMPARE(replyCode(aliceThere->request(QStringLiteral("list_rooms"))),
                 QStringLiteral("unauthenticated"));
    }

    void aJoinReadBackIsAnsweredOnlyByTheReply()
    {
        // The second instance's listening connection is cut (and, with heartbeats a minute apart, stays cut),
        // so it hears nothing of Alice's messages. When Carol joins through it, it reads her join back from
        // the database behind Alice's message: Bob, there too, receives that message only then. Carol's other
        // device learns of the room by room_joined; the connection that asked gets its reply, and no
        // room_joined besides, as with one instance. Then the same for leaving.
        QVERIFY(cutListener(*m_second));
        const auto unheard = [&](const QString &text) {
            return replyCode(m_alice->request(QStringLiteral("send"), {{"room", m_room}, {"text", text}}));
        };
        const auto bobHas = [&](const QString &text) {
            for (const QJsonObject &event : m_bob->eventsOfType(kChatMessage)) {
                if (event.value("message").toObject().value("text").toString() == text)
                    return true;
            }
            return false;
        };
        QCOMPARE(unheard(QStringLiteral("before the join")), QStringLiteral("ok"));
        auto carol = TestClient::signedIn(m_second->url(), QStringLiteral("carol"), true);
        auto carolThere = TestClient::signedIn(m_second->url(), QStringLiteral("carol"), false);
        QVERIFY(!bobHas(QStringLiteral("before the join")));
        QCOMPARE(replyCode(carol->request(QStringLiteral("join_room"), {{"code", m_code}})),
                 QStringLiteral("ok"));
        QVERIFY(carolThere->waitForEvents(QStringLiteral("room_joined")));
        QVERIFY(carol->eventsOfType(QStringLiteral("room_joined")).isEmpty());
        QTRY_VERIFY(bobHas(QStringLiteral("before the join"))); // read back, as the join was

        QCOMPARE(unheard(QStringLiteral("before the leave")), QStringLiteral("ok"));
        QCOMPARE(replyCode(carol->request(QStringLiteral("leave_room"), {{"room", m_room}})),
                 QStringLiteral("ok"));
        QVERIFY(carolThere->waitForEvents(QStringLiteral("room_left")));
        QVERIFY(carol->eventsOfType(QStringLiteral("room_left")).isEmpty());
        QTRY_VERIFY(bobHas(QStringLiteral("before the leave")));
    }

    void aLostListenerCatchesUpInOrder()
    {
        // The second instance's listening connection is cut; meanwhile Alice sends two messages and edits
        // the first. Once it has reconnected (checked every 2 s) it reads what it missed: both as messages,
        // in id order, the first already edited.
        QVERIFY(cutListener(*m_second));
        const auto send = [&](const char *text) {
            return m_alice->request(QStringLiteral("send"), {{"room", m_room}, {"text", text}})
                .value("message")
                .toObject()
                .value("id")
                .toInteger();
        };
        const qint64 first = send("one");
        const qint64 second = send("two");
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("edit_message"),
                                            {{"room", m_room}, {"message", first}, {"text", "one, edited"}})),
                 QStringLiteral("ok"));
        QVERIFY(m_bob->waitForEvents(kChatMessage, 2, 20'000));
        const QList<QJsonObject> messages = m_bob->eventsOfType(kChatMessage);
        QCOMPARE(messageIds(messages, m_room), (QList<qint64>{first, second}));
        QCOMPARE(messages.first().value("message").toObject().value("text").toString(),
                 QStringLiteral("one, edited"));
        QVERIFY(m_bob->eventsOfType(QStringLiteral("message_changed")).isEmpty());
    }

    void sharedAndAloneKeepEachOtherOut()
    {
        TestServer alone;
        alone.shareDatabaseOf(*m_first);
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("failed to start.*in use by another natterd")));
        QVERIFY(!alone.start());
    }

private:
    /// What the presence events `client` received said of the user, in order.
    static QList<bool> presenceOf(TestClient &client, qint64 userId)
    {
        QList<bool> online;
        for (const QJsonObject &event : client.eventsOfType(QStringLiteral("presence"))) {
            if (event.value("user").toObject().value("id").toInteger() == userId)
                online.append(event.value("online").toBool());
        }
        return online;
    }

    /// Ends the server's connection that listens to the other instances (it reconnects within 2 s); false
    /// when it has none now.
    bool cutListener(TestServer &server)
    {
        bool cut = false;
        {
            QString error;
            QSqlDatabase admin = m_first->database().open(QStringLiteral("admin"), &error);
            QSqlQuery query(admin);
            query.prepare(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                         "WHERE application_name = ?"));
            query.addBindValue(QStringLiteral("natterd-bus-") + server.server().instanceId());
            cut = query.exec() && query.next() && query.value(0).toBool();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("admin"));
        return cut;
    }

    /// Whether `client`'s list_rooms shows `username` typing in the test's room.
    /// nullopt when list_rooms failed (it is rate-limited).
    std::optional<bool> typingInRoomView(TestClient &client, const QString &username) const
    {
        const QJsonObject reply = client.request(QStringLiteral("list_rooms"));
        if (replyCode(reply) != QLatin1String("ok"))
            return std::nullopt;
        const QJsonArray rooms = reply.value("rooms").toArray();
        for (const QJsonValue &room : rooms) {
            if (room.toObject().value("id").toInteger() != m_room)
                continue;
            const QJsonArray members = room.toObject().value("members").toArray();
            for (const QJsonValue &member : members) {
                if (member.toObject().value("username").toString() == username)
                    return member.toObject().value("typing").toBool();
            }
        }
        return false;
    }

    std::unique_ptr<TestServer> m_first;
    std::unique_ptr<TestServer> m_second;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_bob;
    qint64 m_room = 0;
    QString m_code;
};

QTEST_GUILESS_MAIN(TestInstances)
#include "tst_instances.moc"
