// SPDX-License-Identifier: GPL-3.0-or-later
#include "responder.h"

#include "clientconnection.h"

namespace Natter::Server {

Responder::Responder(ClientConnection *connection, QJsonValue id)
    : m_connection(connection)
    , m_id(std::move(id))
{}

void Responder::error(const ProtocolError &error) const
{
    if (m_connection)
        m_connection->replyError(m_id, error);
}

void Responder::okFields(const QJsonObject &result) const
{
    if (m_connection)
        m_connection->reply(m_id, result);
}

} // namespace Natter::Server
