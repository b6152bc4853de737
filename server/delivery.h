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

} // namespace Delivery
} // namespace Natter::Server
