// SPDX-License-Identifier: GPL-3.0-or-later
// The ground issue 12 stands on: a private PostgreSQL cluster started by a test (as the postgres user under
// root), reached through Qt's QPSQL driver, and its LISTEN/NOTIFY delivered through QSqlDriver, which is how
// natterd instances will tell each other of commits.
#include "database.h"
#include "migrator.h"
#include "postgrescluster.h"

#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace Natter::Test;
using namespace Natter::Server;

class TestPostgres : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (PostgresCluster::programDirectory().isEmpty() && qEnvironmentVariableIsEmpty("CI"))
            QSKIP("PostgreSQL is not installed (scripts/install-deps installs it)");
        QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")), "Qt's QPSQL driver is missing");
        const QString error = m_cluster.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void storesAndReadsThroughQpsql()
    {
        {
            QSqlDatabase db = m_cluster.connect(QStringLiteral("rw"));
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("SELECT current_setting('server_version_num')::int")) &&
                    query.next());
            QVERIFY2(query.value(0).toInt() >= 150000, qPrintable(query.value(0).toString()));
            QVERIFY(query.exec(QStringLiteral("SELECT current_setting('fsync')")) && query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("on"));
            QVERIFY2(query.exec(
                         QStringLiteral("CREATE TABLE notes (id BIGSERIAL PRIMARY KEY, text TEXT NOT NULL)")),
                     qPrintable(query.lastError().text()));
            QVERIFY(query.prepare(QStringLiteral("INSERT INTO notes (text) VALUES (?) RETURNING id")));
            query.addBindValue(QStringLiteral("grüße"));
            QVERIFY2(query.exec() && query.next(), qPrintable(query.lastError().text()));
            const qint64 id = query.value(0).toLongLong();
            QVERIFY(query.prepare(QStringLiteral("SELECT text FROM notes WHERE id = ?")));
            query.addBindValue(id);
            QVERIFY(query.exec() && query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("grüße"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("rw"));
    }

    void notifyReachesAListeningConnection()
    {
        {
            QSqlDatabase listener = m_cluster.connect(QStringLiteral("listener"));
            QSqlDatabase sender = m_cluster.connect(QStringLiteral("sender"));
            QVERIFY2(listener.isOpen() && sender.isOpen(), qPrintable(listener.lastError().text()));
            QVERIFY(listener.driver()->hasFeature(QSqlDriver::EventNotifications));
            QVERIFY(listener.driver()->subscribeToNotification(QStringLiteral("natter_commits")));
            QSignalSpy spy(listener.driver(), &QSqlDriver::notification);
            QSqlQuery notify(sender);
            QVERIFY2(notify.exec(QStringLiteral("NOTIFY natter_commits, 'room 7 up to 42'")),
                     qPrintable(notify.lastError().text()));
            QVERIFY(spy.wait(10'000));
            QCOMPARE(spy.first().at(0).toString(), QStringLiteral("natter_commits"));
            QCOMPARE(spy.first().at(2).toString(), QStringLiteral("room 7 up to 42"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("listener"));
        QSqlDatabase::removeDatabase(QStringLiteral("sender"));
    }

    void migratesAndRefusesANewerSchema()
    {
        const DatabaseLocation location = createDatabase(QStringLiteral("fresh"));
        {
            QString error;
            QSqlDatabase db = Database::open(location, QStringLiteral("migrate"), &error);
            QVERIFY2(db.isValid(), qPrintable(error));
            Migrator migrator(db);
            QCOMPARE(migrator.currentVersion(), 0);
            QVERIFY2(migrator.migrate(&error), qPrintable(error));
            QCOMPARE(migrator.currentVersion(), migrator.latestVersion());
            QVERIFY(migrator.migrate(&error)); // nothing left to do
            QSqlQuery query(db);
            // PostgreSQL's own files were chosen where they exist (0003 makes room_revs, not rooms.rev).
            QVERIFY(query.exec(QStringLiteral("SELECT to_regclass('room_revs') IS NOT NULL")) &&
                    query.next());
            QVERIFY(query.value(0).toBool());
            QVERIFY(query.exec(QStringLiteral("UPDATE natter_schema SET version = version + 1")));
            QVERIFY(!migrator.migrate(&error));
            QVERIFY2(error.contains(QLatin1String("newer than this natterd")), qPrintable(error));
        }
        Database::close(QStringLiteral("migrate"));
    }

    void instancesStartingTogetherMigrateOnce()
    {
        const DatabaseLocation location = createDatabase(QStringLiteral("together"));
        QString errors[3];
        QList<QThread *> threads;
        for (int i = 0; i < 3; ++i) {
            threads.append(QThread::create([&location, &error = errors[i], i] {
                const QString name = QStringLiteral("instance-%1").arg(i);
                {
                    QSqlDatabase db = Database::open(location, name, &error);
                    if (db.isValid() && Migrator(db).migrate(&error))
                        error = QStringLiteral("ok");
                }
                Database::close(name);
            }));
            threads.last()->start();
        }
        for (QThread *thread : std::as_const(threads)) {
            QVERIFY(thread->wait(60'000));
            delete thread;
        }
        for (const QString &error : errors)
            QCOMPARE(error, QStringLiteral("ok"));
    }

private:
    /// An empty database in the cluster, and where natterd finds it.
    DatabaseLocation createDatabase(const QString &name)
    {
        {
            QSqlDatabase admin = m_cluster.connect(QStringLiteral("admin"));
            QSqlQuery query(admin);
            if (!query.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
                qWarning() << "cannot create" << name << query.lastError().text();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("admin"));
        DatabaseLocation location;
        location.kind = DatabaseLocation::Kind::PostgreSQL;
        location.host = m_cluster.socketDirectory();
        location.port = PostgresCluster::kPort;
        location.user = QStringLiteral("natter");
        location.name = name;
        return location;
    }

    PostgresCluster m_cluster;
};

QTEST_GUILESS_MAIN(TestPostgres)
#include "tst_postgres.moc"
