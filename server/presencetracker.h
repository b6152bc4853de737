// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace Natter::Server {

class ClientConnection;
class WireFrame;

/// Who is online: the authenticated connections of each user, in memory. Also the one place that sends a
/// frame to all connections of a set of users.
class PresenceTracker {
public:
    /// True when this is the user's first connection (the user just came online).
    bool add(qint64 userId, ClientConnection *connection);
    /// True when this was the user's last connection (the user just went offline).
    bool remove(qint64 userId, ClientConnection *connection);
    bool isOnline(qint64 userId) const { return m_connections.contains(userId); }
    QList<ClientConnection *> connectionsOf(qint64 userId) const { return m_connections.value(userId); }
    int onlineUsers() const { return int(m_connections.size()); }

    /// Sends an already encoded frame to every connection of the given users.
    void deliver(const QList<qint64> &userIds, const WireFrame &frame) const;

private:
    QHash<qint64, QList<ClientConnection *>> m_connections;
};

} // namespace Natter::Server
