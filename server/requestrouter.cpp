// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestrouter.h"

#include "authhandler.h"
#include "clientconnection.h"
#include "messagehandler.h"
#include "requests.h"
#include "roomhandler.h"
#include "servercontext.h"

#include <QCoreApplication>

namespace Natter::Server {

namespace {
constexpr qint64 kInFlightRetryMs = 1000;
}

RequestRouter::RequestRouter(AuthHandler &auth, RoomHandler &rooms, MessageHandler &messages)
{
    add(auth, &AuthHandler::registerUser, false);
    add(auth, &AuthHandler::login, false);
    add(auth, &AuthHandler::resume, false);
    add(auth, &AuthHandler::logout, true);
    add(auth, &AuthHandler::logoutAll, true);
    add(auth, &AuthHandler::changePassword, true);
    add(rooms, &RoomHandler::create, true);
    add(rooms, &RoomHandler::join, true);
    add(rooms, &RoomHandler::leave, true);
    add(rooms, &RoomHandler::list, true);
    add(messages, &MessageHandler::send, true);
    add(messages, &MessageHandler::history, true);
}

template <typename R, typename H>
void RequestRouter::add(H &handler, void (H::*method)(ClientConnection *, const QJsonValue &, const R &),
                        bool needsAuth)
{
    m_routes.insert(R::type,
                    [&handler, method, needsAuth](ClientConnection *connection, const Request &request) {
                        const Decoded<R> decoded = R::decode(request.fields);
                        if (const auto *error = std::get_if<ProtocolError>(&decoded))
                            return connection->replyError(request.id, *error);
                        if (needsAuth && !connection->isAuthenticated())
                            return connection->replyError(request.id, Errors::unauthenticated());
                        (handler.*method)(connection, request.id, std::get<R>(decoded));
                    });
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
    (*route)(connection, request);
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
