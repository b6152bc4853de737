// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requests.h"
#include "responder.h"
#include "servercontext.h"

#include <QObject>

namespace Natter::Server {

class ClientConnection;

/// send, history and changes. A QObject so that writes finishing after it is gone call nothing back.
class MessageHandler : public QObject {
    Q_OBJECT
public:
    explicit MessageHandler(ServerContext &context, QObject *parent = nullptr);

    void handle(ClientConnection *connection, const Responder &reply, const SendRequest &request);
    void handle(ClientConnection *connection, const Responder &reply, const HistoryRequest &request);
    void handle(ClientConnection *connection, const Responder &reply, const ChangesRequest &request);

private:
    /// Membership and the per-user read limit; false when answered already.
    bool admitRead(ClientConnection *connection, const Responder &reply, qint64 room);

    ServerContext &m_context;
};

} // namespace Natter::Server
