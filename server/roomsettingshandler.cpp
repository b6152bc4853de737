// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomsettingshandler.h"

#include "abuselog.h"
#include "clientconnection.h"
#include "delivery.h"
#include "events.h"
#include "ratelimiters.h"
#include "roomview.h"
#include "storage.h"
#include "storagewriter.h"

#include <QCoreApplication>

namespace Natter::Server {

RoomSettingsHandler::RoomSettingsHandler(ServerContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

bool RoomSettingsHandler::admit(ClientConnection *connection, const Responder &reply, qint64 room)
{
    const qint64 userId = connection->user().id;
    const auto row =
        m_context.storage.rooms.isMember(room, userId) ? m_context.storage.rooms.find(room) : std::nullopt;
    if (!row) {
        reply.error(Errors::notAMember());
        return false;
    }
    if (row->direct || row->owner != userId) {
        reply.error(Errors::forbidden(QCoreApplication::translate(
            "Server", "Only the owner of a room may rename it or renew its code.")));
        return false;
    }
    if (const qint64 wait = m_context.limits.createRoom.take(QString::number(userId))) {
        m_context.abuse.report(connection->limitKey(), QStringLiteral("room settings rate-limited"));
        reply.error(Errors::rateLimited(wait));
        return false;
    }
    return true;
}

void RoomSettingsHandler::announce(const Responder &reply, const RoomRepository::RoomRow &row)
{
    Delivery::toRoomEverywhere(m_context, row.id, RoomUpdatedEvent{row.id, row.name, row.code}.toJson());
    if (ClientConnection *connection = reply.connection())
        reply.ok(RoomReply{roomView(m_context, row, connection->user().id)});
}

void RoomSettingsHandler::handle(ClientConnection *connection, const Responder &reply,
                                 const RenameRoomRequest &request)
{
    if (!admit(connection, reply, request.room))
        return;
    using RoomRow = RoomRepository::RoomRow;
    m_context.writer.write<RoomRow>(
        this,
        [request](Storage &storage) -> Written<RoomRow> {
            if (!storage.rooms.rename(request.room, request.name))
                return Errors::internal();
            const auto row = storage.rooms.find(request.room);
            if (!row)
                return Errors::internal();
            return *row;
        },
        [this, reply](const Written<RoomRow> &written) {
            if (!reply.failed(written))
                announce(reply, std::get<RoomRow>(written));
        });
}

void RoomSettingsHandler::handle(ClientConnection *connection, const Responder &reply,
                                 const NewCodeRequest &request)
{
    if (!admit(connection, reply, request.room))
        return;
    using RoomRow = RoomRepository::RoomRow;
    m_context.writer.write<RoomRow>(
        this,
        [request](Storage &storage) -> Written<RoomRow> {
            const auto renewed = RoomRepository::withFreshCode(
                [&](const QString &code) { return storage.rooms.setCode(request.room, code); });
            const auto row = renewed == RoomRepository::CreateStatus::Created
                                 ? storage.rooms.find(request.room)
                                 : std::nullopt;
            if (!row)
                return Errors::internal();
            return *row;
        },
        [this, reply](const Written<RoomRow> &written) {
            if (!reply.failed(written))
                announce(reply, std::get<RoomRow>(written));
        });
}

} // namespace Natter::Server
