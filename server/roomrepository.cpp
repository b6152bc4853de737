// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomrepository.h"

#include "logging.h"
#include "securerandom.h"
#include "sqlstatement.h"

#include <QDateTime>
#include <algorithm>

namespace Natter::Server {

namespace {
/// The columns of a RoomRow, for rooms aliased r: a direct conversation shows no code.
const QString kRoomColumns = QStringLiteral(
    "r.id, r.name, CASE WHEN r.kind = 1 THEN '' ELSE r.code END, COALESCE(r.created_by, 0), r.kind ");

RoomRepository::RoomRow roomRow(const SqlStatement &row, int first = 0)
{
    return RoomRepository::RoomRow{row.value(first).toLongLong(), row.value(first + 1).toString(),
                                   row.value(first + 2).toString(), row.value(first + 3).toLongLong(),
                                   row.value(first + 4).toInt() == 1};
}

QList<qint64> ids(SqlStatement &statement)
{
    QList<qint64> result;
    while (statement.ok() && statement.next())
        result.append(statement.value(0).toLongLong());
    return result;
}
} // namespace

RoomRepository::RoomRepository(SqlConnection db)
    : m_db(std::move(db))
{}

RoomRepository::CreateStatus RoomRepository::create(const QString &name, const QString &code,
                                                    qint64 creatorId, RoomRow *room)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    SqlStatement insert(
        m_db,
        QStringLiteral("INSERT INTO rooms (name, code, created_by, created_at) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (code) DO NOTHING RETURNING id"),
        {name, code, creatorId, now});
    // A taken code returns no row rather than failing (see UserRepository::create), so that withFreshCode()
    // can try another in the same transaction.
    const qint64 roomId = insert.returnedId();
    if (roomId == 0)
        return insert.ok() ? CreateStatus::CodeTaken : CreateStatus::Failed;
    m_changedRooms.insert(roomId);
    SqlStatement member(
        m_db, QStringLiteral("INSERT INTO memberships (room_id, user_id, joined_at) VALUES (?, ?, ?)"),
        {roomId, creatorId, now});
    if (!member.ok())
        return CreateStatus::Failed;
    *room = RoomRow{roomId, name, code, creatorId, false};
    return CreateStatus::Created;
}

RoomRepository::CreateStatus
RoomRepository::withFreshCode(const std::function<CreateStatus(const QString &code)> &attempt)
{
    for (int tries = 0; tries < SecureRandom::accessCodeAttempts; ++tries) {
        const CreateStatus status = attempt(SecureRandom::accessCode());
        if (status != CreateStatus::CodeTaken)
            return status;
    }
    qCWarning(lcServer) << "no free access code after" << SecureRandom::accessCodeAttempts << "attempts";
    return CreateStatus::CodeTaken;
}

std::optional<RoomRepository::RoomRow> RoomRepository::findByCode(const QString &normalizedCode) const
{
    SqlStatement select(m_db,
                        QStringLiteral("SELECT ") + kRoomColumns +
                            QStringLiteral("FROM rooms r WHERE r.code = ? AND r.kind = 0"),
                        {normalizedCode});
    if (!select.ok() || !select.next())
        return std::nullopt;
    return roomRow(select);
}

std::optional<RoomRepository::RoomRow> RoomRepository::find(qint64 roomId) const
{
    SqlStatement select(
        m_db, QStringLiteral("SELECT ") + kRoomColumns + QStringLiteral("FROM rooms r WHERE r.id = ?"),
        {roomId});
    if (!select.ok() || !select.next())
        return std::nullopt;
    return roomRow(select);
}

bool RoomRepository::rename(qint64 roomId, const QString &name)
{
    SqlStatement update(m_db, QStringLiteral("UPDATE rooms SET name = ? WHERE id = ?"), {name, roomId});
    return update.ok() && update.rowsAffected() == 1;
}

RoomRepository::CreateStatus RoomRepository::setCode(qint64 roomId, const QString &code)
{
    // Checked in the statement, not left to the constraint (see create()); a code another instance takes
    // at the same moment still fails on the constraint.
    SqlStatement update(
        m_db,
        QStringLiteral(
            "UPDATE rooms SET code = ? WHERE id = ? AND NOT EXISTS (SELECT 1 FROM rooms WHERE code = ?)"),
        {code, roomId, code});
    if (!update.ok())
        return CreateStatus::Failed;
    if (update.rowsAffected() == 1)
        return CreateStatus::Created;
    return find(roomId) ? CreateStatus::CodeTaken : CreateStatus::Failed;
}

std::optional<RoomRepository::RoomRow> RoomRepository::findDirect(qint64 userA, qint64 userB) const
{
    SqlStatement select(m_db,
                        QStringLiteral("SELECT ") + kRoomColumns +
                            QStringLiteral("FROM direct_rooms d JOIN rooms r ON r.id = d.room_id "
                                           "WHERE d.user_a = ? AND d.user_b = ?"),
                        {std::min(userA, userB), std::max(userA, userB)});
    if (!select.ok() || !select.next())
        return std::nullopt;
    return roomRow(select);
}

