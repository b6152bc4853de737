// SPDX-License-Identifier: GPL-3.0-or-later
#include "readmarkerrepository.h"

#include "sqlstatement.h"

namespace Natter::Server {

ReadMarkerRepository::ReadMarkerRepository(SqlConnection db)
    : m_db(std::move(db))
{}

qint64 ReadMarkerRepository::advance(qint64 userId, qint64 roomId, qint64 messageId)
{
    SqlStatement upsert(
        m_db,
        QStringLiteral("INSERT INTO read_markers (user_id, room_id, message_id) VALUES (?, ?, ?) "
                       "ON CONFLICT (user_id, room_id) "
                       "DO UPDATE SET message_id = excluded.message_id "
                       "WHERE excluded.message_id > read_markers.message_id"),
        {userId, roomId, messageId});
    if (!upsert.ok())
        return -1;
    SqlStatement select(
        m_db, QStringLiteral("SELECT message_id FROM read_markers WHERE user_id = ? AND room_id = ?"),
        {userId, roomId});
    return select.next() ? select.value(0).toLongLong() : -1;
}

std::optional<QHash<qint64, qint64>> ReadMarkerRepository::positionsOf(qint64 userId) const
{
    SqlStatement select(
        m_db, QStringLiteral("SELECT room_id, message_id FROM read_markers WHERE user_id = ?"), {userId});
    QHash<qint64, qint64> positions;
    while (select.next())
        positions.insert(select.value(0).toLongLong(), select.value(1).toLongLong());
    if (!select.ok())
        return std::nullopt;
    return positions;
}

} // namespace Natter::Server
