// SPDX-License-Identifier: GPL-3.0-or-later
#include "presencetracker.h"
#include "wireframe.h"

#include "clientconnection.h"

namespace Natter::Server {

bool PresenceTracker::add(qint64 userId, ClientConnection *connection)
{
    QList<ClientConnection *> &list = m_connections[userId];
    if (!list.contains(connection))
        list.append(connection);
    if (list.size() != 1)
        return false;
    if (m_localChange)
        m_localChange(userId, true);
    return true;
}

bool PresenceTracker::remove(qint64 userId, ClientConnection *connection)
{
    auto it = m_connections.find(userId);
    if (it == m_connections.end() || !it->removeOne(connection))
        return false;
    if (!it->isEmpty())
        return false;
    m_connections.erase(it);
    if (m_localChange)
        m_localChange(userId, false);
    return true;
}

void PresenceTracker::deliver(const QList<qint64> &userIds, const WireFrame &frame) const
{
    for (const qint64 userId : userIds) {
        const auto it = m_connections.constFind(userId);
        if (it == m_connections.constEnd())
            continue;
        for (ClientConnection *connection : *it)
            connection->sendWire(frame);
    }
}

} // namespace Natter::Server
