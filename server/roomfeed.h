// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatmessage.h"

#include <QHash>
#include <QSet>
#include <functional>

namespace Natter::Server {

struct ServerContext;

/// Delivers each room's message changes (new messages, edits, deletions, reactions, the lines about who
/// joined or left) to this instance's connections in rev order, without gaps or repeats, whichever instance
/// committed them. One instance alone needs nothing of it: local() then just delivers.
///
/// With several instances on one PostgreSQL database it keeps, per room, the last rev delivered here. A
/// room's revs are handed out under a lock held to the commit (MessageRepository::nextRev), so the committed
/// ones are always 1…N with nothing missing: a change of this instance whose rev follows is delivered as it
/// is; anything else (a change of another instance, or one of ours that overtook one of theirs) is read from
/// the database from the last rev delivered on, in order.
class RoomFeed {
public:
    explicit RoomFeed(ServerContext &context);

    /// Several instances: reads every room's current rev. Call after ClusterBus listens, so that no commit
    /// falls between the two. False with `error` when reading failed.
    bool share(QString *error);

    /// This instance committed `message` (new, or changed when `isNew` is false); `deliver` sends it as the
    /// handler means to, and runs now or, if other changes come first, is replaced by reading them all.
    void local(const ChatMessage &message, bool isNew, const std::function<void()> &deliver);
    /// Another instance changed these rooms' messages.
    void remote(const QSet<qint64> &rooms);
    /// Anything may have changed (the listening connection was lost): every known room is read again.
    void resume();

private:
    struct Cursor {
        qint64 rev = 0;      // the last change delivered here
        qint64 newestId = 0; // the newest message delivered: a message at or below it is a change
    };
    void catchUp(qint64 room);
    void deliverRead(const ChatMessage &message, bool isNew);

    ServerContext &m_context;
    bool m_shared = false;
    QHash<qint64, Cursor> m_cursors;
};

} // namespace Natter::Server
