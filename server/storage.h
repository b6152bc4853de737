// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "messagerepository.h"
#include "roomrepository.h"
#include "sessionrepository.h"
#include "userrepository.h"

namespace Natter::Server {

/// The repositories of one thread's database connection.
struct Storage {
    explicit Storage(const QSqlDatabase &db)
        : users(db)
        , sessions(db)
        , rooms(db)
        , messages(db)
    {}
    UserRepository users;
    SessionRepository sessions;
    RoomRepository rooms;
    MessageRepository messages;
};

} // namespace Natter::Server
