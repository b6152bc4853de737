// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "instancerepository.h"
#include "messagerepository.h"
#include "readmarkerrepository.h"
#include "roomrepository.h"
#include "sessionrepository.h"
#include "userrepository.h"

namespace Natter::Server {

/// The repositories of one thread's database connection.
struct Storage {
    explicit Storage(const QSqlDatabase &db)
        : sql(db)
        , users(sql)
        , sessions(sql)
        , rooms(sql)
        , messages(sql)
        , readMarkers(sql)
        , instances(sql)
    {}
    Storage(const Storage &) = delete;
    Storage &operator=(const Storage &) = delete;
    SqlConnection sql; // first: the repositories share its prepared statements
    UserRepository users;
    SessionRepository sessions;
    RoomRepository rooms;
    MessageRepository messages;
    ReadMarkerRepository readMarkers;
    InstanceRepository instances; // PostgreSQL shared by several instances only
};

} // namespace Natter::Server
