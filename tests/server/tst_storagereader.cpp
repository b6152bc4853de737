// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"
#include "migrator.h"
#include "storage.h"
#include "storagereader.h"
#include "testdatabase.h"

#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>

using namespace Natter;
using namespace Natter::Server;

class TestStorageReader : public QObject {
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
        QVERIFY(addUser(QStringLiteral("alice")));
    }

    void readsRunOffThisThreadAndAnswerOnIt()
    {
        StorageReader reader(m_database->location());
        QString error;
        QVERIFY2(reader.start(&error), qPrintable(error));
        const QThread *mainThread = QThread::currentThread();
        std::atomic<const QThread *> jobThread = nullptr;
        QList<QPair<QString, bool>> results; // the name looked up, found
        QList<const QThread *> doneThreads;
        QObject context;
        for (const QString &name :
             {QStringLiteral("alice"), QStringLiteral("nobody"), QStringLiteral("ALICE")}) {
            reader.read<bool>(
                &context,
                [name, &jobThread](Storage &storage) {
                    jobThread = QThread::currentThread();
                    return storage.users.findByUsername(name).has_value();
                },
                [name, &results, &doneThreads](const bool &found) {
                    doneThreads.append(QThread::currentThread());
                    results.append({name, found});
                });
        }
        QVERIFY(results.isEmpty()); // never called back inline
        QCOMPARE(reader.pending(), 3);
        QTRY_COMPARE(results.size(), 3);
        QCOMPARE(results, (QList<QPair<QString, bool>>{{"alice", true}, {"nobody", false}, {"ALICE", true}}));
        QVERIFY(jobThread.load() && jobThread.load() != mainThread); // the search never holds up this thread
        QCOMPARE(doneThreads, (QList<const QThread *>{mainThread, mainThread, mainThread}));
        QCOMPARE(reader.pending(), 0);
    }

    void eachReadSeesWhatWasCommittedBeforeIt()
    {
        StorageReader reader(m_database->location());
        QString error;
        QVERIFY2(reader.start(&error), qPrintable(error));
        QList<bool> found;
        QObject context;
        const auto lookUpBob = [&] {
            reader.read<bool>(
                &context,
                [](Storage &storage) {
                    return storage.users.findByUsername(QStringLiteral("bob")).has_value();
                },
                [&found](const bool &result) { found.append(result); });
        };
        lookUpBob();
        QTRY_COMPARE(found.size(), 1);
        QVERIFY(addUser(QStringLiteral("bob"))); // committed by another connection, as the writer does
        lookUpBob();
        QTRY_COMPARE(found.size(), 2);
        QCOMPARE(found, (QList<bool>{false, true})); // no read transaction was left open in between
    }

    void readsCannotWrite()
    {
        StorageReader reader(m_database->location());
        QString error;
        QVERIFY2(reader.start(&error), qPrintable(error));
        std::optional<UserRepository::CreateStatus> status;
        QObject context;
        reader.read<UserRepository::CreateStatus>(
            &context,
            [](Storage &storage) {
                User user;
                return storage.users.create(QStringLiteral("intruder"), QStringLiteral("h"), &user);
            },
            [&status](const UserRepository::CreateStatus &result) { status = result; });
        QTRY_VERIFY(status.has_value());
        QCOMPARE(*status, UserRepository::CreateStatus::Failed);
        reader.stop();
        QVERIFY(!userExists(QStringLiteral("intruder")));
    }

    void aDestroyedContextIsNeverCalledBack()
    {
        StorageReader reader(m_database->location());
        QString error;
        QVERIFY2(reader.start(&error), qPrintable(error));
        QSemaphore started;
        QSemaphore release;
        auto gone = std::make_unique<QObject>();
        bool goneCalled = false;
        reader.read<int>(
            gone.get(),
            [&started, &release](Storage &) {
                started.release();
                release.acquire();
                return 1;
            },
            [&goneCalled](const int &) { goneCalled = true; });
        QObject alive;
        bool aliveCalled = false;
        reader.read<int>(
            &alive, [](Storage &) { return 2; }, [&aliveCalled](const int &) { aliveCalled = true; });
        started.acquire();
        gone.reset(); // while its read runs
        release.release();
        QTRY_VERIFY(aliveCalled); // reads answer in order: the first one's turn has passed
        QVERIFY(!goneCalled);
        QCOMPARE(reader.pending(), 0);
    }

    void stopWithReadsQueuedCallsNothingBackAndKeepsNothing()
    {
        StorageReader reader(m_database->location());
        QString error;
        QVERIFY2(reader.start(&error), qPrintable(error));
        QSemaphore started;
        QSemaphore release;
        QSemaphore ran;
        int called = 0;
        auto token = std::make_shared<int>(0); // held by every job and callback until they are freed
        QObject context;
        reader.read<int>(
            &context,
            [&started, &release, &ran, token](Storage &) {
                started.release();
                release.acquire();
                ran.release();
                return 0;
            },
            [&called, token](const int &) { ++called; });
        started.acquire();
        for (int i = 0; i < 5; ++i) {
            reader.read<int>(
                &context,
                [&ran, token](Storage &) {
                    ran.release();
                    return 0;
                },
                [&called, token](const int &) { ++called; });
        }
        QCOMPARE(reader.pending(), 6);
        // All six have run and their answers are posted to this thread, but not handled yet: stop() must
        // drop them too.
        release.release();
        QVERIFY(ran.tryAcquire(6, 10000));
        reader.stop();
        QCOMPARE(reader.pending(), 0);
        QCoreApplication::sendPostedEvents();
        QCOMPARE(called, 0);
        QCOMPARE(token.use_count(), 1); // every job and callback is freed
        // After stop, a read is refused: it neither runs nor calls back.
        bool ranAfterStop = false;
        reader.read<int>(
            &context,
            [&ranAfterStop, token](Storage &) {
                ranAfterStop = true;
                return 0;
            },
            [&called, token](const int &) { ++called; });
        QCoreApplication::sendPostedEvents();
        QVERIFY(!ranAfterStop);
        QCOMPARE(called, 0);
        QCOMPARE(token.use_count(), 1);
    }

    void stopWaitsForTheRunningReadOnly()
    {
        StorageReader reader(m_database->location());
        QString error;
        QVERIFY2(reader.start(&error), qPrintable(error));
        QSemaphore started;
        QSemaphore release;
        std::atomic_int ran = 0;
        QObject context;
        reader.read<int>(
            &context,
            [&started, &release, &ran](Storage &) {
                started.release();
                release.acquire();
                ++ran;
                return 0;
            },
            [](const int &) {});
        started.acquire();
        for (int i = 0; i < 5; ++i) {
            reader.read<int>(
                &context,
                [&ran](Storage &) {
                    ++ran;
                    return 0;
                },
                [](const int &) {});
        }
        // Released from another thread once stop() has begun: stop() blocks this one until the read ends.
        QThread *releaser = QThread::create([&release, &reader] {
            while (reader.isStopping() == false)
                QThread::yieldCurrentThread();
            release.release();
        });
        releaser->start();
        reader.stop();
        releaser->wait();
        delete releaser;
        QCOMPARE(ran.load(), 1); // the queued reads were dropped, not run
    }

    void refusesADatabaseItCannotOpen()
    {
        StorageReader reader(
            DatabaseLocation::sqlite(m_dir.filePath(QStringLiteral("no/such/dir/db.sqlite"))));
        QString error;
        QVERIFY(!reader.start(&error));
        QVERIFY(!error.isEmpty());
    }

private:
    bool addUser(const QString &name)
    {
        QString error;
        bool created = false;
        {
            const QSqlDatabase db = m_database->open(QStringLiteral("add"), &error);
            User user;
            created = UserRepository(db).create(name, QStringLiteral("h"), &user) ==
                      UserRepository::CreateStatus::Created;
        }
        Database::close(QStringLiteral("add"));
        return created;
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

QTEST_GUILESS_MAIN(TestStorageReader)
#include "tst_storagereader.moc"
