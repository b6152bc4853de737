// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "room.h"
#include "roomrepository.h"

namespace Natter::Server {

struct ServerContext;

/// A room as one user sees it: its members and whether each is online now, and that user's read position
/// and unread count. Reads on the event loop.
Room roomView(const ServerContext &context, const RoomRepository::RoomRow &row, const QList<User> &members,
              qint64 forUserId, qint64 readPosition);
/// The same, reading the members and the read position.
Room roomView(const ServerContext &context, const RoomRepository::RoomRow &row, qint64 forUserId);

} // namespace Natter::Server
