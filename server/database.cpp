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

QSqlDatabase Database::open(const QString &path, const QString &connectionName, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        *error = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return {};
    }
    // synchronous=FULL: in WAL mode NORMAL may lose the last commits on power loss, and an acknowledged
    // send must survive.
    const char *pragmas[] = {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"};
    for (const char *pragma : pragmas) {
        QSqlQuery query(db);
        if (!query.exec(QString::fromLatin1(pragma))) {
            *error = query.lastError().text();
            query = QSqlQuery();
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connectionName);
            return {};
        }
    }
    qCDebug(lcStorage) << "opened" << path << "as" << connectionName;
    return db;
}

QSqlDatabase Database::openForReading(const QString &path, const QString &connectionName, QString *error)
{
    QSqlDatabase db = open(path, connectionName, error);
    if (!db.isValid())
        return {};
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA query_only=ON"))) {
        *error = query.lastError().text();
        query = QSqlQuery();
        db = QSqlDatabase();
        close(connectionName);
        return {};
    }
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
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        *error = query.lastError().text();
        return false;
    }
    query.exec(QStringLiteral("ROLLBACK"));
    return true;
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
