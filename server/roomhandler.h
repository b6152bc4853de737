// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requests.h"
#include "responder.h"
#include "room.h"
#include "roomrepository.h"
#include "servercontext.h"

#include <QObject>

namespace Natter::Server {

class ClientConnection;

/// create_room, join_room, leave_room, list_rooms. A QObject so that writes finishing after it is gone
/// call nothing back.
class RoomHandler : public QObject {
    Q_OBJECT
public:
    explicit RoomHandler(ServerContext &context, QObject *parent = nullptr);

    void handle(ClientConnection *connection, const Responder &reply, const CreateRoomRequest &request);
    void handle(ClientConnection *connection, const Responder &reply, const JoinRoomRequest &request);
    void handle(ClientConnection *connection, const Responder &reply, const LeaveRoomRequest &request);
    void handle(ClientConnection *connection, const Responder &reply, const ListRoomsRequest &request);

private:
    ServerContext &m_context;
};

} // namespace Natter::Server
