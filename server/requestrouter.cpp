// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestrouter.h"

#include "authhandler.h"
#include "clientconnection.h"
#include "messagehandler.h"
#include "requests.h"
#include "responder.h"
#include "roomhandler.h"
#include "servercontext.h"

#include <QCoreApplication>

namespace Natter::Server {

namespace {
constexpr qint64 kInFlightRetryMs = 1000;
}

RequestRouter::RequestRouter(AuthHandler &auth, RoomHandler &rooms, MessageHandler &messages)
    : m_auth(auth)
    , m_rooms(rooms)
    , m_messages(messages)
{
    std::apply(
        [this](auto... requests) {
            (m_routes.insert(decltype(requests)::type, &RequestRouter::route<decltype(requests)>), ...);
        },
        RequestTypes{});
}

template <typename R>
void RequestRouter::route(ClientConnection *connection, const Request &request)
{
    const Decoded<R> decoded = R::decode(request.fields);
    if (const auto *error = std::get_if<ProtocolError>(&decoded))
        return connection->replyError(request.id, *error);
    if (R::needsAuth && !connection->isAuthenticated())
        return connection->replyError(request.id, Errors::unauthenticated());
    dispatch(connection, Responder(connection, request.id), std::get<R>(decoded));
}

template <typename R>
void RequestRouter::dispatch(ClientConnection *connection, const Responder &reply, const R &request)
{
    if constexpr (requires { m_auth.handle(connection, reply, request); })
        m_auth.handle(connection, reply, request);
    else if constexpr (requires { m_rooms.handle(connection, reply, request); })
        m_rooms.handle(connection, reply, request);
    else if constexpr (requires { m_messages.handle(connection, reply, request); })
        m_messages.handle(connection, reply, request);
    else
        static_assert(sizeof(R) == 0, "no handler has a handle() overload for this request type");
}

void RequestRouter::handleText(ClientConnection *connection, const QString &text)
{
    const auto parsed = parseRequestFrame(text.toUtf8());
    // Every frame is answered exactly once; one whose answer would pass the cap on unanswered requests
    // is answered at once instead of being worked on.
    if (!connection->startRequest()) {
        const auto *request = std::get_if<Request>(&parsed);
        return connection->replyError(request ? request->id : QJsonValue(QJsonValue::Undefined),
                                      Errors::rateLimited(kInFlightRetryMs));
    }
    if (const auto *rejected = std::get_if<RejectedFrame>(&parsed))
        return connection->replyError(rejected->id, rejected->error);
    const Request &request = std::get<Request>(parsed);
    const auto route = m_routes.constFind(request.type);
    if (route == m_routes.constEnd()) {
        return connection->replyError(
            request.id,
            {ErrorCode::UnknownType,
             QCoreApplication::translate("Server", "Unknown request type \"%1\".").arg(request.type)});
    }
    (this->*(*route))(connection, request);
}

void RequestRouter::handleBinary(ClientConnection *connection)
{
    connection->startRequest(); // its answer is immediate: nothing to refuse
    connection->replyError(
        QJsonValue::Undefined,
        {ErrorCode::BadRequest,
         QCoreApplication::translate("Server", "Binary frames are not part of the protocol.")});
}

} // namespace Natter::Server