bool RoomRepository::createDirect(qint64 userA, qint64 userB, RoomRow *room)
{
    const qint64 low = std::min(userA, userB);
    const qint64 high = std::max(userA, userB);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // The code column is unique and not null; this one cannot be typed as a code (wrong shape) and
    // findByCode() never returns a direct conversation anyway.
    SqlStatement insert(m_db,
                        QStringLiteral("INSERT INTO rooms (name, code, created_by, created_at, kind) "
                                       "VALUES ('', ?, NULL, ?, 1) RETURNING id"),
                        {QStringLiteral("direct-%1-%2").arg(low).arg(high), now});
    if (!insert.ok())
        return false;
    const qint64 roomId = insert.returnedId();
    SqlStatement pair(m_db,
                      QStringLiteral("INSERT INTO direct_rooms (user_a, user_b, room_id) VALUES (?, ?, ?)"),
                      {low, high, roomId});
    if (!pair.ok() || !addMember(roomId, userA) || !addMember(roomId, userB))
        return false;
    *room = RoomRow{roomId, QString(), QString(), 0, true};
    return true;
}

bool RoomRepository::shareARoom(qint64 userA, qint64 userB) const
{
    SqlStatement select(
        m_db,
        QStringLiteral("SELECT 1 FROM memberships a JOIN memberships b ON b.room_id = a.room_id "
                       "WHERE a.user_id = ? AND b.user_id = ? LIMIT 1"),
        {userA, userB});
    return select.ok() && select.next();
}

bool RoomRepository::isMember(qint64 roomId, qint64 userId) const
{
    SqlStatement select(m_db, QStringLiteral("SELECT 1 FROM memberships WHERE room_id = ? AND user_id = ?"),
                        {roomId, userId});
    return select.ok() && select.next();
}

bool RoomRepository::addMember(qint64 roomId, qint64 userId)
{
    m_changedRooms.insert(roomId);
    SqlStatement insert(
        m_db,
        QStringLiteral("INSERT INTO memberships (room_id, user_id, joined_at) VALUES (?, ?, ?) "
                       "ON CONFLICT (room_id, user_id) DO NOTHING"),
        {roomId, userId, QDateTime::currentMSecsSinceEpoch()});
    return insert.ok() && insert.rowsAffected() == 1;
}

bool RoomRepository::removeMember(qint64 roomId, qint64 userId)
{
    m_changedRooms.insert(roomId);
    SqlStatement remove(m_db, QStringLiteral("DELETE FROM memberships WHERE room_id = ? AND user_id = ?"),
                        {roomId, userId});
    return remove.ok() && remove.rowsAffected() == 1;
}

QList<User> RoomRepository::members(qint64 roomId) const
{
    SqlStatement select(
        m_db,
        QStringLiteral("SELECT u.id, u.username FROM memberships m JOIN users u ON u.id = m.user_id "
                       "WHERE m.room_id = ? ORDER BY m.joined_at, u.id"),
        {roomId});
    QList<User> result;
    while (select.ok() && select.next())
        result.append(User{select.value(0).toLongLong(), select.value(1).toString()});
    return result;
}

QList<qint64> RoomRepository::memberIds(qint64 roomId) const
{
    SqlStatement select(m_db, QStringLiteral("SELECT user_id FROM memberships WHERE room_id = ?"), {roomId});
    return ids(select);
}

QList<RoomRepository::RoomRow> RoomRepository::roomsOf(qint64 userId) const
{
    SqlStatement select(m_db,
                        QStringLiteral("SELECT ") + kRoomColumns +
                            QStringLiteral("FROM memberships m JOIN rooms r ON r.id = m.room_id "
                                           "WHERE m.user_id = ? ORDER BY m.joined_at, r.id"),
                        {userId});
    QList<RoomRow> result;
    while (select.ok() && select.next())
        result.append(roomRow(select));
    return result;
}

std::optional<QList<RoomRepository::RoomWithMembers>> RoomRepository::roomsWithMembersOf(qint64 userId) const
{
    SqlStatement select(
        m_db,
        QStringLiteral("SELECT u.id, u.username, ") + kRoomColumns +
            QStringLiteral("FROM memberships mine "
                           "JOIN rooms r ON r.id = mine.room_id "
                           "JOIN memberships m ON m.room_id = mine.room_id "
                           "JOIN users u ON u.id = m.user_id "
                           "WHERE mine.user_id = ? ORDER BY mine.joined_at, r.id, m.joined_at, u.id"),
        {userId});
    QList<RoomWithMembers> result;
    while (select.next()) {
        const qint64 roomId = select.value(2).toLongLong();
        if (result.isEmpty() || result.constLast().room.id != roomId)
            result.append({roomRow(select, 2), {}});
        result.last().members.append(User{select.value(0).toLongLong(), select.value(1).toString()});
    }
    if (!select.ok())
        return std::nullopt;
    return result;
}

qint64 RoomRepository::roomCountOf(qint64 userId) const
{
    SqlStatement select(m_db, QStringLiteral("SELECT COUNT(*) FROM memberships WHERE user_id = ?"), {userId});
    return select.next() ? select.value(0).toLongLong() : -1;
}

qint64 RoomRepository::memberCount(qint64 roomId) const
{
    SqlStatement select(m_db, QStringLiteral("SELECT COUNT(*) FROM memberships WHERE room_id = ?"), {roomId});
    return select.next() ? select.value(0).toLongLong() : -1;
}

QList<qint64> RoomRepository::coMemberIds(qint64 userId) const
{
    SqlStatement select(m_db,
                        QStringLiteral("SELECT DISTINCT other.user_id FROM memberships mine "
                                       "JOIN memberships other ON other.room_id = mine.room_id "
                                       "WHERE mine.user_id = ? AND other.user_id <> ?"),
                        {userId, userId});
    return ids(select);
}

} // namespace Natter::Server
