// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testdatabase.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

namespace Natter::Test {

/// The natterd binary as a child process, on a free port, with a config for tests (cheap hashing, no rate
/// limits) and a database of its own (TestDatabase: SQLite or PostgreSQL) that outlives restarts.
class NatterdProcess {
public:
    NatterdProcess();
    ~NatterdProcess();

    /// Starts natterd and waits for its "listening on" line; false on failure or timeout.
    bool start(int timeoutMs = 20000);
    /// Arguments added after the usual ones (a flag under test).
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }
    /// Another database than its own (a second natterd on the first's): what --database takes.
    void setDatabase(const QString &pathOrUrl) { m_databaseOverride = pathOrUrl; }
    /// What natterd is given as --database.
    QString database() const { return m_databaseOverride.isEmpty() ? m_database.url() : m_databaseOverride; }
    const TestDatabase &testDatabase() const { return m_database; }
    /// More keys of the config file's [connections] section, one "key=value\n" each.
    void setConnectionSettings(const QByteArray &lines);
    /// Keys of its [server] section, one "key=value\n" each.
    void setServerSettings(const QByteArray &lines);
    /// The soft and hard limit of open files natterd starts with (Unix), so that it runs out of them.
    void setOpenFileLimit(int limit) { m_openFileLimit = limit; }
    qint64 processId() const { return m_process.processId(); }
    /// SIGKILL: no shutdown code runs.
    void kill();
    /// SIGTERM, then waits; the exit code, or -1 if it did not exit normally.
    int terminate(int timeoutMs = 20000);
    QUrl url() const { return m_url; }
    /// The SQLite file (empty on PostgreSQL).
    QString databasePath() const { return m_database.location().path; }
    QString output() const { return m_output; }
    /// The exit code once it has exited by itself (for example after refusing to start); -1 while running.
    int exitCode() const;

private:
    QTemporaryDir m_dir;
    TestDatabase m_database;
    QProcess m_process;
    QUrl m_url;
    QString m_output;
    QStringList m_extraArguments;
    QString m_databaseOverride;
    QByteArray m_serverSettings;
    QByteArray m_connectionSettings;
    int m_openFileLimit = 0;
};

} // namespace Natter::Test
