// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaselocation.h"

#include <QSqlDatabase>
#include <QString>

namespace Natter::Server {

/// Opens database connections the way natterd needs them, SQLite or PostgreSQL. A connection belongs to the
/// thread that opened it (Qt 6.4), so every thread opens its own under its own name.
class Database {
public:
    /// Opens `location` as connection `connectionName`. SQLite: creating the file when needed, with WAL,
    /// synchronous=FULL, foreign keys and a busy timeout. PostgreSQL: through QPSQL, with synchronous_commit
    /// on. Returns an invalid QSqlDatabase and sets `error` on failure.
    static QSqlDatabase open(const DatabaseLocation &location, const QString &connectionName, QString *error);
    static QSqlDatabase open(const QString &sqlitePath, const QString &connectionName, QString *error)
    {
        return open(DatabaseLocation::sqlite(sqlitePath), connectionName, error);
    }
    /// The same for a connection that only reads (SQLite's query_only, PostgreSQL's read-only transactions):
    /// a write through it fails.
    static QSqlDatabase openForReading(const DatabaseLocation &location, const QString &connectionName,
                                       QString *error);
    /// Makes sure the database's directory exists and that the directory natterd creates (0700) and the
    /// database file (0600) are private to this user before SQLite opens it: SQLite gives `-wal` and `-shm`
    /// the mode of the database file. Tightens a database file that others can read.
    static bool prepareFiles(const QString &path, QString *error);
    /// SQLite's PRAGMA quick_check: reads every page once (about a second per GB). False with `error` when
    /// the file is damaged. Not for PostgreSQL, whose server checks its own pages.
    static bool quickCheck(const QSqlDatabase &db, QString *error);
    /// False with `error` when no write transaction can be started (a read-only file or directory, a
    /// PostgreSQL standby).
    static bool checkWritable(const QSqlDatabase &db, QString *error);
    /// PostgreSQL: takes a lock that the connection `db` holds until it closes (or natterd dies). Alone
    /// (`shared` false) it is exclusive, so a second natterd on the database is refused, as on SQLite;
    /// instances with shared_database hold it shared, which lets them in together and keeps out one that
    /// would not tell them of its commits. False with `error` when the other kind holds it.
    static bool claim(const QSqlDatabase &db, bool shared, QString *error);
    /// True for a PostgreSQL (QPSQL) connection: what the few statements that differ by dialect ask.
    static bool isPostgres(const QSqlDatabase &db) { return db.driverName() == QLatin1String("QPSQL"); }
    /// Closes and forgets the named connection; every QSqlDatabase/QSqlQuery of it must be gone.
    static void close(const QString &connectionName);
};

} // namespace Natter::Server
