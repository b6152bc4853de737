// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatmessage.h"
#include "clientconnection.h" // complete, for QPointer<const ClientConnection>
#include "messagerepository.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <functional>

namespace Natter::Server {

struct ServerContext;

/// Delivers each room's message changes (new messages, edits, deletions, reactions, the lines about who
/// joined or left) to this instance's connections, whichever instance committed them: new messages in id
/// order, each once. One instance alone needs nothing of it: local() then just delivers.
///
/// With several instances on one PostgreSQL database it keeps, per room, the last rev delivered here. A
/// room's revs are handed out under a lock held to the commit (MessageRepository::nextRev), so no instance
/// sees rev N+1 committed before rev N. A change of this instance whose rev follows the last one delivered
/// is delivered as it is; anything else (another instance's change, one of ours that overtook one of theirs,
/// or a rev taken by a send that repeated a client_id and stored nothing) is read from the database from the
/// last rev delivered on.
class RoomFeed {
public:
    explicit RoomFeed(ServerContext &context);

    /// Several instances: reads every room's current rev. Call after ClusterBus listens, so that no commit
    /// falls between the two. False with `error` when reading failed.
    bool share(QString *error);

    /// This instance committed `message` (new, or changed when `isNew` is false); `deliver` sends it as the
    /// handler means to, and runs now or, if other changes come first, is replaced by reading them all.
    void local(const ChatMessage &message, bool isNew, const std::function<void()> &deliver);
    /// From before `userId` joins or leaves the room until the request is answered: `requester`, which gets
    /// the reply, gets no room_joined or room_left when the line is read back from the database (behind
    /// another instance's change, or read by a catch-up before the writer's answer).
    void awaitAnswer(qint64 room, qint64 userId, const ClientConnection *requester);
    void answered(qint64 room, qint64 userId, const ClientConnection *requester);
    /// Another instance changed these rooms' messages.
    void remote(const QSet<qint64> &rooms);
    /// Anything may have changed (the listening connection was lost): every room that moved is read again.
    void resume();
    /// Reads again what could not be read (ClusterBus's periodic check calls it).
    void retry();

private:
    // Per room, the last change delivered here and the newest message delivered (a message at or below it
    // is a change).
    using Cursor = MessageRepository::RoomPosition;
    void catchUp(qint64 room);
    void deliverRead(const ChatMessage &message, bool isNew);

    ServerContext &m_context;
    bool m_shared = false;
    bool m_retryAll = false;
    QHash<qint64, Cursor> m_cursors;
    QSet<qint64> m_failed; // rooms whose changes could not be read
    // By (room, user), the latest request last: a connection may pipeline a join and a leave, and two
    // devices may ask at once. Guarded: a closed connection's address may be taken by a new one.
    QMultiHash<QPair<qint64, qint64>, QPointer<const ClientConnection>> m_requesters;
};

} // namespace Natter::Server
