// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requests.h"
#include "responder.h"
#include "roomrepository.h"
#include "servercontext.h"

#include <QObject>

namespace Natter::Server {

class ClientConnection;

/// rename_room and new_code: what only a room's owner may do. A QObject so that writes finishing after it
/// is gone call nothing back.
class RoomSettingsHandler : public QObject {
    Q_OBJECT
public:
    explicit RoomSettingsHandler(ServerContext &context, QObject *parent = nullptr);

    void handle(ClientConnection *connection, const Responder &reply, const RenameRoomRequest &request);
    void handle(ClientConnection *connection, const Responder &reply, const NewCodeRequest &request);

private:
    /// Membership, ownership and the rate limit; false when answered already.
    bool admit(ClientConnection *connection, const Responder &reply, qint64 room);
    /// After the change: room_updated to every member, the room to the owner.
    void announce(const Responder &reply, const RoomRepository::RoomRow &row);

    ServerContext &m_context;
};

} // namespace Natter::Server
