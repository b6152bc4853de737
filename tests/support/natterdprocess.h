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
    /// SIGKILL: no shutdown code runs.
    void kill();
    /// SIGTERM, then waits; the exit code, or -1 if it did not exit normally.
    int terminate(int timeoutMs = 20000);
    QUrl url() const { return m_url; }
    QString databasePath() const { return m_dir.filePath(QStringLiteral("natterd.sqlite")); }
    QString output() const { return m_output; }
    /// The exit code once it has exited by itself (for example after refusing to start); -1 while running.
    int exitCode() const;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QUrl m_url;
    QString m_output;
};

} // namespace Natter::Test
