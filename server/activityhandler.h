// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requests.h"
#include "responder.h"
#include "servercontext.h"

#include <QObject>

namespace Natter::Server {

class ClientConnection;

/// typing and mark_read: what members do besides writing. Typing is kept in memory only; read positions
/// are stored. A QObject so that writes finishing after it is gone call nothing back.
class ActivityHandler : public QObject {
    Q_OBJECT
public:
    explicit ActivityHandler(ServerContext &context, QObject *parent = nullptr);

    void handle(ClientConnection *connection, const Responder &reply, const TypingRequest &request);
    void handle(ClientConnection *connection, const Responder &reply, const MarkReadRequest &request);

private:
    ServerContext &m_context;
};

} // namespace Natter::Server
