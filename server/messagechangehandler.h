// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requests.h"
#include "responder.h"
#include "servercontext.h"

#include <QObject>

namespace Natter::Server {

class ClientConnection;

/// edit_message, delete_message and react: changes to messages already sent. Each change takes the room's
/// next change counter value and reaches the members as message_changed. A QObject so that writes
/// finishing after it is gone call nothing back.
class MessageChangeHandler : public QObject {
    Q_OBJECT
public:
    explicit MessageChangeHandler(ServerContext &context, QObject *parent = nullptr);

    void handle(ClientConnection *connection, const Responder &reply, const EditMessageRequest &request);
    void handle(ClientConnection *connection, const Responder &reply, const DeleteMessageRequest &request);
    void handle(ClientConnection *connection, const Responder &reply, const ReactRequest &request);

private:
    /// Membership and the per-user write limit, checked before any change; false when answered already.
    bool admit(ClientConnection *connection, const Responder &reply, qint64 room);
    /// Sends message_changed for each message to the room's members and answers with the first.
    void announce(const Responder &reply, const QList<ChatMessage> &changed);

    ServerContext &m_context;
};

} // namespace Natter::Server
