// SPDX-License-Identifier: GPL-3.0-or-later
// Typing, read markers, events to a user's other devices, the owner's room settings and direct
// conversations, against the real server: each request, its errors, and that none of it reaches a
// non-member.
#include "testclient.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace Natter::Test;

namespace {
QJsonObject roomIn(const QJsonObject &listRooms, qint64 id)
{
    for (const QJsonValue &value : listRooms.value(QStringLiteral("rooms")).toArray()) {
        if (value.toObject().value("id").toInteger() == id)
            return value.toObject();
    }
    return {};
}
} // namespace

class TestActivity : public QObject {
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
        QCOMPARE(room.value("owner").toInteger(), m_alice->userId());
        QCOMPARE(room.value("direct").toBool(), false);
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("join_room"), {{"code", m_code}})),
                 QStringLiteral("ok"));
        QCOMPARE(replyCode(m_carol->request(QStringLiteral("create_room"), {{"name", "Elsewhere"}})),
                 QStringLiteral("ok"));
    }

    void cleanup()
    {
        m_alice.reset();
        m_bob.reset();
        m_carol.reset();
        m_server.reset();
    }

    void typingStartsStopsAndExpires()
    {
        auto bobPhone = connectedUser("bob", false);
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("typing"), {{"room", m_room}})),
                 QStringLiteral("ok"));
        for (TestClient *bob : {m_bob.get(), bobPhone.get()}) {
            QVERIFY(bob->waitForEvents(QStringLiteral("typing")));
            const QJsonObject event = bob->eventsOfType(QStringLiteral("typing")).first();
            QCOMPARE(event.value("room").toInteger(), m_room);
            QCOMPARE(event.value("user").toObject().value("id").toInteger(), m_alice->userId());
            QCOMPARE(event.value("typing").toBool(), true);
        }
        // A connection that comes later reads it in the room's members: the event was before its time.
        const auto aliceIn = [](const QJsonObject &rooms) {
            for (const QJsonValue &room : rooms.value("rooms").toArray()) {
                for (const QJsonValue &member : room.toObject().value("members").toArray()) {
                    if (member.toObject().value("username").toString() == QLatin1String("alice"))
                        return member.toObject();
                }
            }
            return QJsonObject();
        };
        auto bobLater = connectedUser("bob", false);
        QCOMPARE(aliceIn(bobLater->request(QStringLiteral("list_rooms"))).value("typing").toBool(), true);
        // A renewal is an event too (clients end an indication that is not renewed), and so is a stop; a
        // second stop is not (a new start after it shows, in order, that nothing came between).
        for (const bool typing : {true, false, false, true}) {
            QCOMPARE(
                replyCode(m_alice->request(QStringLiteral("typing"), {{"room", m_room}, {"typing", typing}})),
                QStringLiteral("ok"));
        }
        QVERIFY(m_bob->waitForEvents(QStringLiteral("typing"), 4));
        QList<bool> heard;
        for (const QJsonObject &event : m_bob->eventsOfType(QStringLiteral("typing")))
            heard.append(event.value("typing").toBool());
        QCOMPARE(heard, (QList<bool>{true, true, false, true}));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("typing"), {{"room", m_room}, {"typing", false}})),
                 QStringLiteral("ok"));
        QVERIFY(m_bob->waitForEvents(QStringLiteral("typing"), 5));
        QVERIFY(!aliceIn(bobLater->request(QStringLiteral("list_rooms"))).contains(QStringLiteral("typing")));

        // Without renewal it ends by itself, after the protocol's 6 s and before 6 s plus a sweep.
        m_bob->clearEvents();
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("typing"), {{"room", m_room}})),
                 QStringLiteral("ok"));
        QVERIFY(m_bob->waitForEvents(QStringLiteral("typing"), 2, 12000));
        QCOMPARE(m_bob->eventsOfType(QStringLiteral("typing")).last().value("typing").toBool(), false);
        QVERIFY2(clock.elapsed() >= 5900, qPrintable(QString::number(clock.elapsed())));
        // The typist hears nothing of their own typing; a non-member may not type or hear.
        QVERIFY(m_alice->eventsOfType(QStringLiteral("typing")).isEmpty());
        QCOMPARE(replyCode(m_carol->request(QStringLiteral("typing"), {{"room", m_room}})),
                 QStringLiteral("not_a_member"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("typing"), {{"room", m_room}, {"typing", "yes"}})),
                 QStringLiteral("bad_request"));
        expectCarolHeardNothing();
    }

    void leavingEndsTyping()
    {
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("typing"), {{"room", m_room}})),
                 QStringLiteral("ok"));
        QVERIFY(m_bob->waitForEvents(QStringLiteral("typing")));
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("leave_room"), {{"room", m_room}})),
                 QStringLiteral("ok"));
        // At once, not when the indication would have run out (6 s).
        QVERIFY(m_bob->waitForEvents(QStringLiteral("typing"), 2, 3000));
        QCOMPARE(m_bob->eventsOfType(QStringLiteral("typing")).last().value("typing").toBool(), false);
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    }

    void typingIsRateLimited()
    {
        m_server->stop();
        m_server->config().typingLimit = {3, 1};
        QVERIFY(m_server->start());
        auto alice = connectedUser("alice", false);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(replyCode(alice->request(QStringLiteral("typing"), {{"room", m_room}})),
                     QStringLiteral("ok"));
        const QJsonObject limited = alice->request(QStringLiteral("typing"), {{"room", m_room}});
        QCOMPARE(replyCode(limited), QStringLiteral("rate_limited"));
        QVERIFY(limited.value("retry_after_ms").toInteger() > 0);
    }

    void readPositionMovesForwardAndReachesOtherDevices()
    {
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i)
            ids.append(
                m_alice->request(QStringLiteral("send"), {{"room", m_room}, {"text", QString::number(i)}})
                    .value("message")
                    .toObject()
                    .value("id")
                    .toInteger());
        // Joined before any of them: all five are unread for Bob; his own messages never are.
        QJsonObject bobsView = roomIn(m_bob->request(QStringLiteral("list_rooms")), m_room);
        QCOMPARE(bobsView.value("unread").toInt(), 5);
        QVERIFY(bobsView.value("read").toInteger() < ids.first()); // his "joined" line
        QCOMPARE(roomIn(m_alice->request(QStringLiteral("list_rooms")), m_room).value("unread").toInt(), 0);

        auto bobPhone = connectedUser("bob", false);
        const QJsonObject marked =
            m_bob->request(QStringLiteral("mark_read"), {{"room", m_room}, {"message", ids[2]}});
        QCOMPARE(replyCode(marked), QStringLiteral("ok"));
        QCOMPARE(marked.value("read").toInteger(), ids[2]);
        QCOMPARE(marked.value("unread").toInt(), 2);
        QVERIFY(bobPhone->waitForEvents(QStringLiteral("read_marker")));
        const QJsonObject event = bobPhone->eventsOfType(QStringLiteral("read_marker")).first();
        QCOMPARE(event.value("room").toInteger(), m_room);
        QCOMPARE(event.value("read").toInteger(), ids[2]);
        QCOMPARE(event.value("unread").toInt(), 2);
        QVERIFY(m_bob->eventsOfType(QStringLiteral("read_marker")).isEmpty()); // it has the reply

        // Never backwards.
        const QJsonObject back =
            m_bob->request(QStringLiteral("mark_read"), {{"room", m_room}, {"message", ids[0]}});
        QCOMPARE(back.value("read").toInteger(), ids[2]);
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("mark_read"),
                                          {{"room", m_room}, {"message", ids[4] + 99}})),
                 QStringLiteral("no_such_message"));
        QCOMPARE(
            replyCode(m_carol->request(QStringLiteral("mark_read"), {{"room", m_room}, {"message", ids[4]}})),
            QStringLiteral("not_a_member"));

        expectCarolHeardNothing();
        // Kept across a restart of the server: badges survive restarts.
        m_bob.reset();
        bobPhone.reset();
        QVERIFY(m_server->restart());
        auto bob = connectedUser("bob", false);
        bobsView = roomIn(bob->request(QStringLiteral("list_rooms")), m_room);
        QCOMPARE(bobsView.value("read").toInteger(), ids[2]);
        QCOMPARE(bobsView.value("unread").toInt(), 2);
    }

    void roomChangesReachTheUsersOtherConnections()
    {
        auto bobPhone = connectedUser("bob", false);
        // create_room on one device: room_joined on the other.
        const QJsonObject created =
            m_bob->request(QStringLiteral("create_room"), {{"name", "Bob's"}}).value("room").toObject();
        QVERIFY(bobPhone->waitForEvents(QStringLiteral("room_joined")));
        QCOMPARE(bobPhone->eventsOfType(QStringLiteral("room_joined")).first().value("room").toObject(),
                 created);
        // join_room: the same; joining again changes nothing and announces nothing.
        const QJsonObject carols =
            m_carol->request(QStringLiteral("list_rooms")).value("rooms").toArray().first().toObject();
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("join_room"), {{"code", carols.value("code")}})),
                 QStringLiteral("ok"));
        QVERIFY(bobPhone->waitForEvents(QStringLiteral("room_joined"), 2));
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("join_room"), {{"code", carols.value("code")}})),
                 QStringLiteral("ok"));
        // leave_room: room_left.
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("leave_room"), {{"room", m_room}})),
                 QStringLiteral("ok"));
        QVERIFY(bobPhone->waitForEvents(QStringLiteral("room_left")));
        QCOMPARE(bobPhone->eventsOfType(QStringLiteral("room_left")).first().value("room").toInteger(),
                 m_room);
        QCOMPARE(bobPhone->eventsOfType(QStringLiteral("room_joined")).size(), 2);
        // The connection that acted got replies, not events.
        QVERIFY(m_bob->eventsOfType(QStringLiteral("room_joined")).isEmpty());
        QVERIFY(m_bob->eventsOfType(QStringLiteral("room_left")).isEmpty());
    }

    void onlyTheOwnerRenamesAndRenewsTheCode()
    {
        QCOMPARE(
            replyCode(m_bob->request(QStringLiteral("rename_room"), {{"room", m_room}, {"name", "Mine"}})),
            QStringLiteral("forbidden"));
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("new_code"), {{"room", m_room}})),
                 QStringLiteral("forbidden"));
        QCOMPARE(
            replyCode(m_carol->request(QStringLiteral("rename_room"), {{"room", m_room}, {"name", "x"}})),
            QStringLiteral("not_a_member"));
        QCOMPARE(
            replyCode(m_alice->request(QStringLiteral("rename_room"), {{"room", m_room}, {"name", "  "}})),
            QStringLiteral("bad_request"));

        const QJsonObject renamed =
            m_alice->request(QStringLiteral("rename_room"), {{"room", m_room}, {"name", "  Parlour "}});
        QCOMPARE(replyCode(renamed), QStringLiteral("ok"));
        QCOMPARE(renamed.value("room").toObject().value("name").toString(), QStringLiteral("Parlour"));
        QVERIFY(m_bob->waitForEvents(QStringLiteral("room_updated")));
        QCOMPARE(m_bob->eventsOfType(QStringLiteral("room_updated")).first().value("name").toString(),
                 QStringLiteral("Parlour"));

        const QJsonObject renewed = m_alice->request(QStringLiteral("new_code"), {{"room", m_room}});
        const QString code = renewed.value("room").toObject().value("code").toString();
        QVERIFY(code.size() == 10 && code != m_code);
        QVERIFY(m_bob->waitForEvents(QStringLiteral("room_updated"), 2));
        QCOMPARE(m_bob->eventsOfType(QStringLiteral("room_updated")).last().value("code").toString(), code);
        // The old code stops working; the new one works; every member sees the current code.
        QCOMPARE(replyCode(m_carol->request(QStringLiteral("join_room"), {{"code", m_code}})),
                 QStringLiteral("no_such_room"));
        QCOMPARE(roomIn(m_bob->request(QStringLiteral("list_rooms")), m_room).value("code").toString(), code);
        expectCarolHeardNothing();
        QCOMPARE(replyCode(m_carol->request(QStringLiteral("join_room"), {{"code", code}})),
                 QStringLiteral("ok"));
    }

    void directConversations()
    {
        // Only with someone one shares a room with.
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("open_direct"), {{"user", m_carol->userId()}})),
                 QStringLiteral("no_such_user"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("open_direct"), {{"user", m_alice->userId()}})),
                 QStringLiteral("no_such_user"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("open_direct"), {{"user", 999999}})),
                 QStringLiteral("no_such_user"));

        const QJsonObject opened =
            m_alice->request(QStringLiteral("open_direct"), {{"user", m_bob->userId()}})
                .value("room")
                .toObject();
        QCOMPARE(opened.value("direct").toBool(), true);
        QCOMPARE(opened.value("code").toString(), QString());
        QCOMPARE(opened.value("name").toString(), QString());
        QCOMPARE(opened.value("owner").toInteger(), 0);
        QCOMPARE(opened.value("members").toArray().size(), 2);
        const qint64 direct = opened.value("id").toInteger();
        // Bob sees it appear; the same conversation every time, whoever opens it.
        QVERIFY(m_bob->waitForEvents(QStringLiteral("room_joined")));
        QCOMPARE(m_bob->eventsOfType(QStringLiteral("room_joined"))
                     .first()
                     .value("room")
                     .toObject()
                     .value("id")
                     .toInteger(),
                 direct);
        QCOMPARE(m_bob->request(QStringLiteral("open_direct"), {{"user", m_alice->userId()}})
                     .value("room")
                     .toObject()
                     .value("id")
                     .toInteger(),
                 direct);
        QCOMPARE(m_alice->request(QStringLiteral("open_direct"), {{"user", m_bob->userId()}})
                     .value("room")
                     .toObject()
                     .value("id")
                     .toInteger(),
                 direct);
        QCOMPARE(roomIn(m_bob->request(QStringLiteral("list_rooms")), direct).value("direct").toBool(), true);
        // It cannot be renamed or given a code, nor joined by one.
        QCOMPARE(
            replyCode(m_alice->request(QStringLiteral("rename_room"), {{"room", direct}, {"name", "x"}})),
            QStringLiteral("forbidden"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("new_code"), {{"room", direct}})),
                 QStringLiteral("forbidden"));
        QCOMPARE(replyCode(m_carol->request(
                     QStringLiteral("join_room"),
                     {{"code", QStringLiteral("direct-%1-%2").arg(m_alice->userId()).arg(m_bob->userId())}})),
                 QStringLiteral("no_such_room"));
        // Messages in it reach the two of them only.
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("send"), {{"room", direct}, {"text", "psst"}})),
                 QStringLiteral("ok"));
        QVERIFY(m_bob->waitForEvents(kChatMessage));
        // Bob leaves; Alice opening it again brings him back, and he sees it appear again.
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("leave_room"), {{"room", direct}})),
                 QStringLiteral("ok"));
        m_bob->clearEvents();
        QCOMPARE(m_alice->request(QStringLiteral("open_direct"), {{"user", m_bob->userId()}})
                     .value("room")
                     .toObject()
                     .value("id")
                     .toInteger(),
                 direct);
        QVERIFY(m_bob->waitForEvents(QStringLiteral("room_joined")));
        QCOMPARE(
            m_bob->request(QStringLiteral("history"), {{"room", direct}}).value("messages").toArray().size(),
            1);
        expectCarolHeardNothing();
    }

private:
    void expectCarolHeardNothing()
    {
        QCOMPARE(replyCode(m_carol->request(QStringLiteral("list_rooms"))), QStringLiteral("ok"));
        for (const QJsonObject &event : m_carol->events()) {
            const QString type = event.value("type").toString();
            QVERIFY2(type != QLatin1String("typing") && type != QLatin1String("room_updated") &&
                         type != QLatin1String("read_marker") && type != QLatin1String("room_joined") &&
                         type != QLatin1String("message") && type != QLatin1String("message_changed"),
                     qPrintable(type));
        }
    }

    std::unique_ptr<TestClient> connectedUser(const char *name, bool registerFirst)
    {
        return TestClient::signedIn(m_server->url(), QString::fromLatin1(name), registerFirst);
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<TestClient> m_carol;
    qint64 m_room = 0;
    QString m_code;
};

QTEST_GUILESS_MAIN(TestActivity)
#include "tst_activity.moc"
