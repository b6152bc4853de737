// SPDX-License-Identifier: GPL-3.0-or-later
// Edit, delete, reply, reactions, mentions, the changes catch-up and search: the messaging requests of
// protocol v1 against the real server, their errors, and that none of it reaches a non-member.
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Natter::Test;

namespace {
QJsonObject messageOf(const QJsonObject &replyOrEvent)
{
    return replyOrEvent.value(QStringLiteral("message")).toObject();
}

QMap<qint64, QJsonObject> byId(const QJsonArray &messages)
{
    QMap<qint64, QJsonObject> map;
    for (const QJsonValue &value : messages)
        map.insert(value.toObject().value("id").toInteger(), value.toObject());
    return map;
}
} // namespace

class TestMessaging : public QObject {
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
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("join_room"), {{"code", room.value("code")}})),
                 QStringLiteral("ok"));
        // Carol has a room of her own, so that she is a signed-in user who could hear something.
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

    void editReachesMembersWithItsTime()
    {
        const QJsonObject sent = send(*m_alice, "helo @Bob");
        QCOMPARE(sent.value("mentions").toArray(), (QJsonArray{m_bob->userId()}));
        QVERIFY(!sent.contains("edited_ts"));
        const QJsonObject reply =
            m_alice->request(QStringLiteral("edit_message"),
                             {{"room", m_room}, {"message", sent.value("id")}, {"text", "hello all"}});
        QCOMPARE(replyCode(reply), QStringLiteral("ok"));
        const QJsonObject edited = messageOf(reply);
        QCOMPARE(edited.value("text").toString(), QStringLiteral("hello all"));
        QVERIFY(edited.value("edited_ts").toInteger() >= sent.value("ts").toInteger());
        QVERIFY(edited.value("rev").toInteger() > sent.value("rev").toInteger());
        QVERIFY(!edited.contains("mentions")); // the edit named nobody
        QVERIFY(m_bob->waitForEvents(QStringLiteral("message_changed")));
        QCOMPARE(messageOf(m_bob->eventsOfType(QStringLiteral("message_changed")).first()), edited);
        QCOMPARE(byId(history(*m_bob)).value(edited.value("id").toInteger()), edited);
        expectCarolHeardNothing();
    }

    void onlyTheAuthorChangesAMessage()
    {
        const qint64 id = send(*m_alice, "mine").value("id").toInteger();
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("edit_message"),
                                          {{"room", m_room}, {"message", id}, {"text", "yours"}})),
                 QStringLiteral("forbidden"));
        QCOMPARE(
            replyCode(m_bob->request(QStringLiteral("delete_message"), {{"room", m_room}, {"message", id}})),
            QStringLiteral("forbidden"));
        QCOMPARE(replyCode(
                     m_carol->request(QStringLiteral("delete_message"), {{"room", m_room}, {"message", id}})),
                 QStringLiteral("not_a_member"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("edit_message"),
                                            {{"room", m_room}, {"message", id + 100}, {"text", "x"}})),
                 QStringLiteral("no_such_message"));
        QCOMPARE(
            replyCode(m_alice->request(QStringLiteral("edit_message"),
                                       {{"room", m_room}, {"message", id}, {"text", QString(4001, 'x')}})),
            QStringLiteral("too_long"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("edit_message"),
                                            {{"room", m_room}, {"message", id}, {"text", "  "}})),
                 QStringLiteral("bad_request"));
        // A message of another room, named with this room's id, is no message of this room.
        const qint64 carolsRoom = m_carol->request(QStringLiteral("list_rooms"))
                                      .value("rooms")
                                      .toArray()
                                      .first()
                                      .toObject()
                                      .value("id")
                                      .toInteger();
        const qint64 carols = send(*m_carol, "hers", carolsRoom).value("id").toInteger();
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("delete_message"),
                                            {{"room", m_room}, {"message", carols}})),
                 QStringLiteral("no_such_message"));
        QCOMPARE(byId(history(*m_alice)).value(id).value("text").toString(), QStringLiteral("mine"));
    }

    void deleteLeavesATombstoneAndEmptiesQuotes()
    {
        const QJsonObject original = send(*m_alice, "a secret I regret");
        const qint64 id = original.value("id").toInteger();
        const QJsonObject reply = send(*m_bob, "what secret?", m_room, id);
        const QJsonObject quote = reply.value("reply_to").toObject();
        QCOMPARE(quote.value("id").toInteger(), id);
        QCOMPARE(quote.value("author").toObject().value("username").toString(), QStringLiteral("alice"));
        QCOMPARE(quote.value("excerpt").toString(), QStringLiteral("a secret I regret"));
        QVERIFY(!quote.contains("deleted"));

        QCOMPARE(replyCode(m_alice->request(QStringLiteral("react"),
                                            {{"room", m_room}, {"message", id}, {"emoji", "😮"}})),
                 QStringLiteral("ok"));
        const QJsonObject removed = messageOf(
            m_alice->request(QStringLiteral("delete_message"), {{"room", m_room}, {"message", id}}));
        QCOMPARE(removed.value("deleted").toBool(), true);
        QCOMPARE(removed.value("text").toString(), QString());
        QVERIFY(!removed.contains("reactions"));
        QCOMPARE(removed.value("ts"), original.value("ts"));

        // Bob hears of both: the tombstone, and his reply whose quote lost its text.
        QVERIFY(m_bob->waitForEvents(QStringLiteral("message_changed"), 3));
        const QMap<qint64, QJsonObject> held = byId(history(*m_bob));
        QCOMPARE(held.value(id), removed);
        const QJsonObject emptied = held.value(reply.value("id").toInteger()).value("reply_to").toObject();
        QCOMPARE(emptied.value("deleted").toBool(), true);
        QCOMPARE(emptied.value("excerpt").toString(), QString());
        QCOMPARE(messageOf(m_bob->eventsOfType(QStringLiteral("message_changed")).last()),
                 held.value(reply.value("id").toInteger()));

        // A tombstone is not edited, answered, reacted to or deleted again.
        for (const auto &[type, fields] : QList<QPair<QString, QJsonObject>>{
                 {"edit_message", {{"room", m_room}, {"message", id}, {"text", "x"}}},
                 {"delete_message", {{"room", m_room}, {"message", id}}},
                 {"react", {{"room", m_room}, {"message", id}, {"emoji", "👍"}}},
                 {"send", {{"room", m_room}, {"text", "re"}, {"reply_to", id}}}})
            QCOMPARE(replyCode(m_alice->request(type, fields)), QStringLiteral("no_such_message"));
        expectCarolHeardNothing();
    }

    void editOfTheOriginalKeepsTheQuote()
    {
        const qint64 id = send(*m_alice, QString(150, QLatin1Char('x'))).value("id").toInteger();
        const QJsonObject reply = send(*m_bob, "that is long", m_room, id);
        // Cut to 100 code points with an ellipsis.
        QCOMPARE(reply.value("reply_to").toObject().value("excerpt").toString(),
                 QString(100, QLatin1Char('x')) + QChar(0x2026));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("edit_message"),
                                            {{"room", m_room}, {"message", id}, {"text", "short now"}})),
                 QStringLiteral("ok"));
        QCOMPARE(byId(history(*m_bob)).value(reply.value("id").toInteger()).value("reply_to"),
                 reply.value("reply_to"));
    }

    void reactionsWithWhoAndACap()
    {
        const qint64 id = send(*m_alice, "react to me").value("id").toInteger();
        auto react = [&](TestClient &client, const QString &emoji, bool on = true) {
            return client.request(QStringLiteral("react"),
                                  {{"room", m_room}, {"message", id}, {"emoji", emoji}, {"on", on}});
        };
        QCOMPARE(replyCode(react(*m_bob, QStringLiteral("👍"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(react(*m_alice, QStringLiteral("👍"))), QStringLiteral("ok"));
        const QJsonObject both = messageOf(react(*m_bob, QStringLiteral("❤️")));
        const QJsonArray reactions = both.value("reactions").toArray();
        QCOMPARE(reactions.size(), 2);
        QCOMPARE(reactions.at(0).toObject().value("emoji").toString(), QStringLiteral("👍"));
        QCOMPARE(reactions.at(0).toObject().value("users").toArray(),
                 (QJsonArray{m_bob->userId(), m_alice->userId()}));
        QCOMPARE(reactions.at(1).toObject().value("emoji").toString(), QStringLiteral("❤️"));
        QVERIFY(m_alice->waitForEvents(QStringLiteral("message_changed"), 3));
        QCOMPARE(messageOf(m_alice->eventsOfType(QStringLiteral("message_changed")).last()), both);

        // Again, or removing what one has not added: nothing changes and nobody hears of it.
        const qint64 rev = both.value("rev").toInteger();
        QCOMPARE(messageOf(react(*m_bob, QStringLiteral("👍"))).value("rev").toInteger(), rev);
        QCOMPARE(messageOf(react(*m_alice, QStringLiteral("❤️"), false)).value("rev").toInteger(), rev);
        const QJsonObject removed = messageOf(react(*m_bob, QStringLiteral("❤️"), false));
        QCOMPARE(removed.value("reactions").toArray().size(), 1);

        QCOMPARE(replyCode(react(*m_bob, QStringLiteral("lol"))), QStringLiteral("bad_request"));
        QCOMPARE(replyCode(react(*m_bob, QStringLiteral("👍 👍"))), QStringLiteral("bad_request"));
        QCOMPARE(replyCode(react(*m_carol, QStringLiteral("👍"))), QStringLiteral("not_a_member"));
        // At most 20 different emoji on one message.
        for (int i = 1; i < 20; ++i)
            QCOMPARE(replyCode(react(*m_bob, QString(QChar(0x2600 + i)))), QStringLiteral("ok"));
        QCOMPARE(replyCode(react(*m_alice, QStringLiteral("🎉"))), QStringLiteral("quota_exceeded"));
        QCOMPARE(replyCode(react(*m_alice, QString(QChar(0x2601)))), QStringLiteral("ok")); // an existing one
        expectCarolHeardNothing();
    }

    void mentionsNameMembersOnly()
    {
        const QJsonObject message = send(*m_alice, "@bob and @carol, also @BOB. and mail@bob.example");
        // Carol is no member; Bob is named once, whatever the case; an e-mail address names nobody.
        QCOMPARE(message.value("mentions").toArray(), (QJsonArray{m_bob->userId()}));
    }

    /// A client offline during edits, deletions, reactions and new messages holds, after catching up with
    /// `changes`, exactly what a client that stayed online holds.
    void offlineClientCatchesUpEveryChange()
    {
        QList<qint64> ids;
        for (int i = 0; i < 6; ++i)
            ids.append(send(*m_alice, QStringLiteral("m%1").arg(i)).value("id").toInteger());
        // Bob's second device holds all of it, then goes offline.
        auto laptop = connectedUser("bob", false);
        QMap<qint64, QJsonObject> held = byId(history(*laptop));
        qint64 since = 0;
        for (const QJsonObject &message : held)
            since = std::max(since, message.value("rev").toInteger());
        laptop->close();
        laptop.reset();

        // Meanwhile: an edit, a deletion, reactions, a reply, new messages; the online Bob sees it live.
        m_bob->clearEvents();
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("edit_message"),
                                            {{"room", m_room}, {"message", ids[1]}, {"text", "edited"}})),
                 QStringLiteral("ok"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("delete_message"),
                                            {{"room", m_room}, {"message", ids[2]}})),
                 QStringLiteral("ok"));
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("react"),
                                          {{"room", m_room}, {"message", ids[3]}, {"emoji", "👀"}})),
                 QStringLiteral("ok"));
        send(*m_bob, "a reply", m_room, ids[4]);
        for (int i = 0; i < 3; ++i)
            send(*m_alice, QStringLiteral("new %1").arg(i));
        QVERIFY(m_bob->waitForEvents(kChatMessage, 4));
        QMap<qint64, QJsonObject> live = byId(history(*m_bob));

        // The laptop comes back and asks for what changed since the highest rev it held, page by page.
        laptop = connectedUser("bob", false);
        int pages = 0;
        for (bool more = true; more; ++pages) {
            const QJsonObject page = laptop->request(QStringLiteral("changes"),
                                                     {{"room", m_room}, {"since", since}, {"limit", 2}});
            QCOMPARE(replyCode(page), QStringLiteral("ok"));
            for (const QJsonValue &value : page.value("messages").toArray()) {
                const QJsonObject message = value.toObject();
                QVERIFY2(message.value("rev").toInteger() > since, "changes out of rev order");
                since = message.value("rev").toInteger();
                held.insert(message.value("id").toInteger(), message);
            }
            more = page.value("more").toBool();
        }
        QVERIFY(pages > 1);
        QCOMPARE(held, live);
        QCOMPARE(held.value(ids[1]).value("text").toString(), QStringLiteral("edited"));
        QVERIFY(held.value(ids[2]).value("deleted").toBool());
        QCOMPARE(replyCode(m_carol->request(QStringLiteral("changes"), {{"room", m_room}, {"since", 0}})),
                 QStringLiteral("not_a_member"));
        QCOMPARE(replyCode(laptop->request(QStringLiteral("changes"), {{"room", m_room}, {"since", -1}})),
                 QStringLiteral("bad_request"));
    }

    void searchFindsOnlyWhatOneMayRead()
    {
        const qint64 first = send(*m_alice, "The quick brown fox").value("id").toInteger();
        send(*m_bob, "a lazy dog");
        const qint64 later = send(*m_bob, "Quick! Café au lait, fox?").value("id").toInteger();
        const qint64 carolsRoom = m_carol->request(QStringLiteral("list_rooms"))
                                      .value("rooms")
                                      .toArray()
                                      .first()
                                      .toObject()
                                      .value("id")
                                      .toInteger();
        send(*m_carol, "quick fox in carol's room", carolsRoom);

        const QJsonObject found = m_bob->request(QStringLiteral("search"), {{"query", "QUICK fox"}});
        QCOMPARE(replyCode(found), QStringLiteral("ok"));
        const QJsonArray results = found.value("results").toArray();
        QCOMPARE(results.size(), 2); // not Carol's: Bob is no member there
        QCOMPARE(messageOf(results.at(0).toObject()).value("id").toInteger(), later); // newest first
        QCOMPARE(messageOf(results.at(1).toObject()).value("id").toInteger(), first);
        QCOMPARE(results.at(1).toObject().value("marked").toString(),
                 QStringLiteral("The \u0002quick\u0003 brown \u0002fox\u0003"));
        // The last word is also the start of a word, from three letters on.
        QCOMPARE(
            m_bob->request(QStringLiteral("search"), {{"query", "qui"}}).value("results").toArray().size(),
            2);
        QCOMPARE(
            m_bob->request(QStringLiteral("search"), {{"query", "qu"}}).value("results").toArray().size(), 0);
        // Accents and case do not matter.
        QCOMPARE(
            m_bob->request(QStringLiteral("search"), {{"query", "cafe"}}).value("results").toArray().size(),
            1);
        // Paging.
        const QJsonObject one = m_bob->request(QStringLiteral("search"), {{"query", "quick"}, {"limit", 1}});
        QVERIFY(one.value("more").toBool());
        const QJsonObject next = m_bob->request(
            QStringLiteral("search"),
            {{"query", "quick"},
             {"limit", 1},
             {"before", messageOf(one.value("results").toArray().first().toObject()).value("id")}});
        QCOMPARE(messageOf(next.value("results").toArray().first().toObject()).value("id").toInteger(),
                 first);
        QVERIFY(!next.value("more").toBool());
        // One room; a room one is not in; FTS syntax is just text.
        QCOMPARE(m_bob->request(QStringLiteral("search"), {{"query", "quick"}, {"room", m_room}})
                     .value("results")
                     .toArray()
                     .size(),
                 2);
        QCOMPARE(
            replyCode(m_bob->request(QStringLiteral("search"), {{"query", "quick"}, {"room", carolsRoom}})),
            QStringLiteral("not_a_member"));
        for (const char *odd : {"\"", "fox OR dog", "NEAR(", "*", "-fox", "^quick", "a:b"})
            QCOMPARE(replyCode(m_bob->request(QStringLiteral("search"), {{"query", odd}})),
                     QStringLiteral("ok"));
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("search"), {{"query", "  "}})),
                 QStringLiteral("bad_request"));
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("search"), {{"query", "x"}, {"limit", 51}})),
                 QStringLiteral("bad_request"));

        // Edited away and deleted text is not found.
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("edit_message"),
                                            {{"room", m_room}, {"message", first}, {"text", "slow turtle"}})),
                 QStringLiteral("ok"));
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("delete_message"),
                                          {{"room", m_room}, {"message", later}})),
                 QStringLiteral("ok"));
        QCOMPARE(
            m_bob->request(QStringLiteral("search"), {{"query", "quick"}}).value("results").toArray().size(),
            0);
        QCOMPARE(
            m_bob->request(QStringLiteral("search"), {{"query", "turtle"}}).value("results").toArray().size(),
            1);
    }

    void searchFindsWhatWasSentJustBefore()
    {
        // Search runs on a reader thread with its own connection: a send whose ok has arrived is committed,
        // and a search asked for after it must find it, from the sender and from any other connection,
        // also when the reader has searched just before the commit.
        for (int i = 0; i < 8; ++i) {
            const QString word = QStringLiteral("needle%1x").arg(i);
            const auto found = [&](TestClient &client) {
                const QJsonObject reply = client.request(QStringLiteral("search"), {{"query", word}});
                return replyCode(reply) == QLatin1String("ok") ? reply.value("results").toArray().size() : -1;
            };
            QCOMPARE(found(*m_bob), 0);
            const qint64 id =
                send(*m_alice, QStringLiteral("a %1 in the haystack").arg(word)).value("id").toInteger();
            QVERIFY(id > 0);
            QCOMPARE(found(*m_bob), 1);
            QCOMPARE(found(*m_alice), 1);
        }
    }

    void stoppingWithSearchesQueuedIsClean()
    {
        for (int i = 0; i < 20; ++i)
            send(*m_alice, QStringLiteral("common words %1").arg(i));
        QList<qint64> ids;
        for (int i = 0; i < 30; ++i)
            ids.append(m_bob->post(QStringLiteral("search"), {{"query", "common words"}}));
        QCOMPARE(replyCode(m_bob->waitForReply(ids.first())), QStringLiteral("ok"));
        // The rest are queued on the reader, in flight or still in the socket: stopping drops them.
        m_server->stop();
        QVERIFY(m_bob->waitForDisconnect());
        QVERIFY(m_server->start());
        auto bob = connectedUser("bob", false);
        QCOMPARE(bob->request(QStringLiteral("search"), {{"query", "common words"}, {"limit", 50}})
                     .value("results")
                     .toArray()
                     .size(),
                 20);
    }

    void searchHasALimitOfItsOwn()
    {
        m_server->stop();
        m_server->config().searchLimit = {2, 1};
        QVERIFY(m_server->start());
        auto bob = connectedUser("bob", false);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(replyCode(bob->request(QStringLiteral("search"), {{"query", "anything"}})),
                     QStringLiteral("ok"));
        const QJsonObject limited = bob->request(QStringLiteral("search"), {{"query", "anything"}});
        QCOMPARE(replyCode(limited), QStringLiteral("rate_limited"));
        QVERIFY(limited.value("retry_after_ms").toInteger() > 0);
        // Reading history is not held up by it.
        QCOMPARE(replyCode(bob->request(QStringLiteral("history"), {{"room", m_room}})),
                 QStringLiteral("ok"));
    }

private:
    QJsonObject send(TestClient &client, const QString &text, qint64 room = 0, qint64 replyTo = 0)
    {
        QJsonObject fields{{"room", room ? room : m_room}, {"text", text}};
        if (replyTo)
            fields.insert("reply_to", replyTo);
        const QJsonObject reply = client.request(QStringLiteral("send"), fields);
        if (replyCode(reply) != QLatin1String("ok"))
            qWarning() << "send failed:" << reply;
        return messageOf(reply);
    }

    QJsonArray history(TestClient &client)
    {
        return client.request(QStringLiteral("history"), {{"room", m_room}, {"limit", 200}})
            .value("messages")
            .toArray();
    }

    void expectCarolHeardNothing()
    {
        // A round trip later, nothing of the room has reached her.
        QCOMPARE(replyCode(m_carol->request(QStringLiteral("list_rooms"))), QStringLiteral("ok"));
        for (const QJsonObject &event : m_carol->events()) {
            const QJsonObject message = messageOf(event);
            QVERIFY2(message.value("room").toInteger() != m_room, qPrintable(event.value("type").toString()));
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
};

QTEST_GUILESS_MAIN(TestMessaging)
#include "tst_messaging.moc"
