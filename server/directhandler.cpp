// SPDX-License-Identifier: GPL-3.0-or-later
#include "directhandler.h"

#include "abuselog.h"
#include "clientconnection.h"
#include "delivery.h"
#include "events.h"
#include "logging.h"
#include "presencetracker.h"
#include "ratelimiters.h"
#include "roomview.h"
#include "serverconfig.h"
#include "storage.h"
#include "storagewriter.h"

#include <QCoreApplication>

namespace Natter::Server {

DirectHandler::DirectHandler(ServerContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

void DirectHandler::handle(ClientConnection *connection, const Responder &reply,
                           const OpenDirectRequest &request)
{
    const User user = connection->user();
    const qint64 otherId = request.user;
    // Someone one shares no room with is answered as if there were no such user: ids reveal nothing.
    if (otherId == user.id || !m_context.storage.rooms.shareARoom(user.id, otherId)) {
        return reply.error({ErrorCode::NoSuchUser,
                            QCoreApplication::translate("Server", "You share no room with that user.")});
    }
    const auto existing = m_context.storage.rooms.findDirect(user.id, otherId);
    if (!existing || !m_context.storage.rooms.isMember(existing->id, user.id) ||
        !m_context.storage.rooms.isMember(existing->id, otherId)) {
        if (const qint64 wait = m_context.limits.createRoom.take(QString::number(user.id))) {
            m_context.abuse.report(connection->limitKey(), QStringLiteral("open_direct rate-limited"));
            return reply.error(Errors::rateLimited(wait));
        }
    }
    struct Opened {
        RoomRepository::RoomRow row;
        QList<qint64> added; // who became a member now
        bool created = false;
    };
    const int maxRooms = m_context.config.maxRoomsPerUser;
    m_context.writer.write<Opened>(
        this,
        [userId = user.id, otherId, maxRooms](Storage &storage) -> Written<Opened> {
            auto row = storage.rooms.findDirect(userId, otherId);
            QList<qint64> joining;
            for (const qint64 id : {userId, otherId}) {
                if (!row || !storage.rooms.isMember(row->id, id))
                    joining.append(id);
            }
            for (const qint64 id : std::as_const(joining)) {
                const qint64 rooms = storage.rooms.roomCountOf(id);
                if (rooms < 0)
                    return Errors::internal();
                if (rooms >= maxRooms)
                    return Errors::roomQuota();
            }
            const bool created = !row;
            if (created) {
                RoomRepository::RoomRow fresh;
                if (!storage.rooms.createDirect(userId, otherId, &fresh))
                    return Errors::internal();
                row = fresh;
            } else {
                for (const qint64 id : std::as_const(joining)) {
                    if (!storage.rooms.addMember(row->id, id))
                        return Errors::internal();
                }
            }
            const qint64 newest = storage.messages.newestId(row->id);
            for (const qint64 id : std::as_const(joining)) {
                if (newest < 0 || storage.readMarkers.advance(id, row->id, id == userId ? newest : 0) < 0)
                    return Errors::internal();
            }
            return Opened{*row, joining, created};
        },
        [this, reply, user, otherId](const Written<Opened> &written) {
            if (reply.failed(written))
                return;
            const Opened &opened = std::get<Opened>(written);
            if (!opened.added.isEmpty())
                qCInfo(lcServer) << "user" << user.id << "opened direct room" << opened.row.id;
            // Back in a conversation one had left: the one who stayed sees the other join again.
            for (const qint64 id : opened.added) {
                const auto back = opened.created ? std::nullopt : m_context.storage.users.findById(id);
                if (back) {
                    Delivery::toRoomEverywhere(
                        m_context, opened.row.id,
                        MemberJoinedEvent{opened.row.id, {*back, m_context.presence.isOnline(id)}}.toJson(),
                        id);
                }
            }
            if (opened.added.contains(otherId)) {
                Delivery::roomJoinedEverywhere(
                    m_context, otherId, RoomJoinedEvent{roomView(m_context, opened.row, otherId)}.toJson(),
                    opened.row.id);
            }
            const Room mine = roomView(m_context, opened.row, user.id);
            if (opened.added.contains(user.id))
                Delivery::roomJoinedEverywhere(m_context, user.id, RoomJoinedEvent{mine}.toJson(),
                                               opened.row.id, reply.connection());
            reply.ok(RoomReply{mine});
        });
}

} // namespace Natter::Server
