// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requests.h"
#include "servercontext.h"

namespace Natter::Server {

class ClientConnection;

/// send and history.
class MessageHandler {
public:
    explicit MessageHandler(ServerContext &context);

    void send(ClientConnection *connection, const QJsonValue &id, const SendRequest &request);
    void history(ClientConnection *connection, const QJsonValue &id, const HistoryRequest &request);

private:
    ServerContext &m_context;
};

} // namespace Natter::Server
