// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatserver.h"
#include "serverconfig.h"
#include "testdatabase.h"

#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace Natter::Test {

/// The real server, in-process, on 127.0.0.1 and a free port, with a fresh database (TestDatabase: an SQLite
/// file, or a PostgreSQL database when the test runs on PostgreSQL). Hashing is cheap and rate limits are
/// off unless a test sets them.
class TestServer {
public:
    TestServer();
    ~TestServer();

    Server::ServerConfig &config() { return m_config; }
    /// Starts with config(); false (and a qWarning) on failure.
    bool start();
    /// Stops (if running) and starts again on the same database and port.
    bool restart();
    void stop();
    QUrl url() const { return m_url; }
    Server::ChatServer &server() { return *m_server; }
    /// The SQLite file; empty on PostgreSQL.
    QString databasePath() const;
    const TestDatabase &database() const { return m_database; }
    /// Serves `other`'s PostgreSQL database beside it, as one more instance (both must be told so in their
    /// configs: ServerConfig::sharedDatabase).
    void shareDatabaseOf(const TestServer &other) { m_config.database = other.m_database.url(); }
    /// Registers each of `usernames` with the password "password123", as the widget tests' users; false
    /// (and a qWarning) when one cannot be.
    bool registerUsers(const QStringList &usernames);

private:
    TestDatabase m_database;
    Server::ServerConfig m_config;
    std::unique_ptr<Server::ChatServer> m_server;
    QUrl m_url;
};

} // namespace Natter::Test
