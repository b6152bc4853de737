// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sqlconnection.h"

#include "user.h"

#include <QSqlDatabase>
#include <optional>

namespace Natter::Server {

/// Accounts: username (unique without regard to case) and password hash.
class UserRepository {
public:
    explicit UserRepository(SqlConnection db);

    struct Account {
        User user;
        QString passwordHash;
    };
    enum class CreateStatus { Created, UsernameTaken, Failed };

    /// Creates an account; `user` receives the new id on success.
    CreateStatus create(const QString &username, const QString &passwordHash, User *user);
    /// The account whose username matches without regard to case.
    std::optional<Account> findByUsername(const QString &username) const;
    std::optional<User> findById(qint64 id) const;
    bool updatePasswordHash(qint64 id, const QString &passwordHash);

private:
    SqlConnection m_db;
};

} // namespace Natter::Server
