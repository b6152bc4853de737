// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <optional>

namespace Natter::Server {

/// Sign-in sessions. Only the SHA-256 of a token is stored, so a copy of the database signs nobody in.
class SessionRepository {
public:
    explicit SessionRepository(QSqlDatabase db);

    bool create(const QString &tokenHash, qint64 userId);
    std::optional<qint64> userFor(const QString &tokenHash) const;
    /// False only when the statement failed; removing a session that is not there is fine.
    bool remove(const QString &tokenHash);

private:
    QSqlDatabase m_db;
};

} // namespace Natter::Server
