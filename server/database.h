// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Natter::Server {

/// Opens SQLite connections the way natterd needs them. A connection belongs to the thread that opened it
/// (Qt 6.4), so every thread opens its own under its own name.
class Database {
public:
    /// Opens (creating when needed) `path` as connection `connectionName` with WAL, synchronous=FULL,
    /// foreign keys and a busy timeout. Returns an invalid QSqlDatabase and sets `error` on failure.
    static QSqlDatabase open(const QString &path, const QString &connectionName, QString *error);
    /// The same for a connection that only reads (PRAGMA query_only): a write through it fails.
    static QSqlDatabase openForReading(const QString &path, const QString &connectionName, QString *error);
    /// Makes sure the database's directory exists and that the directory natterd creates (0700) and the
    /// database file (0600) are private to this user before SQLite opens it: SQLite gives `-wal` and `-shm`
    /// the mode of the database file. Tightens a database file that others can read.
    static bool prepareFiles(const QString &path, QString *error);
    /// PRAGMA quick_check: reads every page once (about a second per GB). False with `error` when the file
    /// is damaged.
    static bool quickCheck(const QSqlDatabase &db, QString *error);
    /// False with `error` when no write transaction can be started (a read-only file or directory).
    static bool checkWritable(const QSqlDatabase &db, QString *error);
    /// Closes and forgets the named connection; every QSqlDatabase/QSqlQuery of it must be gone.
    static void close(const QString &connectionName);
};

} // namespace Natter::Server
