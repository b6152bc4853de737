// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocolerror.h"

namespace Natter::Server {

struct Storage;
struct RateLimiters;
struct ServerConfig;
class AbuseLog;
class HashingPool;
class StorageReader;
class StorageWriter;
class PresenceTracker;
class TypingTracker;
class MembershipCache;
class RoomFeed;
class ClusterBus;

/// What request handlers share, passed in by the server that owns it all (no singletons).
struct ServerContext {
    const ServerConfig &config;
    Storage &storage;
    HashingPool &hashing;
    StorageWriter &writer; // every write goes through it; `storage` is for reads on the event loop
    StorageReader &reader; // reads too slow for the event loop (search) run on its thread
    PresenceTracker &presence;
    TypingTracker &typing; // who is typing where, in memory only
    RateLimiters &limits;
    AbuseLog &abuse;
    MembershipCache &members;      // who is in each room, for sends and events; coherent with the writer
    RoomFeed *feed = nullptr;      // delivers message changes in order (set by ChatServer once this exists)
    ClusterBus *cluster = nullptr; // the other instances on a shared PostgreSQL database; null when alone
};

/// Common error replies, so every handler words them the same.
namespace Errors {
ProtocolError unauthenticated();
ProtocolError notAMember();
ProtocolError internal();
ProtocolError rateLimited(qint64 retryAfterMs);
ProtocolError quotaExceeded(const QString &what);
/// quota_exceeded: the user is in as many rooms as the server allows.
ProtocolError roomQuota();
ProtocolError noSuchMessage();
ProtocolError forbidden(const QString &why);
/// forbidden: the id is a line about the room ("bob joined"), which is not changed, reacted to or answered.
ProtocolError roomEventLine();
} // namespace Errors

} // namespace Natter::Server
