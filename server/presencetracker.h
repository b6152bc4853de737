// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <functional>

namespace Natter::Server {

class ClientConnection;
class WireFrame;

/// Who is online: the authenticated connections of each user, in memory, and, with several instances on one
/// database, the users that other instances hold connections of (ClusterPresence keeps that part). Also the
/// one place that sends a frame to all connections of a set of users.
class PresenceTracker {
public:
    /// True when this is the user's first connection here (the user just came online on this instance).
    bool add(qint64 userId, ClientConnection *connection);
    /// True when this was the user's last connection here.
    bool remove(qint64 userId, ClientConnection *connection);
    /// Online here or on another instance.
    bool isOnline(qint64 userId) const
    {
        return m_connections.contains(userId) || m_elsewhere.contains(userId);
    }
    bool isOnlineElsewhere(qint64 userId) const { return m_elsewhere.contains(userId); }
    const QSet<qint64> &onlineElsewhere() const { return m_elsewhere; }
    /// Called with (user, online) when a user's first connection here comes or the last one goes.
    void onLocalChange(std::function<void(qint64, bool)> callback) { m_localChange = std::move(callback); }
    void setOnlineElsewhere(qint64 userId, bool online)
    {
        if (online)
            m_elsewhere.insert(userId);
        else
            m_elsewhere.remove(userId);
    }
    QList<ClientConnection *> connectionsOf(qint64 userId) const { return m_connections.value(userId); }
    int onlineUsers() const { return int(m_connections.size()); }
    /// The users with a connection here.
    QList<qint64> localUsers() const { return m_connections.keys(); }

    /// Sends an already encoded frame to every connection of the given users.
    void deliver(const QList<qint64> &userIds, const WireFrame &frame) const;

private:
    QHash<qint64, QList<ClientConnection *>> m_connections;
    QSet<qint64> m_elsewhere;
    std::function<void(qint64, bool)> m_localChange;
};

} // namespace Natter::Server
