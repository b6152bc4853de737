// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestrouter.h"

#include "clientconnection.h"
#include "requests.h"
#include "responder.h"
#include "servercontext.h"

#include <QCoreApplication>

namespace Natter::Server {

namespace {
constexpr qint64 kInFlightRetryMs = 1000;
}

namespace {
template <typename H, typename R>
constexpr bool handles = requires(H &handler, ClientConnection *connection, const Responder &reply,
                                  const R &request)
{
    handler.handle(connection, reply, request);
};
} // namespace

RequestRouter::RequestRouter(ServerContext &context)
    : m_auth(context)
    , m_rooms(context)
    , m_roomSettings(context)
    , m_direct(context)
    , m_messages(context)
    , m_messageChanges(context)
    , m_activity(context)
    , m_search(context)
    , m_handlers(&m_auth, &m_rooms, &m_roomSettings, &m_direct, &m_messages, &m_messageChanges, &m_activity,
                 &m_search)
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
    const Responder reply(connection, request.id);
    std::apply(
        [&](auto *...handlers) {
            static_assert((0 + ... + int(handles<std::remove_pointer_t<decltype(handlers)>, R>)) == 1,
                          "exactly one handler must have a handle() overload for each request type");
            const auto callIfHandles = [&](auto *handler) {
                if constexpr (handles<std::remove_pointer_t<decltype(handler)>, R>)
                    handler->handle(connection, reply, std::get<R>(decoded));
            };
            (callIfHandles(handlers), ...);
        },
        m_handlers);
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
