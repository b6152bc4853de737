// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sqlconnection.h"

#include <QHash>
#include <QSqlDatabase>

namespace Natter::Server {

/// How far each user has read each room: one message id per user and room, only ever moved forward.
class ReadMarkerRepository {
public:
    explicit ReadMarkerRepository(SqlConnection db);

    /// Moves the position to `messageId` unless it is already further. The position now stored; -1 on
    /// failure.
    qint64 advance(qint64 userId, qint64 roomId, qint64 messageId);
    /// The user's position in every room that has one; nullopt when reading failed.
    std::optional<QHash<qint64, qint64>> positionsOf(qint64 userId) const;

private:
    SqlConnection m_db;
};

} // namespace Natter::Server
