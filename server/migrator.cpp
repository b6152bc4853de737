// SPDX-License-Identifier: GPL-3.0-or-later
#include "migrator.h"

#include "database.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace Natter::Server {

Migrator::Migrator(QSqlDatabase db, QString resourceDir)
    : m_db(std::move(db))
    , m_resourceDir(std::move(resourceDir))
{}

QList<Migrator::Migration> Migrator::migrations() const
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_[a-z0-9_]+(\\.postgresql)?\\.sql$"));
    QMap<int, Migration> byVersion;
    const QStringList files = QDir(m_resourceDir).entryList({QStringLiteral("*.sql")}, QDir::Files);
    for (const QString &file : files) {
        const auto match = pattern.match(file);
        if (!match.hasMatch())
            continue;
        const bool forPostgres = match.hasCaptured(2);
        if (forPostgres && !Database::isPostgres(m_db))
            continue;
        const int version = match.captured(1).toInt();
        // The dialect's own file wins over the portable one of the same number.
        if (forPostgres || !byVersion.contains(version))
            byVersion.insert(version, {version, m_resourceDir + QLatin1Char('/') + file});
    }
    return byVersion.values(); // by version
}

int Migrator::latestVersion() const
{
    const auto all = migrations();
    return all.isEmpty() ? 0 : all.last().version;
}

int Migrator::currentVersion() const
{
    QSqlQuery query(m_db);
    if (!Database::isPostgres(m_db)) {
        if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
            return -1;
        return query.value(0).toInt();
    }
    if (!query.exec(QStringLiteral("SELECT to_regclass('natter_schema') IS NOT NULL")) || !query.next())
        return -1;
    if (!query.value(0).toBool())
        return 0;
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM natter_schema")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool Migrator::migrate(QString *error)
{
    if (!Database::isPostgres(m_db))
        return migrateLocked(error);
    // Held by this connection until unlocked (or until it closes, should natterd die half-way); the key is
    // natterd's own ("natt" in ASCII).
    QSqlQuery lock(m_db);
    if (!lock.exec(QStringLiteral("SELECT pg_advisory_lock(1851880564)"))) {
        *error = QStringLiteral("cannot take the migration lock: %1").arg(lock.lastError().text());
        return false;
    }
    const bool migrated = migrateLocked(error);
    lock.exec(QStringLiteral("SELECT pg_advisory_unlock(1851880564)"));
    return migrated;
}

bool Migrator::migrateLocked(QString *error)
{
    const int current = currentVersion();
    if (current < 0) {
        *error = QStringLiteral("cannot read the schema version: %1").arg(m_db.lastError().text());
        return false;
    }
    const int latest = latestVersion();
    if (current > latest) {
        *error = QStringLiteral("the database has schema version %1, newer than this natterd knows (%2); "
                                "run a newer natterd or restore a backup")
                     .arg(current)
                     .arg(latest);
        return false;
    }
    for (const Migration &migration : migrations()) {
        if (migration.version <= current)
            continue;
        if (!apply(migration, error))
            return false;
        qCInfo(lcStorage) << "database migrated to schema version" << migration.version;
    }
    return true;
}

bool Migrator::apply(const Migration &migration, QString *error)
{
    QFile file(migration.path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read migration %1").arg(migration.path);
        return false;
    }
    const QString script = QString::fromUtf8(file.readAll());
    static const QRegularExpression statementEnd(QStringLiteral(";\\s*(\\n|$)"));
    static const QRegularExpression comment(QStringLiteral("^\\s*--[^\\n]*$"),
                                            QRegularExpression::MultilineOption);

    if (!m_db.transaction()) {
        *error = m_db.lastError().text();
        return false;
    }
    QStringList statements = QString(script).remove(comment).split(statementEnd, Qt::SkipEmptyParts);
    if (Database::isPostgres(m_db)) {
        statements.append(
            QStringLiteral("CREATE TABLE IF NOT EXISTS natter_schema (version INTEGER NOT NULL)"));
        statements.append(QStringLiteral("DELETE FROM natter_schema"));
        statements.append(
            QStringLiteral("INSERT INTO natter_schema (version) VALUES (%1)").arg(migration.version));
    } else {
        statements.append(QStringLiteral("PRAGMA user_version = %1").arg(migration.version));
    }
    for (const QString &statement : std::as_const(statements)) {
        if (statement.trimmed().isEmpty())
            continue;
        QSqlQuery query(m_db);
        if (!query.exec(statement)) {
            *error = QStringLiteral("migration %1 failed: %2")
                         .arg(migration.version)
                         .arg(query.lastError().text());
            query = QSqlQuery();
            m_db.rollback();
            return false;
        }
    }
    if (!m_db.commit()) {
        *error = m_db.lastError().text();
        m_db.rollback();
        return false;
    }
    return true;
}

} // namespace Natter::Server
