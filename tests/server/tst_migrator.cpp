// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"
#include "migrator.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter::Server;

namespace {
bool tableExists(const QSqlDatabase &db, const QString &table)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
    query.addBindValue(table);
    return query.exec() && query.next();
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}
} // namespace

class TestMigrator : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_db = Database::open(m_dir.filePath(QStringLiteral("db.sqlite")), QStringLiteral("migrator-test"),
                              &error);
        QVERIFY2(m_db.isValid(), qPrintable(error));
    }

    void cleanup()
    {
        m_db = QSqlDatabase();
        Database::close(QStringLiteral("migrator-test"));
        QFile::remove(m_dir.filePath(QStringLiteral("db.sqlite")));
    }

    void freshDatabaseGetsTheWholeChain()
    {
        Migrator migrator(m_db);
        QCOMPARE(migrator.currentVersion(), 0);
        QVERIFY(migrator.latestVersion() >= 1);
        QString error;
        QVERIFY2(migrator.migrate(&error), qPrintable(error));
        QCOMPARE(migrator.currentVersion(), migrator.latestVersion());
        for (const char *table : {"users", "sessions", "rooms", "memberships", "messages"})
            QVERIFY2(tableExists(m_db, QString::fromLatin1(table)), table);
        QVERIFY2(migrator.migrate(&error), qPrintable(error)); // a second run has nothing to do
    }

    void pragmasAreSet()
    {
        QSqlQuery query(m_db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QVERIFY(query.exec(QStringLiteral("PRAGMA synchronous")) && query.next());
        QCOMPARE(query.value(0).toInt(), 2); // FULL
    }

    void refusesNewerDatabase()
    {
        QSqlQuery query(m_db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 999")));
        Migrator migrator(m_db);
        QString error;
        QVERIFY(!migrator.migrate(&error));
        QVERIFY2(error.contains(QLatin1String("newer")), qPrintable(error));
        QCOMPARE(migrator.currentVersion(), 999);
        QVERIFY(!tableExists(m_db, QStringLiteral("users"))); // nothing was touched
    }

    void sessionsKeepWorkingAcrossTheLastUsedMigration()
    {
        QTemporaryDir onlyFirst;
        QVERIFY(QFile::copy(QStringLiteral(":/natter/migrations/0001_initial.sql"),
                            onlyFirst.filePath(QStringLiteral("0001_initial.sql"))));
        QString error;
        QVERIFY2(Migrator(m_db, onlyFirst.path()).migrate(&error), qPrintable(error));
        QSqlQuery query(m_db);
        QVERIFY(
            query.exec(QStringLiteral("INSERT INTO users (username, username_key, password_hash, created_at) "
                                      "VALUES ('a', 'a', 'x', 1)")));
        QVERIFY(query.exec(
            QStringLiteral("INSERT INTO sessions (token_hash, user_id, created_at) VALUES ('t', 1, 1234)")));
        Migrator migrator(m_db);
        QVERIFY2(migrator.migrate(&error), qPrintable(error));
        QVERIFY(migrator.currentVersion() >= 2);
        QVERIFY(query.exec(QStringLiteral("SELECT last_used_at FROM sessions WHERE token_hash = 't'")) &&
                query.next());
        QCOMPARE(query.value(0).toLongLong(), 1234); // its age counts from its creation
    }

    void failedMigrationRollsBack()
    {
        QTemporaryDir migrations;
        writeFile(migrations.filePath(QStringLiteral("0001_first.sql")), "CREATE TABLE a (x INTEGER);\n");
        writeFile(migrations.filePath(QStringLiteral("0002_broken.sql")),
                  "CREATE TABLE b (y INTEGER);\nINSERT INTO no_such_table VALUES (1);\n");
        Migrator migrator(m_db, migrations.path());
        QCOMPARE(migrator.latestVersion(), 2);
        QString error;
        QVERIFY(!migrator.migrate(&error));
        QVERIFY2(error.contains(QLatin1String("migration 2")), qPrintable(error));
        QCOMPARE(migrator.currentVersion(), 1);
        QVERIFY(tableExists(m_db, QStringLiteral("a")));
        QVERIFY(!tableExists(m_db, QStringLiteral("b")));
    }

private:
    QTemporaryDir m_dir;
    QSqlDatabase m_db;
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
