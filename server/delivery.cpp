// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery.h"
#include "wireframe.h"

#include "clientconnection.h"
#include "clusterbus.h"
#include "membershipcache.h"
#include "presencetracker.h"
#include "servercontext.h"

namespace Natter::Server::Delivery {

void toRoom(const ServerContext &context, qint64 roomId, const QJsonObject &event, qint64 exceptUserId)
{
    QList<qint64> recipients = context.members.memberIds(roomId);
    if (exceptUserId != 0)
        recipients.removeAll(exceptUserId);
    context.presence.deliver(recipients, WireFrame::fromJson(event));
}

void toUser(const ServerContext &context, qint64 userId, const QJsonObject &event,
            const ClientConnection *except)
{
    const QList<ClientConnection *> connections = context.presence.connectionsOf(userId);
    if (connections.isEmpty() || (connections.size() == 1 && connections.first() == except))
        return;
    const WireFrame frame = WireFrame::fromJson(event);
    for (ClientConnection *connection : connections) {
        if (connection != except)
            connection->sendWire(frame);
    }
}

void toRoomEverywhere(const ServerContext &context, qint64 roomId, const QJsonObject &event,
                      qint64 exceptUserId)
{
    toRoom(context, roomId, event, exceptUserId);
    if (context.cluster)
        context.cluster->forwardToRoom(roomId, event, exceptUserId);
}

void toUserEverywhere(const ServerContext &context, qint64 userId, const QJsonObject &event,
                      const ClientConnection *except)
{
    toUser(context, userId, event, except);
    if (context.cluster)
        context.cluster->forwardToUser(userId, event);
}

void roomJoinedEverywhere(const ServerContext &context, qint64 userId, const QJsonObject &event,
                          qint64 roomId, const ClientConnection *except)
{
    toUser(context, userId, event, except);
    if (context.cluster)
        context.cluster->forwardRoomJoined(userId, roomId);
}

} // namespace Natter::Server::Delivery
