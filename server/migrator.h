// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace Natter::Server {

/// Brings a database to the schema this build knows, one numbered migration at a time.
/// Migrations are the files NNNN_name.sql under a resource directory; each runs in one transaction that
/// also sets PRAGMA user_version to NNNN. A database newer than the code is refused, never touched.
class Migrator {
public:
    explicit Migrator(QSqlDatabase db, QString resourceDir = QStringLiteral(":/natter/migrations"));

    /// The highest version among the migrations found.
    int latestVersion() const;
    /// PRAGMA user_version of the database; -1 when it cannot be read.
    int currentVersion() const;
    /// Runs every migration above the current version. False, with `error` set, when the database is
    /// newer than the code or a migration fails (that migration is rolled back).
    bool migrate(QString *error);

private:
    struct Migration {
        int version;
        QString path;
    };
    QList<Migration> migrations() const;
    bool apply(const Migration &migration, QString *error);

    QSqlDatabase m_db;
    QString m_resourceDir;
};

} // namespace Natter::Server
