// SPDX-License-Identifier: GPL-3.0-or-later
// The ground issue 12 stands on: a private PostgreSQL cluster started by a test (as the postgres user under
// root), reached through Qt's QPSQL driver, and its LISTEN/NOTIFY delivered through QSqlDriver, which is how
// natterd instances will tell each other of commits.
#include "postgrescluster.h"

#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Natter::Test;

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

private:
    PostgresCluster m_cluster;
};

QTEST_GUILESS_MAIN(TestPostgres)
#include "tst_postgres.moc"
