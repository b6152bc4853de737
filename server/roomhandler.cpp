// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomhandler.h"

#include "abuselog.h"
#include "clientconnection.h"
#include "delivery.h"
#include "events.h"
#include "frames.h"
#include "logging.h"
#include "presencetracker.h"
#include "ratelimiters.h"
#include "roomfeed.h"
#include "roomview.h"
#include "serverconfig.h"
#include "storage.h"
#include "storagewriter.h"
#include "typingtracker.h"
#include "validation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QScopeGuard>
#include <algorithm>

namespace Natter::Server {

RoomHandler::RoomHandler(ServerContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

void RoomHandler::handle(ClientConnection *connection, const Responder &reply,
                         const CreateRoomRequest &request)
{
    const qint64 creatorId = connection->user().id;
    if (const qint64 wait = m_context.limits.createRoom.take(QString::number(creatorId))) {
        m_context.abuse.report(connection->limitKey(), QStringLiteral("create_room rate-limited"));
        return reply.error(Errors::rateLimited(wait));
    }
    const QString name = request.name;
    const int maxRooms = m_context.config.maxRoomsPerUser;
    using RoomRow = RoomRepository::RoomRow;
    m_context.writer.write<RoomRow>(
        this,
        [name, creatorId, maxRooms](Storage &storage) -> Written<RoomRow> {
            const qint64 rooms = storage.rooms.roomCountOf(creatorId);
            if (rooms < 0)
                return Errors::internal();
            if (rooms >= maxRooms)
                return Errors::roomQuota();
            RoomRow row;
            const auto created = RoomRepository::withFreshCode(
                [&](const QString &code) { return storage.rooms.create(name, code, creatorId, &row); });
            if (created != RoomRepository::CreateStatus::Created)
                return Errors::internal();
            return row;
        },
        [this, reply, creatorId](const Written<RoomRow> &written) {
            if (reply.failed(written))
                return;
            const RoomRow &row = std::get<RoomRow>(written);
            qCInfo(lcServer) << "user" << creatorId << "created room" << row.id;
            const Room room = roomView(m_context, row, creatorId);
            Delivery::roomJoinedEverywhere(m_context, creatorId, RoomJoinedEvent{room}.toJson(), row.id,
                                           reply.connection());
            reply.ok(RoomReply{room});
        });
}

void RoomHandler::handle(ClientConnection *connection, const Responder &reply, const JoinRoomRequest &request)
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
        return reply.error(Errors::rateLimited(wait));
    }
    const QString code = Validation::normalizedAccessCode(request.code);
    const auto row =
        Validation::isWellFormedAccessCode(code) ? m_context.storage.rooms.findByCode(code) : std::nullopt;
    const ProtocolError noSuchRoom{ErrorCode::NoSuchRoom,
                                   QCoreApplication::translate("Server", "No room has that access code.")};
    if (!row) {
        m_context.limits.joinFailure.take(userKey);
        m_context.limits.joinGlobal.take(everyone);
        return reply.error(noSuchRoom);
    }
    const qint64 roomId = row->id;
    const int maxRooms = m_context.config.maxRoomsPerUser;
    const int maxMembers = m_context.config.maxRoomMembers;
    // The result: the "joined" line, or none when the user was a member already.
    using Joined = std::optional<ChatMessage>;
    m_context.feed->awaitAnswer(roomId, user.id, connection);
    m_context.writer.write<Joined>(
        this,
        [roomId, code, noSuchRoom, user, maxRooms, maxMembers](Storage &storage) -> Written<Joined> {
            // Again in order with the writes: a new_code given before this join has taken the old code.
            const auto current = storage.rooms.findByCode(code);
            if (!current || current->id != roomId)
                return noSuchRoom;
            if (storage.rooms.isMember(roomId, user.id))
                return Joined();
            const qint64 rooms = storage.rooms.roomCountOf(user.id);
            const qint64 members = storage.rooms.memberCount(roomId);
            if (rooms < 0 || members < 0)
                return Errors::internal();
            if (rooms >= maxRooms)
                return Errors::roomQuota();
            if (members >= maxMembers)
                return Errors::quotaExceeded(QCoreApplication::translate(
                    "Server", "That room has as many members as this server allows."));
            const auto line = storage.messages.insertRoomEvent(roomId, user, ChatMessage::Kind::Joined,
                                                               QDateTime::currentMSecsSinceEpoch());
            // What was sent before joining is not unread.
            if (!line || !storage.rooms.addMember(roomId, user.id) ||
                storage.readMarkers.advance(user.id, roomId, line->id) < 0)
                return Errors::internal();
            return Joined(*line);
        },
        [this, reply, row = *row, user](const Written<Joined> &written) {
            const auto answered =
                qScopeGuard([&] { m_context.feed->answered(row.id, user.id, reply.connection()); });
            if (reply.failed(written))
                return;
            const Room room = roomView(m_context, row, user.id);
            // Joining a room one is already in announces nothing. The user's own devices learn of the room
            // (and read the line in its history); the others get the member and the line.
            if (const Joined &line = std::get<Joined>(written)) {
                m_context.feed->local(*line, true, [&] {
                    Delivery::toRoom(m_context, row.id, MemberJoinedEvent{row.id, {user, true}}.toJson(),
                                     user.id);
                    Delivery::toRoom(m_context, row.id, MessageEvent{*line}.toJson(), user.id);
                    Delivery::toUser(m_context, user.id, RoomJoinedEvent{room}.toJson(), reply.connection());
                });
            }
            reply.ok(RoomReply{room});
        });
}

