// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "request.h"

#include <QHash>

namespace Natter::Server {

class AuthHandler;
class ClientConnection;
class MessageHandler;
class Responder;
class RoomHandler;

/// Dispatch on "type": one route for every type in RequestTypes, each to the handler that has a
/// `handle(ClientConnection *, const Responder &, const ThatRequest &)` overload (none: a compile error).
/// Checks in the protocol's order: the envelope, the type, the fields (bad_request), then authentication;
/// membership and limits are the handlers'.
class RequestRouter {
public:
    RequestRouter(AuthHandler &auth, RoomHandler &rooms, MessageHandler &messages);

    void handleText(ClientConnection *connection, const QString &text);
    void handleBinary(ClientConnection *connection);

private:
    using Route = void (RequestRouter::*)(ClientConnection *, const Request &);
    template <typename R>
    void route(ClientConnection *connection, const Request &request);
    template <typename R>
    void dispatch(ClientConnection *connection, const Responder &reply, const R &request);

    AuthHandler &m_auth;
    RoomHandler &m_rooms;
    MessageHandler &m_messages;
    QHash<QString, Route> m_routes;
};

} // namespace Natter::Server
