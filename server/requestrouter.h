// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "activityhandler.h"
#include "authhandler.h"
#include "directhandler.h"
#include "messagechangehandler.h"
#include "messagehandler.h"
#include "request.h"
#include "roomhandler.h"
#include "roomsettingshandler.h"
#include "searchhandler.h"

#include <QHash>
#include <tuple>

namespace Natter::Server {

class ClientConnection;
class Responder;

/// Owns the request handlers and dispatches on "type": one route for every type in RequestTypes, each to
/// the one handler that has a `handle(ClientConnection *, const Responder &, const ThatRequest &)`
/// overload (none, or two: a compile error). Checks in the protocol's order: the envelope, the type, the
/// fields (bad_request), then authentication; membership and limits are the handlers'.
class RequestRouter {
public:
    explicit RequestRouter(ServerContext &context);

    void handleText(ClientConnection *connection, const QString &text);
    void handleBinary(ClientConnection *connection);

    /// Signing out a connection that closes, and the idle-session sweep, are the server's to start.
    AuthHandler &auth() { return m_auth; }

private:
    using Route = void (RequestRouter::*)(ClientConnection *, const Request &);
    template <typename R>
    void route(ClientConnection *connection, const Request &request);

    AuthHandler m_auth;
    RoomHandler m_rooms;
    RoomSettingsHandler m_roomSettings;
    DirectHandler m_direct;
    MessageHandler m_messages;
    MessageChangeHandler m_messageChanges;
    ActivityHandler m_activity;
    SearchHandler m_search;
    /// Every handler, for the dispatch of route().
    std::tuple<AuthHandler *, RoomHandler *, RoomSettingsHandler *, DirectHandler *, MessageHandler *,
               MessageChangeHandler *, ActivityHandler *, SearchHandler *>
        m_handlers;
    QHash<QString, Route> m_routes;
};

} // namespace Natter::Server
