// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ratelimiter.h"

namespace Natter::Server {

struct ServerConfig;

/// Every rate limit of natterd, each with its key: an address key (ClientAddress::limitKey), a user id, an
/// account name, or one bucket for everyone.
struct RateLimiters {
    explicit RateLimiters(const ServerConfig &config);

    RateLimiter login;        // per address: every login attempt
    RateLimiter loginAccount; // per account name: failed logins
    RateLimiter registration; // per address
    RateLimiter join;         // per address: every join_room attempt
    RateLimiter joinFailure;  // per user: failed join_room attempts
    RateLimiter joinGlobal;   // everyone: failed join_room attempts
    RateLimiter send;         // per user
    RateLimiter history;      // per user
    RateLimiter createRoom;   // per user: create_room, open_direct (new ones), rename_room, new_code
    RateLimiter typing;       // per user
    RateLimiter read;         // per user: mark_read
    RateLimiter search;       // per user: searches queue for one reader thread, so it has a limit of its own
};

} // namespace Natter::Server
