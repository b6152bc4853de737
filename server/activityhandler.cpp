// SPDX-License-Identifier: GPL-3.0-or-later
#include "activityhandler.h"

#include "abuselog.h"
#include "clientconnection.h"
#include "delivery.h"
#include "events.h"
#include "membershipcache.h"
#include "protocollimits.h"
#include "ratelimiters.h"
#include "storage.h"
#include "storagewriter.h"
#include "typingtracker.h"

namespace Natter::Server {

ActivityHandler::ActivityHandler(ServerContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

void ActivityHandler::handle(ClientConnection *connection, const Responder &reply,
                             const TypingRequest &request)
{
    const User user = connection->user();
    if (!m_context.members.isMember(request.room, user.id))
        return reply.error(Errors::notAMember());
    if (const qint64 wait = m_context.limits.typing.take(QString::number(user.id))) {
        m_context.abuse.report(connection->limitKey(), QStringLiteral("typing rate-limited"));
        return reply.error(Errors::rateLimited(wait));
    }
    m_context.typing.set(request.room, user, request.typing);
    reply.ok();
}

void ActivityHandler::handle(ClientConnection *connection, const Responder &reply,
                             const MarkReadRequest &request)
{
    const qint64 userId = connection->user().id;
    if (!m_context.storage.rooms.isMember(request.room, userId))
        return reply.error(Errors::notAMember());
    if (!m_context.storage.messages.find(request.room, request.message))
        return reply.error(Errors::noSuchMessage());
    if (const qint64 wait = m_context.limits.read.take(QString::number(userId))) {
        m_context.abuse.report(connection->limitKey(), QStringLiteral("mark_read rate-limited"));
        return reply.error(Errors::rateLimited(wait));
    }
    m_context.writer.write<qint64>(
        this,
        [request, userId](Storage &storage) -> Written<qint64> {
            if (!storage.rooms.isMember(request.room, userId))
                return Errors::notAMember();
            const qint64 position = storage.readMarkers.advance(userId, request.room, request.message);
            if (position < 0)
                return Errors::internal();
            return position;
        },
        [this, reply, request, userId](const Written<qint64> &written) {
            if (reply.failed(written))
                return;
            const qint64 position = std::get<qint64>(written);
            const int unread = std::max(0, m_context.storage.messages.unreadCount(
                                               request.room, position, userId, Limits::unreadCountCap));
            // Every device agrees: the user's other connections hear where this one has read to.
            Delivery::toUserEverywhere(m_context, userId,
                                       ReadMarkerEvent{request.room, position, unread}.toJson(),
                                       reply.connection());
            reply.ok(ReadMarkerReply{request.room, position, unread});
        });
}

} // namespace Natter::Server
