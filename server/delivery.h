// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

namespace Natter::Server {

class ClientConnection;
struct ServerContext;

/// Where events go, serialized once per call. Nothing about a room reaches anyone but its members.
namespace Delivery {

/// Every connection of the room's members, except those of `exceptUserId` (0: nobody excepted).
void toRoom(const ServerContext &context, qint64 roomId, const QJsonObject &event, qint64 exceptUserId = 0);
/// Every connection of the user except `except` (the one that made the change and gets a reply instead).
void toUser(const ServerContext &context, qint64 userId, const QJsonObject &event,
            const ClientConnection *except = nullptr);
/// The same here and, with several instances on one database, on the others too (ClusterBus): for what
/// is not a stored change of a room's messages, which RoomFeed delivers everywhere by itself. The event must
/// be small (a NOTIFY carries 8000 bytes).
void toRoomEverywhere(const ServerContext &context, qint64 roomId, const QJsonObject &event,
                      qint64 exceptUserId = 0);
void toUserEverywhere(const ServerContext &context, qint64 userId, const QJsonObject &event,
                      const ClientConnection *except = nullptr);
/// room_joined for the user's connections: here with `room` (but `except`), elsewhere as each instance sees
/// it.
void roomJoinedEverywhere(const ServerContext &context, qint64 userId, const QJsonObject &event,
                          qint64 roomId, const ClientConnection *except = nullptr);

} // namespace Delivery
} // namespace Natter::Server
