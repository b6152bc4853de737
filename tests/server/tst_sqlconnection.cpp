// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"
#include "sqlstatement.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter::Server;

class TestSqlConnection : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_path = m_dir.filePath(QStringLiteral("sql-%1.sqlite").arg(++m_counter));
        for (const QString &name : {QStringLiteral("a"), QStringLiteral("b")}) {
            QSqlDatabase db = Database::open(m_path, name, &error);
            QVERIFY2(db.isValid(), qPrintable(error));
        }
        QVERIFY(QSqlQuery(QSqlDatabase::database(QStringLiteral("a")))
                    .exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")));
    }

    void cleanup()
    {
        Database::close(QStringLiteral("a"));
        Database::close(QStringLiteral("b"));
    }

    void aStatementIsPreparedOnceAndReused()
    {
        const SqlConnection connection(QSqlDatabase::database(QStringLiteral("a")));
        const QString sql = QStringLiteral("INSERT INTO t (v) VALUES (?)");
        const QSqlQuery *first = nullptr;
        {
            SqlStatement insert(connection, sql, {QStringLiteral("one")});
            QVERIFY(insert.ok());
            first = &insert.query();
        }
        {
            SqlStatement again(connection, sql, {QStringLiteral("two")});
            QVERIFY(again.ok());
            QCOMPARE(&again.query(), first);
        }
        // Values bound by position replace the earlier ones.
        {
            SqlStatement read(connection, QStringLiteral("SELECT v FROM t ORDER BY id"));
            QStringList values;
            while (read.next())
                values << read.value(0).toString();
            QCOMPARE(values, QStringList({QStringLiteral("one"), QStringLiteral("two")}));
        }
        // Copies share the cache: what the repositories of one Storage do.
        const SqlConnection copy = connection;
        SqlStatement viaCopy(copy, sql, {QStringLiteral("three")});
        QCOMPARE(&viaCopy.query(), first);
    }

    void theSameSqlWhileInUseGetsItsOwnStatement()
    {
        const SqlConnection connection(QSqlDatabase::database(QStringLiteral("a")));
        for (const QString &value : {QStringLiteral("x"), QStringLiteral("y")})
            QVERIFY(SqlStatement(connection, QStringLiteral("INSERT INTO t (v) VALUES (?)"), {value}).ok());
        const QString sql = QStringLiteral("SELECT v FROM t WHERE v >= ? ORDER BY id");
        SqlStatement outer(connection, sql, {QStringLiteral("x")});
        QVERIFY(outer.next());
        SqlStatement inner(connection, sql, {QStringLiteral("y")});
        QVERIFY(&inner.query() != &outer.query());
        QVERIFY(inner.next());
        QCOMPARE(inner.value(0).toString(), QStringLiteral("y"));
        // The outer one's rows are untouched by the inner run.
        QCOMPARE(outer.value(0).toString(), QStringLiteral("x"));
        QVERIFY(outer.next());
        QCOMPARE(outer.value(0).toString(), QStringLiteral("y"));
    }

    void aStatementLeftMidRowsDoesNotKeepAnOldSnapshot()
    {
        // A cached statement whose rows were not all read must not hold its read transaction: in WAL mode
        // the connection would go on seeing the database as it was.
        const SqlConnection reader(QSqlDatabase::database(QStringLiteral("a")));
        const SqlConnection writer(QSqlDatabase::database(QStringLiteral("b")));
        for (const QString &value : {QStringLiteral("1"), QStringLiteral("2")})
            QVERIFY(SqlStatement(writer, QStringLiteral("INSERT INTO t (v) VALUES (?)"), {value}).ok());
        {
            SqlStatement first(reader, QStringLiteral("SELECT v FROM t ORDER BY id"));
            QVERIFY(first.next()); // one row of two read, then given back
        }
        QVERIFY(
            SqlStatement(writer, QStringLiteral("INSERT INTO t (v) VALUES (?)"), {QStringLiteral("3")}).ok());
        // Any statement of the connection would see the old snapshot while that one held it.
        SqlStatement count(reader, QStringLiteral("SELECT count(*) FROM t"));
        QVERIFY(count.next());
        QCOMPARE(count.value(0).toInt(), 3);
    }

    void aStatementThatCannotBePreparedFailsCleanly()
    {
        const SqlConnection connection(QSqlDatabase::database(QStringLiteral("a")));
        for (int i = 0; i < 2; ++i) {
            SqlStatement broken(connection, QStringLiteral("SELECT nothing FROM nowhere"));
            QVERIFY(!broken.ok());
            QVERIFY(!broken.next());
        }
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TestSqlConnection)
#include "tst_sqlconnection.moc"
