// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomhandler.h"

#include "clientconnection.h"
#include "frames.h"
#include "logging.h"
#include "presencetracker.h"
#include "ratelimiter.h"
#include "securerandom.h"
#include "storage.h"
#include "storagewriter.h"
#include "validation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QPointer>
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
    auto row = std::make_shared<RoomRepository::RoomRow>();
    const QString name = request.name;
    const qint64 creatorId = connection->user().id;
    QPointer<ClientConnection> guard(connection);
    m_context.writer.run(
        [row, name, creatorId](Storage &storage) {
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
        [this, guard, id, row, creatorId](bool committed) {
            if (!guard)
                return;
            if (!committed)
                return guard->replyError(id, Errors::internal());
            qCInfo(lcServer) << "user" << creatorId << "created room" << row->id;
            guard->reply(id, {{QLatin1String("room"), withMembers(*row).toJson()}});
        });
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
    auto added = std::make_shared<bool>(false);
    const qint64 roomId = row->id;
    QPointer<ClientConnection> guard(connection);
    m_context.writer.run(
        [added, roomId, user](Storage &storage) {
            *added = storage.rooms.addMember(roomId, user.id);
            return *added || storage.rooms.isMember(roomId, user.id);
        },
        [this, guard, id, added, row = *row, user](bool committed) {
            if (!committed) {
                if (guard)
                    guard->replyError(id, Errors::internal());
                return;
            }
            if (*added) // joining a room one is already in announces nothing
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
