// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"
#include "mentions.h"
#include "migrator.h"
#include "searchquery.h"
#include "storage.h"
#include "testdatabase.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Natter;
using namespace Natter::Server;

class TestRepositories : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        // A fresh database each time: SQLite, or PostgreSQL in the *_postgres run.
        m_database = std::make_unique<Test::TestDatabase>();
        QVERIFY2(m_database->error().isEmpty(), qPrintable(m_database->error()));
        QString error;
        QSqlDatabase db = m_database->open(QStringLiteral("repo-test"), &error);
        QVERIFY2(db.isValid(), qPrintable(error));
        QVERIFY2(Migrator(db).migrate(&error), qPrintable(error));
        m_storage = std::make_unique<Storage>(db);
    }

    void cleanup()
    {
        m_storage.reset();
        Database::close(QStringLiteral("repo-test"));
    }

    void usersAreUniqueWithoutRegardToCase()
    {
        User alice;
        QCOMPARE(m_storage->users.create(QStringLiteral("Alice"), QStringLiteral("h1"), &alice),
                 UserRepository::CreateStatus::Created);
        QVERIFY(alice.id > 0);
        User other;
        QCOMPARE(m_storage->users.create(QStringLiteral("aLiCe"), QStringLiteral("h2"), &other),
                 UserRepository::CreateStatus::UsernameTaken);
        const auto found = m_storage->users.findByUsername(QStringLiteral("ALICE"));
        QVERIFY(found);
        QCOMPARE(found->user, alice);
        QCOMPARE(found->user.username, QStringLiteral("Alice")); // spelling kept
        QCOMPARE(found->passwordHash, QStringLiteral("h1"));
        QVERIFY(m_storage->users.updatePasswordHash(alice.id, QStringLiteral("h3")));
        QCOMPARE(m_storage->users.findByUsername(QStringLiteral("alice"))->passwordHash,
                 QStringLiteral("h3"));
        QCOMPARE(m_storage->users.findById(alice.id), alice);
        QVERIFY(!m_storage->users.findById(alice.id + 100));
        QVERIFY(!m_storage->users.findByUsername(QStringLiteral("bob")));
    }

    void sessions()
    {
        const User alice = makeUser("alice");
        QVERIFY(m_storage->sessions.create(QStringLiteral("hash-1"), alice.id));
        QCOMPARE(m_storage->sessions.userFor(QStringLiteral("hash-1"), 0), alice.id);
        QVERIFY(!m_storage->sessions.userFor(QStringLiteral("hash-2"), 0));
        QVERIFY(m_storage->sessions.remove(QStringLiteral("hash-1")));
        QVERIFY(m_storage->sessions.remove(QStringLiteral("hash-1"))); // gone already: still fine
        QVERIFY(!m_storage->sessions.userFor(QStringLiteral("hash-1"), 0));
    }

    void sessionsExpireAndCanAllBeRevoked()
    {
        const User alice = makeUser("alice");
        const User bob = makeUser("bob");
        for (const char *hash : {"a1", "a2", "a3"})
            QVERIFY(m_storage->sessions.create(QLatin1String(hash), alice.id));
        QVERIFY(m_storage->sessions.create(QStringLiteral("b1"), bob.id));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        // Used just now: valid for a cutoff in the past, not for one in the future.
        QCOMPARE(m_storage->sessions.userFor(QStringLiteral("a1"), now - 60'000), alice.id);
        QVERIFY(!m_storage->sessions.userFor(QStringLiteral("a1"), now + 60'000));
        QVERIFY(m_storage->sessions.touch(QStringLiteral("a1"), now + 120'000));
        QCOMPARE(m_storage->sessions.userFor(QStringLiteral("a1"), now + 60'000), alice.id);
        // Idle ones go; the touched one stays.
        QCOMPARE(m_storage->sessions.removeIdle(now + 60'000), 3);
        QCOMPARE(m_storage->sessions.userFor(QStringLiteral("a1"), 0), alice.id);
        QVERIFY(!m_storage->sessions.userFor(QStringLiteral("b1"), 0));
        // Everything of one user but the one kept.
        QVERIFY(m_storage->sessions.create(QStringLiteral("a4"), alice.id));
        QVERIFY(m_storage->sessions.create(QStringLiteral("b2"), bob.id));
        QVERIFY(m_storage->sessions.removeAllOf(alice.id, QStringLiteral("a4")));
        QVERIFY(!m_storage->sessions.userFor(QStringLiteral("a1"), 0));
        QCOMPARE(m_storage->sessions.userFor(QStringLiteral("a4"), 0), alice.id);
        QCOMPARE(m_storage->sessions.userFor(QStringLiteral("b2"), 0), bob.id);
        QVERIFY(m_storage->sessions.removeAllOf(alice.id));
        QVERIFY(!m_storage->sessions.userFor(QStringLiteral("a4"), 0));
    }

    void roomsAndMembers()
    {
        const User alice = makeUser("alice");
        const User bob = makeUser("bob");
        const User carol = makeUser("carol");
        RoomRepository::RoomRow room;
        QCOMPARE(
            m_storage->rooms.create(QStringLiteral("Lounge"), QStringLiteral("ABCDEFGHJK"), alice.id, &room),
            RoomRepository::CreateStatus::Created);
        RoomRepository::RoomRow clash;
        QCOMPARE(
            m_storage->rooms.create(QStringLiteral("Other"), QStringLiteral("ABCDEFGHJK"), bob.id, &clash),
            RoomRepository::CreateStatus::CodeTaken);
        QCOMPARE(m_storage->rooms.findByCode(QStringLiteral("ABCDEFGHJK"))->id, room.id);
        QVERIFY(!m_storage->rooms.findByCode(QStringLiteral("ZZZZZZZZZZ")));
        QCOMPARE(m_storage->rooms.findByCode(QStringLiteral("ABCDEFGHJK"))->name, QStringLiteral("Lounge"));

        QVERIFY(m_storage->rooms.isMember(room.id, alice.id));
        QVERIFY(!m_storage->rooms.isMember(room.id, bob.id));
        QVERIFY(m_storage->rooms.addMember(room.id, bob.id));
        QVERIFY(!m_storage->rooms.addMember(room.id, bob.id)); // already in
        QCOMPARE(m_storage->rooms.members(room.id), (QList<User>{alice, bob}));
        QCOMPARE(m_storage->rooms.coMemberIds(alice.id), QList<qint64>{bob.id});
        QVERIFY(m_storage->rooms.coMemberIds(carol.id).isEmpty());
        QCOMPARE(m_storage->rooms.roomsOf(bob.id).size(), 1);
        QVERIFY(m_storage->rooms.removeMember(room.id, bob.id));
        QVERIFY(!m_storage->rooms.removeMember(room.id, bob.id));
        QVERIFY(m_storage->rooms.roomsOf(bob.id).isEmpty());
        QVERIFY(!m_storage->rooms.addMember(room.id + 99, bob.id)); // foreign key: no such room
    }

    void changesSearchAndReadMarkers()
    {
        const User alice = makeUser("alice");
        const User bob = makeUser("bob");
        RoomRepository::RoomRow room;
        QCOMPARE(m_storage->rooms.create(QStringLiteral("R"), QStringLiteral("ABCDEFGHJK"), alice.id, &room),
                 RoomRepository::CreateStatus::Created);
        QVERIFY(m_storage->rooms.addMember(room.id, bob.id));
        const auto first = m_storage->messages.insert(room.id, alice, QStringLiteral("alpha beta"), {}, 1);
        const auto second =
            m_storage->messages.insert(room.id, bob, QStringLiteral("gamma"), {}, 2,
                                       Quote{first->id, alice, QStringLiteral("alpha beta"), false},
                                       Server::Mentions::resolve({alice, bob}, QStringLiteral("hey @ALICE")));
        QVERIFY(first && second);
        QCOMPARE(second->mentions, QList<qint64>{alice.id});
        QCOMPARE(second->rev, first->rev + 1);
        QCOMPARE(*m_storage->messages.find(room.id, second->id), *second);

        QVERIFY(m_storage->messages.edit(*first, QStringLiteral("alpha delta"), {}, 3));
        const auto edited = m_storage->messages.find(room.id, first->id);
        QCOMPARE(edited->editedMs, 3);
        QCOMPARE(m_storage->messages.changes(room.id, second->rev, 10).messages, QList<ChatMessage>{*edited});

        const auto hits = [&](const char *words) {
            const auto page =
                m_storage->messages.search(bob.id, QLatin1String(words), std::nullopt, std::nullopt, 10);
            return page.ok ? int(page.hits.size()) : -1;
        };
        QCOMPARE(hits("delta"), 1);
        QCOMPARE(hits("beta"), 0); // edited away
        QList<qint64> replies;
        QVERIFY(m_storage->messages.remove(*edited, &replies));
        QCOMPARE(replies, QList<qint64>{second->id});
        QCOMPARE(hits("delta"), 0);
        const auto quoted = m_storage->messages.find(room.id, second->id);
        QVERIFY(quoted->replyTo->deleted && quoted->replyTo->excerpt.isEmpty());
        // Each change its own rev: the tombstone, then the reply whose quote was emptied.
        const auto changed = m_storage->messages.changes(room.id, edited->rev, 10).messages;
        QCOMPARE(changed.size(), 2);
        QVERIFY(changed[0].deleted && changed[1].rev == changed[0].rev + 1);

        QCOMPARE(m_storage->readMarkers.advance(bob.id, room.id, second->id), second->id);
        QCOMPARE(m_storage->readMarkers.advance(bob.id, room.id, first->id), second->id); // never back
        QCOMPARE(m_storage->messages.unreadCount(room.id, 0, bob.id, 1000), 0); // his own, and a tombstone
        QCOMPARE(m_storage->messages.unreadCount(room.id, 0, alice.id, 1000), 1);
    }

    void searchQueriesAreAlwaysValid()
    {
        using Server::SearchQuery::fromUserText;
        QCOMPARE(fromUserText(QStringLiteral("quick  Fox")), QStringLiteral("\"quick\" \"Fox\"*"));
        QCOMPARE(fromUserText(QStringLiteral("say \"hi\"")), QStringLiteral("\"say\" \"\"\"hi\"\"\"*"));
        QCOMPARE(fromUserText(QStringLiteral(" -- ?! ")), QString());
        QCOMPARE(fromUserText(QStringLiteral("fox th")),
                 QStringLiteral("\"fox\" \"th\"")); // too short for a prefix
    }

    void messagesPageInEveryDirection()
    {
        const User alice = makeUser("alice");
        RoomRepository::RoomRow room;
        QCOMPARE(m_storage->rooms.create(QStringLiteral("R"), QStringLiteral("ABCDEFGHJK"), alice.id, &room),
                 RoomRepository::CreateStatus::Created);
        QList<qint64> ids;
        for (int i = 1; i <= 7; ++i) {
            const auto message =
                m_storage->messages.insert(room.id, alice, QStringLiteral("m%1").arg(i),
                                           i == 3 ? QStringLiteral("c3") : QString(), 1000 + i);
            QVERIFY(message);
            ids.append(message->id);
        }
        QVERIFY(std::is_sorted(ids.begin(), ids.end()));

        auto latest = m_storage->messages.page(room.id, std::nullopt, std::nullopt, 3);
        QCOMPARE(texts(latest), QStringList({"m5", "m6", "m7"}));
        QVERIFY(latest.more);
        auto older = m_storage->messages.page(room.id, ids[4], std::nullopt, 3);
        QCOMPARE(texts(older), QStringList({"m2", "m3", "m4"}));
        QVERIFY(older.more);
        auto oldest = m_storage->messages.page(room.id, ids[1], std::nullopt, 3);
        QCOMPARE(texts(oldest), QStringList({"m1"}));
        QVERIFY(!oldest.more);
        auto newer = m_storage->messages.page(room.id, std::nullopt, ids[1], 3);
        QCOMPARE(texts(newer), QStringList({"m3", "m4", "m5"}));
        QVERIFY(newer.more);
        auto newest = m_storage->messages.page(room.id, std::nullopt, ids[3], 3);
        QCOMPARE(texts(newest), QStringList({"m5", "m6", "m7"}));
        QVERIFY(!newest.more);
        QVERIFY(m_storage->messages.page(room.id, std::nullopt, ids[6], 3).messages.isEmpty());

        const auto byClientId = m_storage->messages.findByClientId(room.id, alice.id, QStringLiteral("c3"));
        QVERIFY(byClientId);
        QCOMPARE(byClientId->id, ids[2]);
        QCOMPARE(byClientId->author, alice);
        QCOMPARE(byClientId->timestampMs, 1003);
        QVERIFY(!m_storage->messages.findByClientId(room.id, alice.id, QStringLiteral("c4")));
        // The unique index backs idempotency even if a caller forgets to look first.
        QVERIFY(
            !m_storage->messages.insert(room.id, alice, QStringLiteral("again"), QStringLiteral("c3"), 1));
    }

private:
    User makeUser(const char *name)
    {
        User user;
        const auto status = m_storage->users.create(QString::fromLatin1(name), QStringLiteral("hash"), &user);
        if (status != UserRepository::CreateStatus::Created)
            qFatal("cannot create test user");
        return user;
    }

    static QStringList texts(const MessageRepository::Page &page)
    {
        QStringList result;
        for (const ChatMessage &message : page.messages)
            result.append(message.text);
        return result;
    }

    std::unique_ptr<Test::TestDatabase> m_database;
    std::unique_ptr<Storage> m_storage;
};

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
