// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requests.h"
#include "responder.h"
#include "servercontext.h"

#include <QObject>

namespace Natter::Server {

class ClientConnection;

/// open_direct: the one conversation of two users who share a room. A QObject so that writes finishing
/// after it is gone call nothing back.
class DirectHandler : public QObject {
    Q_OBJECT
public:
    explicit DirectHandler(ServerContext &context, QObject *parent = nullptr);

    void handle(ClientConnection *connection, const Responder &reply, const OpenDirectRequest &request);

private:
    ServerContext &m_context;
};

} // namespace Natter::Server
