// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sqlconnection.h"

#include "user.h"

#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <functional>
#include <optional>

namespace Natter::Server {

/// Rooms and who is in them.
class RoomRepository {
public:
    explicit RoomRepository(SqlConnection db);

    struct RoomRow {
        qint64 id = 0;
        QString name;
        QString code;     // "" for a direct conversation
        qint64 owner = 0; // who created it; 0 for none (a direct conversation, or the creator is gone)
        bool direct = false;
    };
    enum class CreateStatus { Created, CodeTaken, Failed };

    /// Creates a room with its creator as the first member. The caller owns the transaction (the writer's
    /// savepoint), so that the two inserts stand or fall together.
    CreateStatus create(const QString &name, const QString &code, qint64 creatorId, RoomRow *room);
    /// Calls `attempt` with fresh random access codes until one is free (Created), storage fails (Failed),
    /// or SecureRandom::accessCodeAttempts codes in a row were taken (CodeTaken, logged).
    static CreateStatus withFreshCode(const std::function<CreateStatus(const QString &code)> &attempt);
    /// The room with this access code; never a direct conversation.
    std::optional<RoomRow> findByCode(const QString &normalizedCode) const;
    std::optional<RoomRow> find(qint64 roomId) const;
    bool rename(qint64 roomId, const QString &name);
    /// CodeTaken when another room has the code.
    CreateStatus setCode(qint64 roomId, const QString &code);

    /// The direct conversation of two users, if it exists.
    std::optional<RoomRow> findDirect(qint64 userA, qint64 userB) const;
    /// Creates the direct conversation of two users with both as members; the caller owns the transaction.
    bool createDirect(qint64 userA, qint64 userB, RoomRow *room);
    /// True when the two users are members of at least one common room.
    bool shareARoom(qint64 userA, qint64 userB) const;

    bool isMember(qint64 roomId, qint64 userId) const;
    /// True when the user was added, false when already a member or on failure.
    bool addMember(qint64 roomId, qint64 userId);
    /// True when the user was removed.
    bool removeMember(qint64 roomId, qint64 userId);
    /// Members in the order they joined.
    QList<User> members(qint64 roomId) const;
    QList<qint64> memberIds(qint64 roomId) const;
    /// The user's rooms in the order they were joined.
    QList<RoomRow> roomsOf(qint64 userId) const;
    struct RoomWithMembers {
        RoomRow room;
        QList<User> members; // in the order they joined
    };
    /// The user's rooms with their members, in one query; nullopt when reading failed.
    std::optional<QList<RoomWithMembers>> roomsWithMembersOf(qint64 userId) const;
    /// How many rooms the user is a member of, and how many members a room has; -1 when reading failed.
    qint64 roomCountOf(qint64 userId) const;
    qint64 memberCount(qint64 roomId) const;
    /// Everyone who shares at least one room with the user, the user excluded.
    QList<qint64> coMemberIds(qint64 userId) const;

    /// The rooms whose members this repository changed since the last call (changes later rolled back
    /// included: the list may say too much, never too little).
    QSet<qint64> takeChangedRooms() { return std::exchange(m_changedRooms, {}); }
    const QSet<qint64> &changedRooms() const { return m_changedRooms; }

private:
    SqlConnection m_db;
    QSet<qint64> m_changedRooms;
};

} // namespace Natter::Server
