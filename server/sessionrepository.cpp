// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionrepository.h"

#include "sqlstatement.h"

#include <QDateTime>

namespace Natter::Server {

SessionRepository::SessionRepository(SqlConnection db)
    : m_db(std::move(db))
{}

bool SessionRepository::create(const QString &tokenHash, qint64 userId)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    SqlStatement insert(
        m_db,
        QStringLiteral(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_used_at) VALUES (?, ?, ?, ?)"),
        {tokenHash, userId, now, now});
    return insert.ok();
}

std::optional<qint64> SessionRepository::userFor(const QString &tokenHash, qint64 usedSinceMs) const
{
    SqlStatement select(
        m_db, QStringLiteral("SELECT user_id FROM sessions WHERE token_hash = ? AND last_used_at >= ?"),
        {tokenHash, usedSinceMs});
    if (!select.ok() || !select.next())
        return std::nullopt;
    return select.value(0).toLongLong();
}

bool SessionRepository::touch(const QString &tokenHash, qint64 nowMs)
{
    SqlStatement update(m_db, QStringLiteral("UPDATE sessions SET last_used_at = ? WHERE token_hash = ?"),
                        {nowMs, tokenHash});
    return update.ok();
}

bool SessionRepository::removeAllOf(qint64 userId, const QString &keepTokenHash)
{
    SqlStatement remove(
        m_db, QStringLiteral("DELETE FROM sessions WHERE user_id = ? AND token_hash <> COALESCE(?, '')"),
        {userId, keepTokenHash});
    return remove.ok();
}

int SessionRepository::removeIdle(qint64 usedBeforeMs)
{
    SqlStatement remove(m_db, QStringLiteral("DELETE FROM sessions WHERE last_used_at < ?"), {usedBeforeMs});
    return remove.ok() ? remove.rowsAffected() : -1;
}

bool SessionRepository::remove(const QString &tokenHash)
{
    SqlStatement remove(m_db, QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"), {tokenHash});
    return remove.ok();
}

} // namespace Natter::Server
