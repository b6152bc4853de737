// SPDX-License-Identifier: GPL-3.0-or-later
#include "userrepository.h"

#include "sqlstatement.h"
#include "validation.h"

#include <QDateTime>

namespace Natter::Server {

UserRepository::UserRepository(SqlConnection db)
    : m_db(std::move(db))
{}

UserRepository::CreateStatus UserRepository::create(const QString &username, const QString &passwordHash,
                                                    User *user)
{
    SqlStatement insert(
        m_db,
        QStringLiteral("INSERT INTO users (username, username_key, password_hash, created_at) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT (username_key) DO NOTHING RETURNING id"),
        {username, Validation::usernameKey(username), passwordHash, QDateTime::currentMSecsSinceEpoch()});
    // A taken name returns no row rather than failing: on PostgreSQL a failed statement aborts the job's
    // savepoint, and nothing more could run in it.
    const qint64 id = insert.returnedId();
    if (id == 0)
        return insert.ok() ? CreateStatus::UsernameTaken : CreateStatus::Failed;
    *user = User{id, username};
    return CreateStatus::Created;
}

std::optional<UserRepository::Account> UserRepository::findByUsername(const QString &username) const
{
    SqlStatement select(
        m_db, QStringLiteral("SELECT id, username, password_hash FROM users WHERE username_key = ?"),
        {Validation::usernameKey(username)});
    if (!select.ok() || !select.next())
        return std::nullopt;
    return Account{User{select.value(0).toLongLong(), select.value(1).toString()},
                   select.value(2).toString()};
}

std::optional<User> UserRepository::findById(qint64 id) const
{
    SqlStatement select(m_db, QStringLiteral("SELECT id, username FROM users WHERE id = ?"), {id});
    if (!select.ok() || !select.next())
        return std::nullopt;
    return User{select.value(0).toLongLong(), select.value(1).toString()};
}

bool UserRepository::updatePasswordHash(qint64 id, const QString &passwordHash)
{
    SqlStatement update(m_db, QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"),
                        {passwordHash, id});
    return update.ok() && update.rowsAffected() == 1;
}

} // namespace Natter::Server
