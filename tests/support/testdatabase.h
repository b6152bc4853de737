// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaselocation.h"

#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>

namespace Natter::Test {

/// A fresh, empty database for one test. SQLite (a file in a temporary directory) unless the environment
/// says NATTER_TEST_DATABASE=postgresql, as the CTest entries labelled `postgres` do: then a new database
/// in a private PostgreSQL cluster (PostgresCluster) that the test process starts at its first use and
/// stops when the application object goes.
class TestDatabase {
public:
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    /// True when this process's tests run on PostgreSQL.
    static bool postgres();
    /// Empty when the database is ready, else why not (and every test using it should fail).
    QString error() const { return m_error; }
    const Server::DatabaseLocation &location() const { return m_location; }
    /// What `--database` / ServerConfig::database takes for it.
    QString url() const;
    /// A connection of the test's own to it (Database::open), named `connectionName`.
    QSqlDatabase open(const QString &connectionName, QString *error) const;

private:
    QTemporaryDir m_dir;
    Server::DatabaseLocation m_location;
    QString m_error;
};

} // namespace Natter::Test
