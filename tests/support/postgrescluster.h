// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace Natter::Test {

/// A private PostgreSQL cluster for one test: `initdb` in a temporary directory and a server listening only
/// on a Unix socket in that directory (no TCP port, so tests never collide), stopped and removed when this is
/// destroyed. PostgreSQL refuses to run as root, so under root (CI) the cluster belongs to, and runs as, the
/// `postgres` user that Debian's package creates.
class PostgresCluster {
public:
    PostgresCluster();
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster &) = delete;
    PostgresCluster &operator=(const PostgresCluster &) = delete;

    /// Where PostgreSQL's programs are (Debian: /usr/lib/postgresql/15/bin); empty when not installed.
    static QString programDirectory();
    /// Creates and starts the cluster; an empty string when it runs, else what failed.
    QString start();
    void stop();

    /// A QPSQL connection to `database` (its superuser "natter", no password: trust on the socket).
    QSqlDatabase connect(const QString &connectionName,
                         const QString &database = QStringLiteral("postgres")) const;
    QString socketDirectory() const { return m_dir.path(); }
    static constexpr int kPort = 5432; // only names the socket file; there is no TCP listener

private:
    /// Runs one of PostgreSQL's programs (as `postgres` under root); an empty string on success.
    QString run(const QString &program, const QStringList &arguments) const;
    /// initdb's and pg_ctl's option naming the cluster's directory.
    QString dataOption() const;
    /// What runs `program` with `arguments`, as `postgres` under root.
    QStringList command(const QString &program, const QStringList &arguments) const;

    QTemporaryDir m_dir;
    /// Stops the cluster and removes its directory when its standard input closes: at stop(), or when this
    /// process ends without running any destructor (an abort, a crash, a kill).
    QProcess m_watchdog;
    QString m_programs; // programDirectory(), found once by start()
    bool m_running = false;
};

} // namespace Natter::Test
