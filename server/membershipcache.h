// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QSet>

namespace Natter::Server {

class RoomRepository;

/// Who is in each room, for the event loop's hot paths: every `send` checks membership and every event goes
/// to the room's members, which read from the database cost more than the rest of the send together. Read
/// once per room, then served from memory.
///
/// Coherent with what the writer commits: only the writer changes memberships, and after each commit it
/// names the rooms whose members changed (StorageWriter::membershipsChanged); those are forgotten before any
/// callback of that commit runs. So whatever is sent after a commit (the message of a send, a member_joined)
/// sees the members as of that commit, as reading the database did.
class MembershipCache {
public:
    explicit MembershipCache(const RoomRepository &rooms);

    bool isMember(qint64 room, qint64 user);
    /// The members' ids (in no particular order).
    QList<qint64> memberIds(qint64 room);
    void forget(const QSet<qint64> &rooms);
    void forgetAll() { m_members.clear(); }

private:
    struct Members {
        QList<qint64> ids;
        QSet<qint64> set;
    };
    const Members *members(qint64 room);

    const RoomRepository &m_rooms;
    QHash<qint64, Members> m_members;
};

} // namespace Natter::Server
