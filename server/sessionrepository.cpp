// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionrepository.h"

#include "sqlstatement.h"

#include <QDateTime>

namespace Natter::Server {

SessionRepository::SessionRepository(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool SessionRepository::create(const QString &tokenHash, qint64 userId)
{
    SqlStatement insert(
        m_db, QStringLiteral("INSERT INTO sessions (token_hash, user_id, created_at) VALUES (?, ?, ?)"),
        {tokenHash, userId, QDateTime::currentMSecsSinceEpoch()});
    return insert.ok();
}

std::optional<qint64> SessionRepository::userFor(const QString &tokenHash) const
{
    SqlStatement select(m_db, QStringLiteral("SELECT user_id FROM sessions WHERE token_hash = ?"),
                        {tokenHash});
    if (!select.ok() || !select.next())
        return std::nullopt;
    return select.value(0).toLongLong();
}

bool SessionRepository::remove(const QString &tokenHash)
{
    SqlStatement remove(m_db, QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"), {tokenHash});
    return remove.ok();
}

} // namespace Natter::Server
