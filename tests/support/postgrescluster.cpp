// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgrescluster.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <pwd.h>
#include <unistd.h>

namespace Natter::Test {

namespace {

constexpr int kProgramTimeoutMs = 120'000;

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

} // namespace

PostgresCluster::PostgresCluster() = default;

PostgresCluster::~PostgresCluster()
{
    stop();
}

QString PostgresCluster::programDirectory()
{
    // Debian installs each major version beside the others; the newest one there is used.
    QDir versions(QStringLiteral("/usr/lib/postgresql"));
    const QStringList found =
        versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
    for (const QString &version : found) {
        const QString bin = versions.filePath(version + QStringLiteral("/bin"));
        if (QFileInfo(bin + QStringLiteral("/initdb")).isExecutable())
            return bin;
    }
    return {};
}

QString PostgresCluster::start()
{
    m_programs = programDirectory();
    if (m_programs.isEmpty())
        return QStringLiteral("PostgreSQL is not installed (no initdb under /usr/lib/postgresql)");
    if (!m_dir.isValid())
        return QStringLiteral("cannot create a temporary directory");
    if (runningAsRoot()) {
        const passwd *postgres = ::getpwnam("postgres");
        if (!postgres)
            return QStringLiteral("running as root, and there is no postgres user to run PostgreSQL as");
        if (::chown(QFile::encodeName(m_dir.path()).constData(), postgres->pw_uid, postgres->pw_gid) != 0)
            return QStringLiteral("cannot give %1 to the postgres user").arg(m_dir.path());
    }
    if (QString error =
            run(QStringLiteral("initdb"), {dataOption(), QStringLiteral("--username=natter"),
                                           QStringLiteral("--auth=trust"), QStringLiteral("--encoding=UTF8"),
                                           QStringLiteral("--locale=C"), QStringLiteral("--no-sync")});
        !error.isEmpty())
        return error;
    // Only the Unix socket in our own directory; fsync stays on, as natterd's guarantees assume.
    const QString options = QStringLiteral("-c listen_addresses='' -k %1 -p %2").arg(m_dir.path()).arg(kPort);
    if (QString error =
            run(QStringLiteral("pg_ctl"),
                {dataOption(), QStringLiteral("--log=") + m_dir.filePath(QStringLiteral("server.log")),
                 QStringLiteral("--wait"), QStringLiteral("--options=") + options, QStringLiteral("start")});
        !error.isEmpty())
        return error;
    m_running = true;
    // A test that aborts (qFatal, a crash, a timeout's kill) runs no destructor and no post-routine, and
    // would leave its server running. The watchdog's standard input is a pipe from this process, which closes
    // with it whichever way it ends; the watchdog then stops the server and removes the directory.
    // Its output goes nowhere: a harness waiting for the test's output pipe to close must not wait for it.
    m_watchdog.setStandardOutputFile(QProcess::nullDevice());
    m_watchdog.setStandardErrorFile(QProcess::nullDevice());
    // A session of its own: a harness that kills the test's process group (CTest on a timeout) spares it.
    m_watchdog.setChildProcessModifier([] { ::setsid(); });
    m_watchdog.start(
        QStringLiteral("sh"),
        QStringList{QStringLiteral("-c"),
                    QStringLiteral("cat >/dev/null; dir=$1; shift; \"$@\" || exit 1; rm -rf \"$dir\""),
                    QStringLiteral("natter-test-cluster-watchdog"), m_dir.path()} +
            command(QStringLiteral("pg_ctl"), {dataOption(), QStringLiteral("--mode=immediate"),
                                               QStringLiteral("--wait"), QStringLiteral("stop")}));
    if (!m_watchdog.waitForStarted()) {
        stop();
        return QStringLiteral("cannot start the watchdog that stops the cluster: %1")
            .arg(m_watchdog.errorString());
    }
    return {};
}

void PostgresCluster::stop()
{
    if (!m_running)
        return;
    m_running = false;
    if (m_watchdog.state() == QProcess::Running) {
        m_watchdog.closeWriteChannel();
        if (m_watchdog.waitForFinished(kProgramTimeoutMs) &&
            m_watchdog.exitStatus() == QProcess::NormalExit && m_watchdog.exitCode() == 0)
            return;
    }
    run(QStringLiteral("pg_ctl"),
        {dataOption(), QStringLiteral("--mode=immediate"), QStringLiteral("--wait"), QStringLiteral("stop")});
}

QStringList PostgresCluster::command(const QString &program, const QStringList &arguments) const
{
    const QString path = m_programs + QLatin1Char('/') + program;
    if (!runningAsRoot())
        return QStringList{path} + arguments;
    return QStringList{QStringLiteral("runuser"), QStringLiteral("-u"), QStringLiteral("postgres"),
                       QStringLiteral("--"), path} +
           arguments;
}

QString PostgresCluster::dataOption() const
{
    return QStringLiteral("--pgdata=") + m_dir.filePath(QStringLiteral("data"));
}

QSqlDatabase PostgresCluster::connect(const QString &connectionName, const QString &database) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(m_dir.path()); // a directory: libpq takes it as where the socket is
    db.setPort(kPort);
    db.setUserName(QStringLiteral("natter"));
    db.setDatabaseName(database);
    db.open();
    return db;
}

QString PostgresCluster::run(const QString &program, const QStringList &arguments) const
{
    QStringList line = command(program, arguments);
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(line.takeFirst(), line);
    if (!process.waitForFinished(kProgramTimeoutMs) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        return QStringLiteral("%1 failed: %2")
            .arg(program, QString::fromLocal8Bit(process.readAll()).trimmed());
    }
    return {};
}

} // namespace Natter::Test
