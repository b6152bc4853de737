// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <memory>
#include <utility>

namespace Natter::Server {

/// One thread's database connection together with the statements prepared on it, kept for reuse: SQLite
/// parses and plans a statement in about as long as it takes to run a simple one, and the hot paths (a
/// `send`, a savepoint) run the same few statements thousands of times a second. Copies share the cache;
/// made from a bare QSqlDatabase it starts an empty one. Like the connection, use it on one thread only.
class SqlConnection {
public:
    // Implicit on purpose: a repository made from a QSqlDatabase (as tests do) works as before.
    SqlConnection(QSqlDatabase db); // NOLINT(google-explicit-constructor)

    const QSqlDatabase &database() const { return m_db; }
    /// PostgreSQL (QPSQL) rather than SQLite: the few statements that differ ask this.
    bool isPostgres() const { return m_postgres; }
    /// Runs `sql`, which takes no values and returns no rows (BEGIN, SAVEPOINT, COMMIT…). On SQLite it is
    /// prepared once and kept, like every statement; PostgreSQL cannot prepare these, so it is sent as is.
    /// False (and logged) on failure.
    bool command(const QString &sql) const;
    /// Whether a statement on this connection (or a copy) failed since the last call because PostgreSQL
    /// chose it to end a deadlock or a serialization conflict (SQLSTATE 40P01, 40001): the same work can
    /// succeed in a new transaction, once the locks this one holds are let go. Clears it.
    bool takeConflict() const { return std::exchange(m_shared->conflict, false); }
    /// Logs a failed statement and notes a conflict (see takeConflict()).
    void noteFailure(const QString &what, const QString &sql, const QSqlError &error) const;

    /// A prepared statement borrowed from the cache; given back (reset, its rows let go) when destroyed.
    class Lease {
    public:
        Lease() = default;
        Lease(Lease &&other) noexcept;
        Lease &operator=(Lease &&other) noexcept = delete;
        Lease(const Lease &) = delete;
        Lease &operator=(const Lease &) = delete;
        ~Lease();
        QSqlQuery *query() const { return m_query; }
        /// False when the statement could not be prepared (lastError() says why).
        bool prepared() const { return m_prepared; }

    private:
        friend class SqlConnection;
        struct Entry;
        QSqlQuery *m_query = nullptr;
        std::shared_ptr<Entry> m_entry;     // when borrowed from the cache
        std::unique_ptr<QSqlQuery> m_owned; // not cached: failed to prepare, or the cached one is in use
        bool m_prepared = false;
    };
    /// The statement for `sql`, prepared once per connection. A statement already borrowed (the same SQL
    /// run again while its rows are read) gets a fresh one of its own.
    Lease lease(const QString &sql) const;

private:
    struct Shared {
        QHash<QString, std::shared_ptr<Lease::Entry>> statements;
        bool conflict = false;
    };

    QSqlDatabase m_db;
    std::shared_ptr<Shared> m_shared;
    bool m_postgres = false;
};

} // namespace Natter::Server
