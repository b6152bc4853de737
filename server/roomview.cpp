// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomview.h"

#include "presencetracker.h"
#include "protocollimits.h"
#include "servercontext.h"
#include "storage.h"
#include "typingtracker.h"

namespace Natter::Server {

Room roomView(const ServerContext &context, const RoomRepository::RoomRow &row, const QList<User> &members,
              qint64 forUserId, qint64 readPosition)
{
    Room room{row.id, row.name, row.code, {}};
    room.owner = row.owner;
    room.direct = row.direct;
    room.members.reserve(members.size());
    for (const User &member : members)
        room.members.append(
            Member{member, context.presence.isOnline(member.id), context.typing.isTyping(row.id, member.id)});
    room.read = readPosition;
    room.unread = std::max(
        0, context.storage.messages.unreadCount(row.id, readPosition, forUserId, Limits::unreadCountCap));
    return room;
}

Room roomView(const ServerContext &context, const RoomRepository::RoomRow &row, qint64 forUserId)
{
    const auto positions = context.storage.readMarkers.positionsOf(forUserId);
    return roomView(context, row, context.storage.rooms.members(row.id), forUserId,
                    positions ? positions->value(row.id) : 0);
}

} // namespace Natter::Server
