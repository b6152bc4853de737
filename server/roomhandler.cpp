// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomhandler.h"

#include "abuselog.h"
#include "clientconnection.h"
#include "frames.h"
#include "logging.h"
#include "presencetracker.h"
#include "ratelimiters.h"
#include "securerandom.h"
#include "serverconfig.h"
#include "storage.h"
#include "storagewriter.h"
#include "validation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QPointer>
#include <algorithm>
#include <memory>

namespace Natter::Server {

namespace {
constexpr int kCodeAttempts = 8; // 32^10 codes: a collision at all is rare, eight in a row means a broken RNG
}

RoomHandler::RoomHandler(ServerContext &context)
    : m_context(context)
{}

void RoomHandler::create(ClientConnection *connection, const QJsonValue &id, const CreateRoomRequest &request)
{
    const qint64 creatorId = connection->user().id;
    if (const qint64 wait = m_context.limits.createRoom.take(QString::number(creatorId))) {
        m_context.abuse.report(connection->limitKey(), QStringLiteral("create_room rate-limited"));
        return connection->replyError(id, Errors::rateLimited(wait));
    }
    auto row = std::make_shared<RoomRepository::RoomRow>();
    auto overQuota = std::make_shared<bool>(false);
    const QString name = request.name;
    const int maxRooms = m_context.config.maxRoomsPerUser;
    QPointer<ClientConnection> guard(connection);
    m_context.writer.run(
        [row, overQuota, name, creatorId, maxRooms](Storage &storage) {
            const qint64 rooms = storage.rooms.roomCountOf(creatorId);
            *overQuota = rooms >= maxRooms;
            if (rooms < 0 || *overQuota)
                return false;
            for (int attempt = 0; attempt < kCodeAttempts; ++attempt) {
                switch (storage.rooms.create(name, SecureRandom::accessCode(), creatorId, row.get())) {
                case RoomRepository::CreateStatus::Created:
                    return true;
                case RoomRepository::CreateStatus::CodeTaken:
                    continue;
                case RoomRepository::CreateStatus::Failed:
                    return false;
                }
            }
            qCWarning(lcServer) << "no free access code after" << kCodeAttempts << "attempts";
            return false;
        },
        [this, guard, id, row, overQuota, creatorId](bool committed) {
            if (!guard)
                return;
            if (!committed)
                return guard->replyError(id, *overQuota ? roomQuotaError() : Errors::internal());
            qCInfo(lcServer) << "user" << creatorId << "created room" << row->id;
            guard->reply(id, {{QLatin1String("room"), withMembers(*row).toJson()}});
        });
}

void RoomHandler::join(ClientConnection *connection, const QJsonValue &id, const JoinRoomRequest &request)
{
    const User user = connection->user();
    const QString userKey = QString::number(user.id);
    const QString everyone = QStringLiteral("*");
    // Guessing codes is bounded three ways: every attempt per address, and failures per user and for the
    // whole server (registering more accounts or using more addresses does not multiply the rate).
    // Counted before the lookup, so that guessing is as slow as the limits say.
    qint64 wait = m_context.limits.join.take(connection->limitKey());
    if (!wait)
        wait =
            std::max(m_context.limits.joinFailure.peek(userKey), m_context.limits.joinGlobal.peek(everyone));
    if (wait) {
        m_context.abuse.report(connection->limitKey(), QStringLiteral("join_room rate-limited"));
        return connection->replyError(id, Errors::rateLimited(wait));
    }
    const QString code = Validation::normalizedAccessCode(request.code);
    const auto row =
        Validation::isWellFormedAccessCode(code) ? m_context.storage.rooms.findByCode(code) : std::nullopt;
    if (!row) {
        m_context.limits.joinFailure.take(userKey);
        m_context.limits.joinGlobal.take(everyone);
        return connection->replyError(
            id,
            {ErrorCode::NoSuchRoom, QCoreApplication::translate("Server", "No room has that access code.")});
    }
    struct Outcome {
        bool added = false;
        bool userFull = false;
        bool roomFull = false;
    };
    auto outcome = std::make_shared<Outcome>();
    const qint64 roomId = row->id;
    const int maxRooms = m_context.config.maxRoomsPerUser;
    const int maxMembers = m_context.config.maxRoomMembers;
    QPointer<ClientConnection> guard(connection);
    m_context.writer.run(
        [outcome, roomId, user, maxRooms, maxMembers](Storage &storage) {
            if (storage.rooms.isMember(roomId, user.id))
                return true;
            const qint64 rooms = storage.rooms.roomCountOf(user.id);
            const qint64 members = storage.rooms.memberCount(roomId);
            outcome->userFull = rooms >= maxRooms;
            outcome->roomFull = members >= maxMembers;
            if (rooms < 0 || members < 0 || outcome->userFull || outcome->roomFull)
                return false;
            outcome->added = storage.rooms.addMember(roomId, user.id);
            return outcome->added;
        },
        [this, guard, id, outcome, row = *row, user](bool committed) {
            if (!committed) {
                if (!guard)
                    return;
                if (outcome->userFull)
                    return guard->replyError(id, roomQuotaError());
                if (outcome->roomFull) {
                    return guard->replyError(
                        id, Errors::quotaExceeded(QCoreApplication::translate(
                                "Server", "That room has as many members as this server allows.")));
                }
                return guard->replyError(id, Errors::internal());
            }
            if (outcome->added) // joining a room one is already in announces nothing
                announce(row.id, user.id, Frames::memberJoinedEvent(row.id, {user, true}));
            if (guard)
                guard->reply(id, {{QLatin1String("room"), withMembers(row).toJson()}});
        });
}

void RoomHandler::leave(ClientConnection *connection, const QJsonValue &id, const LeaveRoomRequest &request)
{
    const User user = connection->user();
    const qint64 roomId = request.room;
    auto wasMember = std::make_shared<bool>(false);
    QPointer<ClientConnection> guard(connection);
    m_context.writer.run(
        [wasMember, roomId, user](Storage &storage) {
            *wasMember = storage.rooms.isMember(roomId, user.id);
            return !*wasMember || storage.rooms.removeMember(roomId, user.id);
        },
        [this, guard, id, wasMember, roomId, user](bool committed) {
            if (!committed) {
                if (guard)
                    guard->replyError(id, Errors::internal());
                return;
            }
            if (!*wasMember) {
                if (guard)
                    guard->replyError(id, Errors::notAMember());
                return;
            }
            announce(roomId, user.id, Frames::memberLeftEvent(roomId, user));
            if (guard)
                guard->reply(id);
        });
}

void RoomHandler::list(ClientConnection *connection, const QJsonValue &id, const ListRoomsRequest &)
{
    const qint64 userId = connection->user().id;
    if (const qint64 wait = m_context.limits.history.take(QString::number(userId))) {
        m_context.abuse.report(connection->limitKey(), QStringLiteral("reads rate-limited"));
        return connection->replyError(id, Errors::rateLimited(wait));
    }
    // One query for all rooms and members: its cost is bounded by max_rooms_per_user * max_room_members.
    const auto rooms = m_context.storage.rooms.roomsWithMembersOf(userId);
    if (!rooms)
        return connection->replyError(id, Errors::internal());
    QJsonArray array;
    for (const auto &entry : *rooms) {
        Room room{entry.room.id, entry.room.name, entry.room.code, {}};
        room.members.reserve(entry.members.size());
        for (const User &member : entry.members)
            room.members.append(Member{member, m_context.presence.isOnline(member.id)});
        array.append(room.toJson());
    }
    connection->reply(id, {{QLatin1String("rooms"), array}});
}

ProtocolError RoomHandler::roomQuotaError()
{
    return Errors::quotaExceeded(QCoreApplication::translate(
        "Server", "You are in as many rooms as this server allows; leave one first."));
}

Room RoomHandler::withMembers(const RoomRepository::RoomRow &row) const
{
    Room room{row.id, row.name, row.code, {}};
    for (const User &member : m_context.storage.rooms.members(row.id))
        room.members.append(Member{member, m_context.presence.isOnline(member.id)});
    return room;
}

void RoomHandler::announce(qint64 roomId, qint64 exceptUserId, const QJsonObject &frame)
{
    QList<qint64> recipients = m_context.storage.rooms.memberIds(roomId);
    recipients.removeAll(exceptUserId);
    m_context.presence.deliver(recipients, Frames::serialize(frame));
}

} // namespace Natter::Server
