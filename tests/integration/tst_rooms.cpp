// SPDX-License-Identifier: GPL-3.0-or-later
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace Natter::Test;

namespace {

QStringList memberNames(const QJsonObject &room)
{
    QStringList names;
    for (const QJsonValue &member : room.value(QStringLiteral("members")).toArray())
        names.append(member.toObject().value(QStringLiteral("username")).toString());
    return names;
}
} // namespace

class TestRooms : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        m_alice = std::make_unique<TestClient>();
        m_bob = std::make_unique<TestClient>();
        m_carol = std::make_unique<TestClient>();
        QVERIFY(m_alice->open(m_server->url()));
        QVERIFY(m_bob->open(m_server->url()));
        QVERIFY(m_carol->open(m_server->url()));
        QCOMPARE(replyCode(m_alice->registerUser(QStringLiteral("alice"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(m_bob->registerUser(QStringLiteral("bob"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(m_carol->registerUser(QStringLiteral("carol"))), QStringLiteral("ok"));
    }

    void cleanup()
    {
        m_alice.reset();
        m_bob.reset();
        m_carol.reset();
        m_server.reset();
    }

    void createRoom()
    {
        const QJsonObject reply = m_alice->request(QStringLiteral("create_room"), {{"name", "  Lounge  "}});
        QCOMPARE(replyCode(reply), QStringLiteral("ok"));
        const QJsonObject room = reply.value("room").toObject();
        QCOMPARE(room.value("name").toString(), QStringLiteral("Lounge"));
        QVERIFY(room.value("id").toInteger() > 0);
        static const QRegularExpression codePattern(
            QStringLiteral("^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{10}$"));
        QVERIFY2(codePattern.match(room.value("code").toString()).hasMatch(),
                 qPrintable(room.value("code").toString()));
        QCOMPARE(memberNames(room), QStringList{"alice"});
        QCOMPARE(room.value("members").toArray().first().toObject().value("online").toBool(), true);

        const QJsonObject second = m_alice->request(QStringLiteral("create_room"), {{"name", "Lounge"}});
        QVERIFY(second.value("room").toObject().value("code") != room.value("code"));

        QCOMPARE(replyCode(m_alice->request(QStringLiteral("create_room"), {{"name", "   "}})),
                 QStringLiteral("bad_request"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("create_room"), {{"name", QString(65, 'n')}})),
                 QStringLiteral("bad_request"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("create_room"), {})),
                 QStringLiteral("bad_request"));
    }

    void joinByCode()
    {
        const QJsonObject room = createRoom(*m_alice, "Lounge");
        const QString accessCode = room.value("code").toString();

        // Lower case and surrounding space still find the room.
        const QJsonObject joined =
            m_bob->request(QStringLiteral("join_room"), {{"code", " " + accessCode.toLower() + " "}});
        QCOMPARE(replyCode(joined), QStringLiteral("ok"));
        QCOMPARE(joined.value("room").toObject().value("id"), room.value("id"));
        QCOMPARE(memberNames(joined.value("room").toObject()), (QStringList{"alice", "bob"}));

        QVERIFY(m_alice->waitForEvents(QStringLiteral("member_joined")));
        const QJsonObject event = m_alice->eventsOfType(QStringLiteral("member_joined")).first();
        QCOMPARE(event.value("room"), room.value("id"));
        QCOMPARE(event.value("user").toObject().value("username").toString(), QStringLiteral("bob"));
        QCOMPARE(event.value("online").toBool(), true);

        // Joining again: ok, nothing announced. Carol is not a member and hears nothing of it.
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("join_room"), {{"code", accessCode}})),
                 QStringLiteral("ok"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("list_rooms"))),
                 QStringLiteral("ok")); // a round trip
        QCOMPARE(m_alice->eventsOfType(QStringLiteral("member_joined")).size(), 1);
        QVERIFY(m_bob->eventsOfType(QStringLiteral("member_joined")).isEmpty());
        QVERIFY(m_carol->events().isEmpty());
    }

    void joinErrors()
    {
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("join_room"), {{"code", "ABCDEFGHJK"}})),
                 QStringLiteral("no_such_room"));
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("join_room"), {{"code", "0000"}})),
                 QStringLiteral("no_such_room"));
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("join_room"), {{"code", 12345}})),
                 QStringLiteral("bad_request"));
    }

    void joinAndLeaveAreLinesInHistory()
    {
        const QJsonObject room = createRoom(*m_alice, "Lounge");
        const qint64 roomId = room.value("id").toInteger();
        const QString accessCode = room.value("code").toString();
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("join_room"), {{"code", accessCode}})),
                 QStringLiteral("ok"));
        // Alice hears of the line as of a message; Bob, who joined, reads it in history.
        QVERIFY(m_alice->waitForEvents(QStringLiteral("message")));
        const QJsonObject joined =
            m_alice->eventsOfType(QStringLiteral("message")).first().value("message").toObject();
        QCOMPARE(joined.value("kind").toString(), QStringLiteral("joined"));
        QCOMPARE(joined.value("author").toObject().value("username").toString(), QStringLiteral("bob"));
        QCOMPARE(joined.value("text").toString(), QString());
        QVERIFY(joined.value("rev").toInteger() > 0);
        QVERIFY(m_bob->eventsOfType(QStringLiteral("message")).isEmpty());
        const qint64 lineId = joined.value("id").toInteger();

        // A line is no message: it cannot be edited, deleted, reacted to or answered, even by its author.
        const QJsonObject at{{"room", roomId}, {"message", lineId}};
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("edit_message"),
                                          {{"room", roomId}, {"message", lineId}, {"text", "x"}})),
                 QStringLiteral("forbidden"));
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("delete_message"), at)),
                 QStringLiteral("forbidden"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("react"),
                                            {{"room", roomId}, {"message", lineId}, {"emoji", "👍"}})),
                 QStringLiteral("forbidden"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("send"),
                                            {{"room", roomId}, {"text", "hi"}, {"reply_to", lineId}})),
                 QStringLiteral("forbidden"));
        // Nor is it unread: Alice has one unread message (Bob's), not two.
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("send"), {{"room", roomId}, {"text", "hello"}})),
                 QStringLiteral("ok"));
        QJsonObject alicesView;
        for (const QJsonValue &entry :
             m_alice->request(QStringLiteral("list_rooms")).value("rooms").toArray()) {
            if (entry.toObject().value("id").toInteger() == roomId)
                alicesView = entry.toObject();
        }
        QCOMPARE(alicesView.value("unread").toInt(), 1);

        // Leaving writes the other line; Bob, gone, does not hear it.
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("leave_room"), {{"room", roomId}})),
                 QStringLiteral("ok"));
        QVERIFY(m_alice->waitForEvents(QStringLiteral("message"), 3));
        QCOMPARE(m_bob->eventsOfType(QStringLiteral("message")), m_bob->eventsOfType(kChatMessage));
        const QJsonArray history =
            m_alice->request(QStringLiteral("history"), {{"room", roomId}}).value("messages").toArray();
        QCOMPARE(history.size(), 3);
        QCOMPARE(history.at(0).toObject(), joined);
        QCOMPARE(history.at(1).toObject().value("text").toString(), QStringLiteral("hello"));
        QCOMPARE(history.at(2).toObject().value("kind").toString(), QStringLiteral("left"));
        QCOMPARE(history.at(2).toObject(),
                 m_alice->eventsOfType(QStringLiteral("message")).last().value("message").toObject());
        // The change feed carries them too, so a client that was away catches up on them.
        const QJsonArray changed =
            m_alice->request(QStringLiteral("changes"), {{"room", roomId}, {"since", 0}})
                .value("messages")
                .toArray();
        QCOMPARE(changed, history);
        QVERIFY(m_carol->events().isEmpty());
    }

    void leaveRoom()
    {
        const QJsonObject room = createRoom(*m_alice, "Lounge");
        const qint64 roomId = room.value("id").toInteger();
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("join_room"), {{"code", room.value("code")}})),
                 QStringLiteral("ok"));
        QCOMPARE(replyCode(m_carol->request(QStringLiteral("join_room"), {{"code", room.value("code")}})),
                 QStringLiteral("ok"));

        QCOMPARE(replyCode(m_bob->request(QStringLiteral("leave_room"), {{"room", roomId}})),
                 QStringLiteral("ok"));
        QVERIFY(m_alice->waitForEvents(QStringLiteral("member_left")));
        QVERIFY(m_carol->waitForEvents(QStringLiteral("member_left")));
        QCOMPARE(m_alice->eventsOfType(QStringLiteral("member_left"))
                     .first()
                     .value("user")
                     .toObject()
                     .value("username"),
                 QJsonValue("bob"));
        QVERIFY(m_bob->eventsOfType(QStringLiteral("member_left")).isEmpty());

        QCOMPARE(replyCode(m_bob->request(QStringLiteral("leave_room"), {{"room", roomId}})),
                 QStringLiteral("not_a_member"));
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("leave_room"), {{"room", roomId + 1000}})),
                 QStringLiteral("not_a_member"));
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("leave_room"), {{"room", "x"}})),
                 QStringLiteral("bad_request"));

        // Once out, Bob hears nothing more of the room.
        QCOMPARE(
            replyCode(m_alice->request(QStringLiteral("send"), {{"room", roomId}, {"text", "after bob"}})),
            QStringLiteral("ok"));
        QVERIFY(m_carol->waitForEvents(kChatMessage));
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("list_rooms"))), QStringLiteral("ok"));
        QVERIFY(m_bob->eventsOfType(kChatMessage).isEmpty());
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("history"), {{"room", roomId}})),
                 QStringLiteral("not_a_member"));
    }

    void listRooms()
    {
        const QJsonObject first = createRoom(*m_alice, "First");
        const QJsonObject second = createRoom(*m_bob, "Second");
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("join_room"), {{"code", second.value("code")}})),
                 QStringLiteral("ok"));
        m_bob->close();

        const QJsonObject listed = m_alice->request(QStringLiteral("list_rooms"));
        const QJsonArray rooms = listed.value("rooms").toArray();
        QCOMPARE(rooms.size(), 2);
        QCOMPARE(rooms.at(0).toObject().value("id"), first.value("id"));
        const QJsonObject secondRoom = rooms.at(1).toObject();
        QCOMPARE(secondRoom.value("name").toString(), QStringLiteral("Second"));
        QCOMPARE(memberNames(secondRoom), (QStringList{"bob", "alice"}));
        QTRY_COMPARE(m_server->server().onlineUserCount(), 2);
        const QJsonObject relisted = m_alice->request(QStringLiteral("list_rooms"));
        const QJsonArray members =
            relisted.value("rooms").toArray().at(1).toObject().value("members").toArray();
        QCOMPARE(members.at(0).toObject().value("online").toBool(), false); // bob closed
        QCOMPARE(members.at(1).toObject().value("online").toBool(), true);

        QCOMPARE(m_carol->request(QStringLiteral("list_rooms")).value("rooms").toArray().size(), 0);
    }

private:
    QJsonObject createRoom(TestClient &client, const char *name)
    {
        return client.request(QStringLiteral("create_room"), {{"name", QString::fromLatin1(name)}})
            .value("room")
            .toObject();
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<TestClient> m_carol;
};

QTEST_GUILESS_MAIN(TestRooms)
#include "tst_rooms.moc"
