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
    /// Closes and forgets the named connection; every QSqlDatabase/QSqlQuery of it must be gone.
    static void close(const QString &connectionName);
};

} // namespace Natter::Server