void RoomHandler::handle(ClientConnection *connection, const Responder &reply,
                         const LeaveRoomRequest &request)
{
    const User user = connection->user();
    const qint64 roomId = request.room;
    // The result: the "left" line; none in a direct conversation, where leaving only closes it (the other
    // user opening it again brings the leaver back).
    using Left = std::optional<ChatMessage>;
    m_context.feed->awaitAnswer(roomId, user.id, connection);
    m_context.writer.write<Left>(
        this,
        [roomId, user](Storage &storage) -> Written<Left> {
            const auto row =
                storage.rooms.isMember(roomId, user.id) ? storage.rooms.find(roomId) : std::nullopt;
            if (!row)
                return Errors::notAMember();
            Left line;
            if (!row->direct) {
                line = storage.messages.insertRoomEvent(roomId, user, ChatMessage::Kind::Left,
                                                        QDateTime::currentMSecsSinceEpoch());
                if (!line)
                    return Errors::internal();
            }
            if (!storage.rooms.removeMember(roomId, user.id))
                return Errors::internal();
            return line;
        },
        [this, reply, roomId, user](const Written<Left> &written) {
            const auto answered =
                qScopeGuard([&] { m_context.feed->answered(roomId, user.id, reply.connection()); });
            if (reply.failed(written))
                return;
            m_context.typing.set(roomId, user, false); // ends at once what they were typing there
            const auto announce = [&] {
                Delivery::toRoom(m_context, roomId, MemberLeftEvent{roomId, user}.toJson(), user.id);
                if (const Left &line = std::get<Left>(written))
                    Delivery::toRoom(m_context, roomId, MessageEvent{*line}.toJson(), user.id);
                Delivery::toUser(m_context, user.id, RoomLeftEvent{roomId}.toJson(), reply.connection());
            };
            // A direct conversation has no line, and its leaving is this instance's own.
            if (const Left &line = std::get<Left>(written))
                m_context.feed->local(*line, true, announce);
            else
                announce();
            reply.ok();
        });
}

void RoomHandler::handle(ClientConnection *connection, const Responder &reply, const ListRoomsRequest &)
{
    const qint64 userId = connection->user().id;
    if (const qint64 wait = m_context.limits.history.take(QString::number(userId))) {
        m_context.abuse.report(connection->limitKey(), QStringLiteral("reads rate-limited"));
        return reply.error(Errors::rateLimited(wait));
    }
    // One query for all rooms and members: its cost is bounded by max_rooms_per_user * max_room_members.
    const auto rooms = m_context.storage.rooms.roomsWithMembersOf(userId);
    const auto positions = m_context.storage.readMarkers.positionsOf(userId);
    if (!rooms || !positions)
        return reply.error(Errors::internal());
    RoomsReply result;
    result.rooms.reserve(rooms->size());
    for (const auto &entry : *rooms)
        result.rooms.append(
            roomView(m_context, entry.room, entry.members, userId, positions->value(entry.room.id)));
    reply.ok(result);
}

} // namespace Natter::Server
