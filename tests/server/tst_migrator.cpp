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

    void messagesKeepWorkingAcrossTheMessagingMigration()
    {
        // A database of version 2 with a room, two members and messages, as natter 0.1 left it.
        QTemporaryDir upToTwo;
        for (const char *file : {"0001_initial.sql", "0002_session_last_used.sql"})
            QVERIFY(QFile::copy(QStringLiteral(":/natter/migrations/") + QLatin1String(file),
                                upToTwo.filePath(QLatin1String(file))));
        QString error;
        QVERIFY2(Migrator(m_db, upToTwo.path()).migrate(&error), qPrintable(error));
        QSqlQuery query(m_db);
        for (const char *sql :
             {"INSERT INTO users (id, username, username_key, password_hash, created_at) VALUES (1, 'a', "
              "'a', 'x', 1)",
              "INSERT INTO users (id, username, username_key, password_hash, created_at) VALUES (2, 'b', "
              "'b', 'x', 1)",
              "INSERT INTO rooms (id, name, code, created_by, created_at) VALUES (7, 'R', 'ABCDEFGHJK', 1, "
              "1)",
              "INSERT INTO memberships (room_id, user_id, joined_at) VALUES (7, 1, 1), (7, 2, 2)",
              "INSERT INTO messages (id, room_id, author_id, text, created_at) VALUES (10, 7, 1, 'hello "
              "world', 5)",
              "INSERT INTO messages (id, room_id, author_id, text, created_at) VALUES (11, 7, 2, 'good day', "
              "6)"})
            QVERIFY2(query.exec(QLatin1String(sql)), sql);
        QVERIFY2(Migrator(m_db).migrate(&error), qPrintable(error));

        // Old messages get revs in id order and the room's counter continues after them; members have
        // read everything sent before the upgrade; the search index holds the old text.
        QVERIFY(query.exec(QStringLiteral("SELECT rev FROM messages ORDER BY id")));
        QVERIFY(query.next() && query.value(0).toLongLong() == 10);
        QVERIFY(query.next() && query.value(0).toLongLong() == 11);
        QVERIFY(query.exec(QStringLiteral("SELECT rev FROM rooms WHERE id = 7")) && query.next());
        QCOMPARE(query.value(0).toLongLong(), 11);
        QVERIFY(query.exec(QStringLiteral(
                    "SELECT COUNT(*) FROM read_markers WHERE room_id = 7 AND message_id = 11")) &&
                query.next());
        QCOMPARE(query.value(0).toInt(), 2);
        QVERIFY(
            query.exec(QStringLiteral("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'world'")) &&
            query.next());
        QCOMPARE(query.value(0).toLongLong(), 10);
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
