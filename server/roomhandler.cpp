// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomhandler.h"

#include "clientconnection.h"
#include "frames.h"
#include "logging.h"
#include "presencetracker.h"
#include "ratelimiter.h"
#include "securerandom.h"
#include "storage.h"
#include "validation.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Natter::Server {

namespace {
constexpr int kCodeAttempts = 8; // 32^10 codes: a collision at all is rare, eight in a row means a broken RNG
}

RoomHandler::RoomHandler(ServerContext &context)
    : m_context(context)
{}

void RoomHandler::create(ClientConnection *connection, const QJsonValue &id, const CreateRoomRequest &request)
{
    RoomRepository::RoomRow row;
    for (int attempt = 0; attempt < kCodeAttempts; ++attempt) {
        switch (m_context.storage.rooms.create(request.name, SecureRandom::accessCode(),
                                               connection->user().id, &row)) {
        case RoomRepository::CreateStatus::Created:
            qCInfo(lcServer) << "user" << connection->user().id << "created room" << row.id;
            return connection->reply(id, {{QLatin1String("room"), withMembers(row).toJson()}});
        case RoomRepository::CreateStatus::CodeTaken:
            continue;
        case RoomRepository::CreateStatus::Failed:
            return connection->replyError(id, Errors::internal());
        }
    }
    qCWarning(lcServer) << "no free access code after" << kCodeAttempts << "attempts";
    connection->replyError(id, Errors::internal());
}

void RoomHandler::join(ClientConnection *connection, const QJsonValue &id, const JoinRoomRequest &request)
{
    const User user = connection->user();
    // Counted before the lookup, so that guessing codes is as slow as the limit says.
    if (const qint64 wait = m_context.joinLimiter.take(QString::number(user.id)))
        return connection->replyError(id, Errors::rateLimited(wait));
    const QString code = Validation::normalizedAccessCode(request.code);
    const auto row =
        Validation::isWellFormedAccessCode(code) ? m_context.storage.rooms.findByCode(code) : std::nullopt;
    if (!row) {
        return connection->replyError(
            id,
            {ErrorCode::NoSuchRoom, QCoreApplication::translate("Server", "No room has that access code.")});
    }
    if (m_context.storage.rooms.addMember(row->id, user.id)) {
        announce(row->id, user.id, Frames::memberJoinedEvent(row->id, {user, true}));
    } else if (!m_context.storage.rooms.isMember(row->id, user.id)) {
        return connection->replyError(id, Errors::internal());
    }
    connection->reply(id, {{QLatin1String("room"), withMembers(*row).toJson()}});
}

void RoomHandler::leave(ClientConnection *connection, const QJsonValue &id, const LeaveRoomRequest &request)
{
    const User user = connection->user();
    if (!m_context.storage.rooms.removeMember(request.room, user.id))
        return connection->replyError(id, Errors::notAMember());
    announce(request.room, user.id, Frames::memberLeftEvent(request.room, user));
    connection->reply(id);
}

void RoomHandler::list(ClientConnection *connection, const QJsonValue &id, const ListRoomsRequest &)
{
    QJsonArray rooms;
    for (const auto &row : m_context.storage.rooms.roomsOf(connection->user().id))
        rooms.append(withMembers(row).toJson());
    connection->reply(id, {{QLatin1String("rooms"), rooms}});
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
