// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sqlconnection.h"

#include <QSqlQuery>
#include <QVariant>
#include <initializer_list>

namespace Natter::Server {

/// A prepared statement with positional values bound, run at once. Failures are logged with the SQL (never
/// the values, which may be password hashes) so every repository reports errors the same way. The statement
/// comes from the connection's cache and goes back to it, reset, when this is destroyed.
class SqlStatement {
public:
    SqlStatement(const SqlConnection &db, const QString &sql, std::initializer_list<QVariant> values = {});

    /// False when the statement failed, and also when reading a row failed (a corrupt page, an I/O error):
    /// check it after the loop, so that an error is never taken for the end of the rows.
    bool ok() const { return m_ok; }
    QSqlQuery &query() { return *m_query; }
    bool next();
    QVariant value(int column) const { return m_query->value(column); }
    int rowsAffected() const { return m_query->numRowsAffected(); }
    /// The id of `INSERT … RETURNING id` (portable, unlike lastInsertId(): QPSQL has none without OIDs);
    /// 0 when the statement failed.
    qint64 returnedId();
    /// True when the statement failed on a UNIQUE or PRIMARY KEY constraint.
    bool violatedUniqueness() const;

private:
    const SqlConnection *m_db; // outlives the statement, as the repositories that run them keep theirs
    SqlConnection::Lease m_lease;
    QSqlQuery *m_query;
    bool m_ok = false;
};

} // namespace Natter::Server
