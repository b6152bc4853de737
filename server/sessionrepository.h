// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sqlconnection.h"

#include <QSqlDatabase>
#include <optional>

namespace Natter::Server {

/// Sign-in sessions. Only the SHA-256 of a token is stored, so a copy of the database signs nobody in.
class SessionRepository {
public:
    explicit SessionRepository(SqlConnection db);

    bool create(const QString &tokenHash, qint64 userId);
    /// The user of a session used at `usedSinceMs` or later; an older one has expired.
    std::optional<qint64> userFor(const QString &tokenHash, qint64 usedSinceMs) const;
    /// Records a use (a resume) now.
    bool touch(const QString &tokenHash, qint64 nowMs);
    /// False only when the statement failed; removing a session that is not there is fine.
    bool remove(const QString &tokenHash);
    /// Every session of the user but `keepTokenHash` (empty: all). False when the statement failed.
    bool removeAllOf(qint64 userId, const QString &keepTokenHash = {});
    /// Sessions not used since `usedBeforeMs`; how many went, or -1.
    int removeIdle(qint64 usedBeforeMs);

private:
    SqlConnection m_db;
};

} // namespace Natter::Server
