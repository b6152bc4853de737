// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

namespace Natter::Test {

/// The natterd binary as a child process, on a free port, with a config for tests (cheap hashing, no rate
/// limits) and a database in a temporary directory that outlives restarts.
class NatterdProcess {
public:
    NatterdProcess();
    ~NatterdProcess();

    /// Starts natterd and waits for its "listening on" line; false on failure or timeout.
    bool start(int timeoutMs = 20000);
    /// Arguments added after the usual ones (a flag under test).
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }
    /// Another database than the one in this process's own directory (a second natterd on the first's).
    void setDatabasePath(const QString &path) { m_databasePath = path; }
    /// More keys of the config file's [connections] section, one "key=value\n" each.
    void setConnectionSettings(const QByteArray &lines);
    /// The soft and hard limit of open files natterd starts with (Unix), so that it runs out of them.
    void setOpenFileLimit(int limit) { m_openFileLimit = limit; }
    qint64 processId() const { return m_process.processId(); }
    /// SIGKILL: no shutdown code runs.
    void kill();
    /// SIGTERM, then waits; the exit code, or -1 if it did not exit normally.
    int terminate(int timeoutMs = 20000);
    QUrl url() const { return m_url; }
    QString databasePath() const
    {
        return m_databasePath.isEmpty() ? m_dir.filePath(QStringLiteral("natterd.sqlite")) : m_databasePath;
    }
    QString output() const { return m_output; }
    /// The exit code once it has exited by itself (for example after refusing to start); -1 while running.
    int exitCode() const;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QUrl m_url;
    QString m_output;
    QStringList m_extraArguments;
    QString m_databasePath;
    int m_openFileLimit = 0;
};

} // namespace Natter::Test
