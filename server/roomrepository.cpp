// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomrepository.h"

#include "sqlstatement.h"

#include <QDateTime>

namespace Natter::Server {

namespace {
QList<qint64> ids(SqlStatement &statement)
{
    QList<qint64> result;
    while (statement.ok() && statement.next())
        result.append(statement.value(0).toLongLong());
    return result;
}
} // namespace

RoomRepository::RoomRepository(QSqlDatabase db)
    : m_db(std::move(db))
{}

RoomRepository::CreateStatus RoomRepository::create(const QString &name, const QString &code,
                                                    qint64 creatorId, RoomRow *room)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    SqlStatement insert(
        m_db, QStringLiteral("INSERT INTO rooms (name, code, created_by, created_at) VALUES (?, ?, ?, ?)"),
        {name, code, creatorId, now});
    if (!insert.ok())
        return insert.violatedUniqueness() ? CreateStatus::CodeTaken : CreateStatus::Failed;
    const qint64 roomId = insert.query().lastInsertId().toLongLong();
    SqlStatement member(
        m_db, QStringLiteral("INSERT INTO memberships (room_id, user_id, joined_at) VALUES (?, ?, ?)"),
        {roomId, creatorId, now});
    if (!member.ok())
        return CreateStatus::Failed;
    *room = RoomRow{roomId, name, code};
    return CreateStatus::Created;
}

std::optional<RoomRepository::RoomRow> RoomRepository::findByCode(const QString &normalizedCode) const
{
    SqlStatement select(m_db, QStringLiteral("SELECT id, name, code FROM rooms WHERE code = ?"),
                        {normalizedCode});
    if (!select.ok() || !select.next())
        return std::nullopt;
    return RoomRow{select.value(0).toLongLong(), select.value(1).toString(), select.value(2).toString()};
}

bool RoomRepository::isMember(qint64 roomId, qint64 userId) const
{
    SqlStatement select(m_db, QStringLiteral("SELECT 1 FROM memberships WHERE room_id = ? AND user_id = ?"),
                        {roomId, userId});
    return select.ok() && select.next();
}

bool RoomRepository::addMember(qint64 roomId, qint64 userId)
{
    SqlStatement insert(
        m_db,
        QStringLiteral("INSERT INTO memberships (room_id, user_id, joined_at) VALUES (?, ?, ?) "
                       "ON CONFLICT (room_id, user_id) DO NOTHING"),
        {roomId, userId, QDateTime::currentMSecsSinceEpoch()});
    return insert.ok() && insert.rowsAffected() == 1;
}

bool RoomRepository::removeMember(qint64 roomId, qint64 userId)
{
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
    SqlStatement select(
        m_db,
        QStringLiteral("SELECT r.id, r.name, r.code FROM memberships m JOIN rooms r ON r.id = m.room_id "
                       "WHERE m.user_id = ? ORDER BY m.joined_at, r.id"),
        {userId});
    QList<RoomRow> result;
    while (select.ok() && select.next())
        result.append(
            RoomRow{select.value(0).toLongLong(), select.value(1).toString(), select.value(2).toString()});
    return result;
}

std::optional<QList<RoomRepository::RoomWithMembers>> RoomRepository::roomsWithMembersOf(qint64 userId) const
{
    SqlStatement select(
        m_db,
        QStringLiteral("SELECT r.id, r.name, r.code, u.id, u.username FROM memberships mine "
                       "JOIN rooms r ON r.id = mine.room_id "
                       "JOIN memberships m ON m.room_id = mine.room_id "
                       "JOIN users u ON u.id = m.user_id "
                       "WHERE mine.user_id = ? ORDER BY mine.joined_at, r.id, m.joined_at, u.id"),
        {userId});
    QList<RoomWithMembers> result;
    while (select.next()) {
        const qint64 roomId = select.value(0).toLongLong();
        if (result.isEmpty() || result.constLast().room.id != roomId)
            result.append({RoomRow{roomId, select.value(1).toString(), select.value(2).toString()}, {}});
        result.last().members.append(User{select.value(3).toLongLong(), select.value(4).toString()});
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
