// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"
#include "migrator.h"
#include "sqlstatement.h"
#include "storage.h"
#include "storagewriter.h"
#include "testdatabase.h"

#include <QSemaphore>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Natter;
using namespace Natter::Server;

class TestStorageWriter : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        // A fresh database each time: SQLite, or PostgreSQL in the *_postgres run.
        m_database = std::make_unique<Test::TestDatabase>();
        QVERIFY2(m_database->error().isEmpty(), qPrintable(m_database->error()));
        QString error;
        {
            const QSqlDatabase db = m_database->open(QStringLiteral("setup"), &error);
            QVERIFY2(db.isValid() && Migrator(db).migrate(&error), qPrintable(error));
        }
        Database::close(QStringLiteral("setup"));
    }

    void jobsShareOneCommitAndFailAlone()
    {
        StorageWriter writer(m_database->location());
        QString error;
        QVERIFY2(writer.start(&error), qPrintable(error));
        QList<QPair<QString, bool>> results;
        const QThread *mainThread = QThread::currentThread();
        const QThread *jobThread = nullptr;
        auto createUser = [&jobThread](const QString &name, bool thenFail) {
            return [name, thenFail, &jobThread](Storage &storage) {
                jobThread = QThread::currentThread();
                User user;
                return storage.users.create(name, QStringLiteral("h"), &user) ==
                           UserRepository::CreateStatus::Created &&
                       !thenFail;
            };
        };
        auto record = [&results](const QString &name) {
            return [name, &results](bool committed) { results.append({name, committed}); };
        };
        // A first job holds the writer (as a slow disk sync would); the three given meanwhile queue up and
        // must then share the next transaction. That is the group-commit promise.
        QSemaphore started;
        QSemaphore release;
        writer.run(
            [&started, &release](Storage &) {
                started.release();
                release.acquire();
                return true;
            },
            record(QStringLiteral("holder")));
        started.acquire();
        writer.run(createUser(QStringLiteral("first"), false), record(QStringLiteral("first")));
        writer.run(createUser(QStringLiteral("failing"), true), record(QStringLiteral("failing")));
        writer.run(createUser(QStringLiteral("third"), false), record(QStringLiteral("third")));
        release.release();
        QVERIFY(results.isEmpty()); // never called back inline
        QTRY_COMPARE(results.size(), 4);
        QCOMPARE(results, (QList<QPair<QString, bool>>{
                              {"holder", true}, {"first", true}, {"failing", false}, {"third", true}}));
        QVERIFY(jobThread && jobThread != mainThread); // the disk is never waited for on this thread
        QCOMPARE(writer.batchesCommitted(), 2);
        QCOMPARE(writer.jobsCommitted(), 3);
        writer.stop();

        QVERIFY(userExists(QStringLiteral("first")));
        QVERIFY(!userExists(QStringLiteral("failing"))); // its savepoint was rolled back
        QVERIFY(userExists(QStringLiteral("third")));
    }

    void stopCommitsWhatIsQueued()
    {
        StorageWriter writer(m_database->location());
        QString error;
        QVERIFY2(writer.start(&error), qPrintable(error));
        // More than one batch's worth (PostgreSQL's batches hold 128 jobs): all of it, not only the first.
        // The second job fails, so that on PostgreSQL the first batch runs again job by job, 64 to a
        // transaction: all but that one are kept. All are queued behind a held job, so the first batch is a
        // whole one.
        QSemaphore release;
        hold(writer, release);
        for (int i = 0; i < 200; ++i) {
            writer.run(
                [i](Storage &storage) {
                    User user;
                    return storage.users.create(QStringLiteral("late%1").arg(i), QStringLiteral("h"),
                                                &user) == UserRepository::CreateStatus::Created &&
                           i != 1;
                },
                [](bool) {});
        }
        release.release();
        writer.stop();
        for (const int kept : {0, 2, 63, 64, 65, 127, 128, 199})
            QVERIFY2(userExists(QStringLiteral("late%1").arg(kept)), qPrintable(QString::number(kept)));
        QVERIFY(!userExists(QStringLiteral("late1")));
    }

    void writeDeliversResultOrErrorToALiveContext()
    {
        StorageWriter writer(m_database->location());
        QString error;
        QVERIFY2(writer.start(&error), qPrintable(error));
        auto createUser = [](const QString &name, bool thenRefuse) {
            return [name, thenRefuse](Storage &storage) -> Written<qint64> {
                User user;
                if (storage.users.create(name, QStringLiteral("h"), &user) !=
                    UserRepository::CreateStatus::Created)
                    return Errors::internal();
                if (thenRefuse)
                    return Errors::notAMember();
                return user.id;
            };
        };
        QList<Written<qint64>> results;
        auto record = [&results](const Written<qint64> &written) { results.append(written); };
        QObject context;
        auto gone = std::make_unique<QObject>();
        bool goneCalled = false;
        writer.write<qint64>(&context, createUser(QStringLiteral("kept"), false), record);
        writer.write<qint64>(&context, createUser(QStringLiteral("refused"), true), record);
        writer.write<qint64>(gone.get(), createUser(QStringLiteral("orphan"), false),
                             [&goneCalled](const Written<qint64> &) { goneCalled = true; });
        gone.reset(); // destroyed before its write is done: its callback must never run
        QTRY_COMPARE(results.size(), 2);
        QVERIFY(std::holds_alternative<qint64>(results[0]) && std::get<qint64>(results[0]) > 0);
        QCOMPARE(std::get<ProtocolError>(results[1]).code, ErrorCode::NotAMember);
        QTRY_COMPARE(writer.jobsCommitted(), 2);
        QVERIFY(!goneCalled);
        writer.stop();
        QVERIFY(userExists(QStringLiteral("kept")));
        QVERIFY(!userExists(QStringLiteral("refused"))); // the job's error rolled its writes back
        QVERIFY(userExists(QStringLiteral("orphan")));   // the write itself is not cancelled, only the call
    }

    void searchIndexHoldsWhatCommittedOnly()
    {
        // The writer writes the search index once per batch, after the last job: a job rolled back must
        // leave nothing in it, and an insert then an edit in one batch must end as the edit.
        StorageWriter writer(m_database->location());
        HeldBatch held;
        startHeldWithARoom(writer, held);
        if (QTest::currentTestFailed())
            return;
        const auto room = held.room;
        const auto alice = held.alice;
        const auto results = held.results;
        const StorageWriter::Done record = held.record();
        auto cherry = std::make_shared<std::optional<ChatMessage>>();
        auto say = [room, alice](const char *text, bool thenFail) {
            return [room, alice, text, thenFail](Storage &storage) {
                return storage.messages.insert(room->id, *alice, QLatin1String(text), {}, 1).has_value() &&
                       !thenFail;
            };
        };
        writer.run(say("apple", false), record);
        writer.run(say("banana", true), record);
        writer.run(
            [room, alice, cherry](Storage &storage) {
                *cherry = storage.messages.insert(room->id, *alice, QStringLiteral("cherry"), {}, 2);
                return cherry->has_value();
            },
            record);
        writer.run(
            [cherry](Storage &storage) {
                return storage.messages.edit(**cherry, QStringLiteral("damson"), {}, 3);
            },
            record);
        held.release.release();
        QTRY_COMPARE(results->size(), 6);
        QCOMPARE(*results, (QList<bool>{true, true, true, false, true, true}));
        QCOMPARE(writer.batchesCommitted(), 3); // the four messages shared one transaction
        writer.stop();

        {
            QString error;
            const QSqlDatabase db = m_database->open(QStringLiteral("search"), &error);
            Storage storage(db);
            const auto hits = [&](const char *word) {
                const auto page =
                    storage.messages.search(alice->id, QLatin1String(word), std::nullopt, std::nullopt, 10);
                return page.ok ? int(page.hits.size()) : -1;
            };
            QCOMPARE(hits("apple"), 1);
            QCOMPARE(hits("banana"), 0);
            QCOMPARE(hits("cherry"), 0);
            QCOMPARE(hits("damson"), 1);
            verifySearchIndexMatchesTable(db);
        }
        Database::close(QStringLiteral("search"));
    }

    void aTransactionLostInAJobRefusesTheWholeBatch()
    {
        // SQLite rolls a whole transaction back on its own after some errors (a full disk, an I/O error);
        // here a job does it. Nothing of the batch may then be kept, nor claimed committed, nor indexed.
        if (Test::TestDatabase::postgres())
            QSKIP("PostgreSQL never ends a transaction by itself: after an error it refuses every statement "
                  "until the writer's ROLLBACK (the whole batch then runs again, job by job)");
        StorageWriter writer(m_database->location());
        HeldBatch held;
        startHeldWithARoom(writer, held);
        if (QTest::currentTestFailed())
            return;
        const auto room = held.room;
        const auto alice = held.alice;
        const auto results = held.results;
        const StorageWriter::Done record = held.record();
        writer.run(
            [room, alice](Storage &storage) {
                return storage.messages.insert(room->id, *alice, QStringLiteral("apple"), {}, 1).has_value();
            },
            record);
        writer.run([](Storage &storage) { return storage.sql.command(QStringLiteral("ROLLBACK")); }, record);
        writer.run(
            [room, alice](Storage &storage) {
                return storage.messages.insert(room->id, *alice, QStringLiteral("cherry"), {}, 2).has_value();
            },
            record);
        held.release.release();
        QTRY_COMPARE(results->size(), 5);
        QCOMPARE(*results, (QList<bool>{true, true, false, false, false}));
        writer.stop();

        {
            QString error;
            const QSqlDatabase db = m_database->open(QStringLiteral("lost"), &error);
            QSqlQuery count(db);
            QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM messages")) && count.next());
            QCOMPARE(count.value(0).toInt(), 0);
            verifySearchIndexMatchesTable(db);
            if (!Test::TestDatabase::postgres()) {
                QSqlQuery terms(db);
                QVERIFY(terms.exec(QStringLiteral(
                            "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'apple'")) &&
                        terms.next());
                QCOMPARE(terms.value(0).toInt(), 0);
            }
        }
        Database::close(QStringLiteral("lost"));
    }

    void aDeadlockWithAnotherInstancesWriterIsRunAgain_data()
    {
        QTest::addColumn<bool>("afterAFailedJob");
        QTest::newRow("batch as one") << false;
        QTest::newRow("job by job") << true; // a job that fails first makes the batch run job by job
    }

    void aDeadlockWithAnotherInstancesWriterIsRunAgain()
    {
        if (!Test::TestDatabase::postgres())
            QSKIP("only PostgreSQL has writers of several instances on one database");
        QFETCH(bool, afterAFailedJob);
        // Two instances' writers, each with a batch that writes two rooms, in opposite orders. Each first
        // job waits (the first time it runs) until the other's has written, so that each holds one room's
        // rev and then asks for the other's: a deadlock. PostgreSQL fails one of the second jobs; the writer
        // must let its locks go and run that job again rather than refuse it. Run as one, the batch is rolled
        // back and run again job by job; job by job, what succeeded is committed first.
        RoomRepository::RoomRow roomA;
        RoomRepository::RoomRow roomB;
        auto alice = std::make_shared<User>();
        {
            QString error;
            Storage storage(m_database->open(QStringLiteral("rooms"), &error));
            QVERIFY2(storage.users.create(QStringLiteral("alice"), QStringLiteral("h"), alice.get()) ==
                         UserRepository::CreateStatus::Created,
                     qPrintable(error));
            QVERIFY(storage.rooms.create(QStringLiteral("A"), QStringLiteral("AAAAAAAAAA"), alice->id,
                                         &roomA) == RoomRepository::CreateStatus::Created);
            QVERIFY(storage.rooms.create(QStringLiteral("B"), QStringLiteral("BBBBBBBBBB"), alice->id,
                                         &roomB) == RoomRepository::CreateStatus::Created);
        }
        Database::close(QStringLiteral("rooms"));

        StorageWriter first(m_database->location());
        StorageWriter second(m_database->location());
        QString error;
        QVERIFY2(first.start(&error) && second.start(&error), qPrintable(error));
        QSemaphore releaseFirst;
        QSemaphore releaseSecond;
        hold(first, releaseFirst);
        hold(second, releaseSecond);
        if (QTest::currentTestFailed())
            return;
        auto firstWrote = std::make_shared<QSemaphore>();
        auto secondWrote = std::make_shared<QSemaphore>();
        auto results = std::make_shared<QHash<QString, bool>>();
        auto send = [alice](qint64 room, const QString &text, std::shared_ptr<QSemaphore> wrote,
                            std::shared_ptr<QSemaphore> otherWrote) {
            auto met = std::make_shared<bool>(false); // touched on one writer thread only
            return [=](Storage &storage) {
                if (!storage.messages.insert(room, *alice, text, {}, 1).has_value())
                    return false;
                if (!wrote || std::exchange(*met, true))
                    return true;
                wrote->release();
                return otherWrote->tryAcquire(1, 30'000);
            };
        };
        auto failing = [](Storage &) { return false; };
        if (afterAFailedJob) {
            first.run(failing, [](bool) {});
            second.run(failing, [](bool) {});
        }
        auto record = [results](const QString &text) {
            return [results, text](bool committed) { results->insert(text, committed); };
        };
        first.run(send(roomA.id, QStringLiteral("first to A"), firstWrote, secondWrote),
                  record(QStringLiteral("first to A")));
        first.run(send(roomB.id, QStringLiteral("first to B"), {}, {}), record(QStringLiteral("first to B")));
        second.run(send(roomB.id, QStringLiteral("second to B"), secondWrote, firstWrote),
                   record(QStringLiteral("second to B")));
        second.run(send(roomA.id, QStringLiteral("second to A"), {}, {}),
                   record(QStringLiteral("second to A")));
        releaseFirst.release();
        releaseSecond.release();
        QTRY_COMPARE_WITH_TIMEOUT(results->size(), 4, 30'000);
        for (auto it = results->cbegin(); it != results->cend(); ++it)
            QVERIFY2(it.value(), qPrintable(it.key()));
        QCOMPARE(first.jobsCommitted() + second.jobsCommitted(), 6); // the holders too
        first.stop();
        second.stop();

        {
            const QSqlDatabase db = m_database->open(QStringLiteral("deadlock"), &error);
            QSqlQuery count(db);
            QVERIFY(count.exec(QStringLiteral("SELECT room_id, count(*) FROM messages GROUP BY room_id "
                                              "ORDER BY room_id")));
            QVERIFY(count.next());
            QCOMPARE(count.value(1).toInt(), 2);
            QVERIFY(count.next());
            QCOMPARE(count.value(1).toInt(), 2);
            QVERIFY(!count.next());
        }
        Database::close(QStringLiteral("deadlock"));
    }

    void refusesADatabaseItCannotOpen()
    {
        StorageWriter writer(
            DatabaseLocation::sqlite(m_dir.filePath(QStringLiteral("no/such/dir/db.sqlite"))));
        QString error;
        QVERIFY(!writer.start(&error));
        QVERIFY(!error.isEmpty());
    }

private:
    /// What a test of one held batch shares: alice, her room, the results of its jobs in the order given,
    /// and the semaphore that lets the writer go on.
    struct HeldBatch {
        std::shared_ptr<User> alice = std::make_shared<User>();
        std::shared_ptr<RoomRepository::RoomRow> room = std::make_shared<RoomRepository::RoomRow>();
        std::shared_ptr<QList<bool>> results = std::make_shared<QList<bool>>();
        QSemaphore release;
        StorageWriter::Done record() const
        {
            return [results = results](bool committed) { results->append(committed); };
        }
    };

    /// Starts the writer, has it create alice and her room, then returns once a job holds the writer, which
    /// it does until `held.release`: the jobs given meanwhile queue up and share the next transaction.
    static void startHeldWithARoom(StorageWriter &writer, HeldBatch &held)
    {
        QString error;
        QVERIFY2(writer.start(&error), qPrintable(error));
        const StorageWriter::Done record = held.record();
        bool created = false;
        writer.run(
            [room = held.room, user = held.alice](Storage &storage) {
                return storage.users.create(QStringLiteral("alice"), QStringLiteral("h"), user.get()) ==
                           UserRepository::CreateStatus::Created &&
                       storage.rooms.create(QStringLiteral("R"), QStringLiteral("ABCDEFGHJK"), user->id,
                                            room.get()) == RoomRepository::CreateStatus::Created;
            },
            [record, &created](bool committed) {
                created = true;
                record(committed);
            });
        QTRY_VERIFY(created);
        hold(writer, held.release, record);
    }

    /// Returns once a job holds the started writer, which it does until `release`: the jobs given meanwhile
    /// queue up and share the next transaction.
    static void hold(
        StorageWriter &writer, QSemaphore &release, StorageWriter::Done done = [](bool) {})
    {
        QSemaphore started;
        writer.run(
            [&started, &release](Storage &) {
                started.release();
                release.acquire();
                return true;
            },
            std::move(done));
        started.acquire();
    }

    /// FTS5 compares its index with the messages table: a term of a row that is not there fails it.
    static void verifySearchIndexMatchesTable(const QSqlDatabase &db)
    {
        // SQLite's FTS5 index is written by the writer; PostgreSQL's is an expression index it keeps itself.
        if (Test::TestDatabase::postgres())
            return;
        QSqlQuery check(db);
        QVERIFY2(
            check.exec(QStringLiteral("INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')")),
            qPrintable(check.lastError().text()));
    }

    bool userExists(const QString &name)
    {
        QString error;
        bool found = false;
        {
            const QSqlDatabase db = m_database->open(QStringLiteral("check"), &error);
            found = UserRepository(db).findByUsername(name).has_value();
        }
        Database::close(QStringLiteral("check"));
        return found;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Test::TestDatabase> m_database;
};

QTEST_GUILESS_MAIN(TestStorageWriter)
#include "tst_storagewriter.moc"
