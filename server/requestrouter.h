// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "request.h"

#include <QHash>
#include <functional>

namespace Natter::Server {

class AuthHandler;
class ClientConnection;
class MessageHandler;
class RoomHandler;

/// Explicit dispatch on "type", one handler per request. Checks in the protocol's order: the envelope, the
/// type, the fields (bad_request), then authentication; membership and limits are the handlers'.
class RequestRouter {
public:
    RequestRouter(AuthHandler &auth, RoomHandler &rooms, MessageHandler &messages);

    void handleText(ClientConnection *connection, const QString &text);
    void handleBinary(ClientConnection *connection);

private:
    using Route = std::function<void(ClientConnection *, const Request &)>;
    template <typename R, typename H>
    void add(H &handler, void (H::*method)(ClientConnection *, const QJsonValue &, const R &),
             bool needsAuth);

    QHash<QString, Route> m_routes;
};

} // namespace Natter::Server
