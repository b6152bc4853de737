// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requests.h"
#include "room.h"
#include "roomrepository.h"
#include "servercontext.h"

namespace Natter::Server {

class ClientConnection;

/// create_room, join_room, leave_room, list_rooms.
class RoomHandler {
public:
    explicit RoomHandler(ServerContext &context);

    void create(ClientConnection *connection, const QJsonValue &id, const CreateRoomRequest &request);
    void join(ClientConnection *connection, const QJsonValue &id, const JoinRoomRequest &request);
    void leave(ClientConnection *connection, const QJsonValue &id, const LeaveRoomRequest &request);
    void list(ClientConnection *connection, const QJsonValue &id, const ListRoomsRequest &request);

private:
    static ProtocolError roomQuotaError();
    /// The room with its members and whether each is online now.
    Room withMembers(const RoomRepository::RoomRow &row) const;
    /// Sends a frame to the room's members other than `exceptUserId`.
    void announce(qint64 roomId, qint64 exceptUserId, const QJsonObject &frame);

    ServerContext &m_context;
};

} // namespace Natter::Server
