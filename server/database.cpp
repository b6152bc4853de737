// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "logging.h"
#include "privatedirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace Natter::Server {

namespace {
// Runs `statements` on a newly opened `db`; on failure closes it and forgets its name.
bool setUp(QSqlDatabase &db, const QString &connectionName, std::initializer_list<const char *> statements,
           QString *error)
{
    for (const char *statement : statements) {
        QSqlQuery query(db);
        if (!query.exec(QString::fromLatin1(statement))) {
            *error = query.lastError().text();
            query = QSqlQuery();
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connectionName);
            return false;
        }
    }
    return true;
}

bool connect(QSqlDatabase &db, const QString &connectionName, QString *error)
{
    if (db.open())
        return true;
    *error = db.lastError().text();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(connectionName);
    return false;
}
} // namespace

QSqlDatabase Database::open(const DatabaseLocation &location, const QString &connectionName, QString *error)
{
    if (location.isPostgres()) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        if (!db.isValid()) {
            *error =
                QStringLiteral("Qt's PostgreSQL driver (QPSQL, Debian: libqt6sql6-psql) is not installed");
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connectionName);
            return {};
        }
        db.setHostName(location.host);
        db.setPort(location.port);
        db.setUserName(location.user);
        db.setDatabaseName(location.name);
        db.setPassword(location.password);
        db.setConnectOptions(location.connectOptions);
        // synchronous_commit=on whatever the server's default: an acknowledged send must survive a crash of
        // the database server. NOTICEs (as from IF NOT EXISTS) are not worth a log line each.
        if (!connect(db, connectionName, error) ||
            !setUp(
                db, connectionName,
                {"SET synchronous_commit = on", "SET client_min_messages = warning", "SET TIME ZONE 'UTC'"},
                error))
            return {};
        qCDebug(lcStorage).noquote() << "opened" << location.display() << "as" << connectionName;
        return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(location.path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    // synchronous=FULL: in WAL mode NORMAL may lose the last commits on power loss, and an acknowledged
    // send must survive.
    if (!connect(db, connectionName, error) ||
        !setUp(db, connectionName,
               {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}, error))
        return {};
    qCDebug(lcStorage) << "opened" << location.path << "as" << connectionName;
    return db;
}

QSqlDatabase Database::openForReading(const DatabaseLocation &location, const QString &connectionName,
                                      QString *error)
{
    QSqlDatabase db = open(location, connectionName, error);
    if (!db.isValid())
        return {};
    if (!setUp(
            db, connectionName,
            location.isPostgres()
                // A search's plan depends on its words and room: planned for each run, not once.
                ? std::initializer_list<const char *>{"SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
                                                      "SET plan_cache_mode = force_custom_plan"}
                : std::initializer_list<const char *>{"PRAGMA query_only=ON"},
            error))
        return {};
    return db;
}

bool Database::prepareFiles(const QString &path, QString *error)
{
    const QFileInfo file(path);
    const QString directory = file.absolutePath();
    if (!makePrivateDirectory(directory)) {
        *error = QStringLiteral("cannot create the directory %1").arg(directory);
        return false;
    }
    const QFile::Permissions privateFile = QFile::ReadOwner | QFile::WriteOwner;
    if (!file.exists()) {
        // An empty file is a valid empty database to SQLite; creating it here sets its mode.
        QFile create(path);
        if (!create.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            *error = QStringLiteral("cannot create the database %1: %2").arg(path, create.errorString());
            return false;
        }
        create.close();
        QFile::setPermissions(path, privateFile);
        return true;
    }
    const QFile::Permissions others =
        QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;
    for (const QString &name : {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
        const QFileInfo info(name);
        if (info.exists() && (info.permissions() & others) && QFile::setPermissions(name, privateFile))
            qCWarning(lcStorage).noquote() << name << "could be read by other users; made private (0600)";
    }
    return true;
}

bool Database::quickCheck(const QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("PRAGMA quick_check"))) {
        *error = query.lastError().text();
        return false;
    }
    QStringList problems;
    while (query.next()) {
        const QString line = query.value(0).toString();
        if (line != QLatin1String("ok") && problems.size() < 5)
            problems.append(line);
    }
    if (query.lastError().isValid())
        problems.append(query.lastError().text());
    if (problems.isEmpty())
        return true;
    *error = problems.join(QLatin1String("; "));
    return false;
}

bool Database::checkWritable(const QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (isPostgres(db)) {
        if (!query.exec(QStringLiteral("SHOW transaction_read_only")) || !query.next()) {
            *error = query.lastError().text();
            return false;
        }
        if (query.value(0).toString() != QLatin1String("off")) {
            *error = QStringLiteral("the PostgreSQL server only accepts reads (a standby, or "
                                    "default_transaction_read_only)");
            return false;
        }
        // Messages are Unicode: a LATIN1 or SQL_ASCII database would refuse or garble them.
        if (!query.exec(QStringLiteral("SHOW server_encoding")) || !query.next() ||
            query.value(0).toString() != QLatin1String("UTF8")) {
            *error = QStringLiteral("the database's encoding is %1, not UTF8 (createdb --encoding=UTF8)")
                         .arg(query.value(0).toString());
            return false;
        }
        return true;
    }
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        *error = query.lastError().text();
        return false;
    }
    query.exec(QStringLiteral("ROLLBACK"));
    return true;
}

bool Database::claim(const QSqlDatabase &db, bool shared, QString *error)
{
    // A session lock: PostgreSQL lets it go when the connection ends, so a natterd that was killed leaves
    // nothing behind. The key is natterd's own, and not the migrations' one. Shared instances hold it
    // shared, one alone exclusively: either kind keeps the other out.
    QSqlQuery query(db);
    if (!query.exec(shared ? QStringLiteral("SELECT pg_try_advisory_lock_shared(1851880565)")
                           : QStringLiteral("SELECT pg_try_advisory_lock(1851880565)")) ||
        !query.next()) {
        *error = query.lastError().text();
        return false;
    }
    if (query.value(0).toBool())
        return true;
    QSqlQuery holder(db);
    if (holder.exec(
            QStringLiteral("SELECT a.client_addr, a.application_name, a.backend_start FROM pg_locks l "
                           "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' "
                           "AND l.objid = 1851880565 AND l.granted AND l.database = "
                           "(SELECT oid FROM pg_database WHERE datname = current_database()) LIMIT 1")) &&
        holder.next()) {
        const QString from =
            holder.value(0).isNull() ? QStringLiteral("the local socket") : holder.value(0).toString();
        *error = QStringLiteral("connected from %1 since %2%3")
                     .arg(from, holder.value(2).toString(),
                          shared ? QStringLiteral("; it does not have shared_database=true")
                                 : QStringLiteral("; shared_database=true lets several serve one database"));
    } else {
        *error = QStringLiteral("another connection holds natterd's lock");
    }
    return false;
}

void Database::close(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

} // namespace Natter::Server
