// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlconnection.h"

#include "database.h"
#include "logging.h"
#include "sqlstatement.h"

#include <QSqlError>

namespace Natter::Server {

namespace {
// Statements are written in the code, so their number is bounded; this only guards against a future caller
// that builds SQL from data.
constexpr qsizetype kMaxCached = 256;
} // namespace

SqlConnection::SqlConnection(QSqlDatabase db)
    : m_db(std::move(db))
    , m_shared(std::make_shared<Shared>())
    , m_postgres(Database::isPostgres(m_db))
{}

bool SqlConnection::command(const QString &sql) const
{
    if (!m_postgres)
        return SqlStatement(*this, sql).ok();
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    noteFailure(QStringLiteral("statement failed:"), sql, query.lastError());
    return false;
}

void SqlConnection::noteFailure(const QString &what, const QString &sql, const QSqlError &error) const
{
    // PostgreSQL's SQLSTATE classes: 40P01 deadlock_detected, 40001 serialization_failure.
    const QString code = error.nativeErrorCode();
    if (code == QLatin1String("40P01") || code == QLatin1String("40001"))
        m_shared->conflict = true;
    qCWarning(lcStorage).noquote() << what << sql << ":" << error.text();
}

struct SqlConnection::Lease::Entry {
    QSqlQuery query;
    bool inUse = false;
};

SqlConnection::Lease::Lease(Lease &&other) noexcept
    : m_query(std::exchange(other.m_query, nullptr)) // the moved-from one must not reset it when destroyed
    , m_entry(std::move(other.m_entry))
    , m_owned(std::move(other.m_owned))
    , m_prepared(other.m_prepared)
{}

SqlConnection::Lease::~Lease()
{
    if (!m_query)
        return;
    // Resets the statement: an SQLite statement left mid-rows would hold its read transaction (and an old
    // snapshot of the database) until it ran again.
    m_query->finish();
    if (m_entry)
        m_entry->inUse = false;
}

SqlConnection::Lease SqlConnection::lease(const QString &sql) const
{
    Lease lease;
    const auto found = m_shared->statements.constFind(sql);
    if (found != m_shared->statements.constEnd() && !(*found)->inUse) {
        lease.m_entry = *found;
        lease.m_entry->inUse = true;
        lease.m_query = &lease.m_entry->query;
        lease.m_prepared = true;
        return lease;
    }
    if (found == m_shared->statements.constEnd() && m_shared->statements.size() < kMaxCached) {
        auto entry = std::make_shared<Lease::Entry>(Lease::Entry{QSqlQuery(m_db), false});
        entry->query.setForwardOnly(true);
        lease.m_prepared = entry->query.prepare(sql);
        lease.m_query = &entry->query;
        if (lease.m_prepared) {
            entry->inUse = true;
            m_shared->statements.insert(sql, entry);
        }
        lease.m_entry = std::move(entry);
        return lease;
    }
    lease.m_owned = std::make_unique<QSqlQuery>(m_db);
    lease.m_owned->setForwardOnly(true);
    lease.m_prepared = lease.m_owned->prepare(sql);
    lease.m_query = lease.m_owned.get();
    return lease;
}

} // namespace Natter::Server
