// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlstatement.h"

#include "logging.h"

#include <QSqlError>

namespace Natter::Server {

SqlStatement::SqlStatement(const SqlConnection &db, const QString &sql,
                           std::initializer_list<QVariant> values)
    : m_db(&db)
    , m_lease(db.lease(sql))
    , m_query(m_lease.query())
{
    if (!m_lease.prepared()) {
        qCWarning(lcStorage).noquote() << "cannot prepare" << sql << ":" << m_query->lastError().text();
        return;
    }
    int position = 0;
    for (const QVariant &value : values)
        m_query->bindValue(position++, value); // by position: a reused statement keeps its earlier values
    m_ok = m_query->exec();
    if (!m_ok && !violatedUniqueness())
        db.noteFailure(QStringLiteral("statement failed:"), sql, m_query->lastError());
}

bool SqlStatement::next()
{
    if (!m_ok)
        return false;
    if (m_query->next())
        return true;
    if (m_query->lastError().isValid()) {
        m_ok = false;
        m_db->noteFailure(QStringLiteral("reading rows failed:"), m_query->lastQuery(), m_query->lastError());
    }
    return false;
}

qint64 SqlStatement::returnedId()
{
    return next() ? value(0).toLongLong() : 0;
}

bool SqlStatement::violatedUniqueness() const
{
    // SQLite's extended codes: 2067 SQLITE_CONSTRAINT_UNIQUE, 1555 SQLITE_CONSTRAINT_PRIMARYKEY;
    // PostgreSQL's SQLSTATE 23505 unique_violation (a primary key too).
    const QString code = m_query->lastError().nativeErrorCode();
    return code == QLatin1String("2067") || code == QLatin1String("1555") || code == QLatin1String("23505") ||
           m_query->lastError().databaseText().contains(QLatin1String("UNIQUE constraint failed"));
}

} // namespace Natter::Server
