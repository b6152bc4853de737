// SPDX-License-Identifier: GPL-3.0-or-later
#include "instancerepository.h"

#include "sqlstatement.h"

namespace Natter::Server {

namespace {
// Milliseconds by the database server's clock.
const QString kNow = QStringLiteral("(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT");

QSet<qint64> ids(SqlStatement &select)
{
    QSet<qint64> result;
    while (select.next())
        result.insert(select.value(0).toLongLong());
    return result;
}
} // namespace

InstanceRepository::InstanceRepository(SqlConnection db)
    : m_db(std::move(db))
{}

bool InstanceRepository::add(const QString &instanceId)
{
    return SqlStatement(
               m_db,
               QStringLiteral("INSERT INTO instances (id, started_at, heartbeat_at) VALUES (?, %1, %1) "
                              "ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at")
                   .arg(kNow),
               {instanceId})
        .ok();
}

std::optional<bool> InstanceRepository::beat(const QString &instanceId)
{
    SqlStatement update(m_db, QStringLiteral("UPDATE instances SET heartbeat_at = %1 WHERE id = ?").arg(kNow),
                        {instanceId});
    if (!update.ok())
        return std::nullopt;
    return update.rowsAffected() == 1;
}

std::optional<InstanceRepository::Dead> InstanceRepository::removeDead(int deadAfterMs)
{
    // One statement: the instances removed, then the users they held, read before the cascade takes them.
    SqlStatement remove(
        m_db,
        QStringLiteral(
            "WITH dead AS (DELETE FROM instances WHERE heartbeat_at < %1 - CAST(? AS BIGINT) RETURNING id), "
            "gone AS (DELETE FROM instance_presence p USING dead WHERE p.instance_id = dead.id "
            "RETURNING p.user_id) "
            "SELECT id, CAST(NULL AS BIGINT) FROM dead UNION ALL SELECT CAST(NULL AS TEXT), user_id FROM "
            "gone")
            .arg(kNow),
        {qint64(deadAfterMs)});
    Dead dead;
    while (remove.next()) {
        if (remove.value(0).isNull())
            dead.users.insert(remove.value(1).toLongLong());
        else
            dead.instances.append(remove.value(0).toString());
    }
    if (!remove.ok())
        return std::nullopt;
    return dead;
}

QSet<qint64> InstanceRepository::remove(const QString &instanceId)
{
    SqlStatement users(
        m_db, QStringLiteral("DELETE FROM instance_presence WHERE instance_id = ? RETURNING user_id"),
        {instanceId});
    QSet<qint64> result = ids(users);
    SqlStatement(m_db, QStringLiteral("DELETE FROM instances WHERE id = ?"), {instanceId});
    return result;
}

bool InstanceRepository::setOnline(const QString &instanceId, qint64 userId, bool online)
{
    if (online) {
        return SqlStatement(
                   m_db,
                   QStringLiteral("INSERT INTO instance_presence (instance_id, user_id) VALUES (?, ?) "
                                  "ON CONFLICT DO NOTHING"),
                   {instanceId, userId})
            .ok();
    }
    return SqlStatement(m_db,
                        QStringLiteral("DELETE FROM instance_presence WHERE instance_id = ? AND user_id = ?"),
                        {instanceId, userId})
        .ok();
}

std::optional<QSet<qint64>> InstanceRepository::onlineElsewhere(const QString &instanceId,
                                                                const QSet<qint64> &among)
{
    QSet<qint64> result;
    if (among.isEmpty()) {
        SqlStatement select(
            m_db, QStringLiteral("SELECT DISTINCT user_id FROM instance_presence WHERE instance_id <> ?"),
            {instanceId});
        result = ids(select);
        return select.ok() ? std::optional(result) : std::nullopt;
    }
    for (const qint64 userId : among) {
        SqlStatement select(
            m_db,
            QStringLiteral("SELECT 1 FROM instance_presence WHERE user_id = ? AND instance_id <> ? "
                           "LIMIT 1"),
            {userId, instanceId});
        if (select.next())
            result.insert(userId);
        if (!select.ok())
            return std::nullopt;
    }
    return result;
}

bool InstanceRepository::notify(const QString &channel, const QString &payload)
{
    return SqlStatement(m_db, QStringLiteral("SELECT pg_notify(?, ?)"), {channel, payload}).ok();
}

} // namespace Natter::Server
