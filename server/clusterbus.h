// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaselocation.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QSqlDriver>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace Natter::Server {

/// How the natterd instances that share one PostgreSQL database learn of each other's commits. Each
/// writer NOTIFYs kChannel inside its transaction (so only what commits is told, in commit order), naming
/// the rooms whose messages or members changed; this LISTENs on a connection of its own, on the event loop,
/// and passes on what the other instances changed. Every instance then reads what it needs by id.
class ClusterBus : public QObject {
    Q_OBJECT
public:
    static inline const QString kChannel = QStringLiteral("natter_commits");
    /// What a commit NOTIFYs: {"i": instance, "r": [rooms whose messages changed], "m": [rooms whose members
    /// changed]}; and ClusterPresence: "p": [users whose presence may have changed], "d": [instances it took
    /// for dead]. A batch holds at most
    /// 128 writes, so it stays below PostgreSQL's 8000 bytes; presence names one user, or the users of a dead
    /// instance (cut into several notifications when many).
    static QString payload(const QString &instanceId, const QSet<qint64> &messageRooms,
                           const QSet<qint64> &memberRooms, const QSet<qint64> &users = {},
                           const QStringList &deadInstances = {});

    /// The listening connection is checked (and made again when lost) every `checkIntervalMs`.
    ClusterBus(DatabaseLocation database, QString instanceId, int checkIntervalMs, QObject *parent = nullptr);
    ~ClusterBus() override;

    /// Connects and LISTENs; false with `error` when it cannot.
    bool start(QString *error);
    void stop();

    // What is not stored as a room's change but must reach the connections of every instance. Each is
    // a NOTIFY of its own, sent at once (outside any transaction) on this connection.
    /// A small event (typing, read_marker, room_updated, member_joined) for the room's members on the other
    /// instances, but `exceptUserId`'s; or for `userId`'s connections there.
    void forwardToRoom(qint64 roomId, const QJsonObject &event, qint64 exceptUserId = 0);
    void forwardToUser(qint64 userId, const QJsonObject &event);
    /// The user now belongs to the room: their connections elsewhere get room_joined, each instance
    /// making the room's view itself (it may be too large for a notification).
    void forwardRoomJoined(qint64 userId, qint64 roomId);
    /// Sessions of the user were revoked: the other instances sign out those of the user's connections
    /// whose session is gone.
    void forwardSessionsRevoked(qint64 userId);

signals:
    void roomsChanged(const QSet<qint64> &rooms);
    void membershipsChanged(const QSet<qint64> &rooms);
    void presenceChanged(const QSet<qint64> &users);
    /// Another instance took this one for dead (and has told of its users).
    void instanceDead(const QString &instanceId);
    void eventForRoom(qint64 roomId, const QJsonObject &event, qint64 exceptUserId,
                      const QString &instanceId);
    void eventForUser(qint64 userId, const QJsonObject &event);
    void roomJoined(qint64 userId, qint64 roomId);
    void sessionsRevoked(qint64 userId);
    /// The connection was lost and made again: what was notified meanwhile is lost, so every room may have
    /// changed.
    void resumed();
    /// The periodic check found the connection well: a moment to retry what failed to be read.
    void checked();

private:
    bool listen(QString *error);
    void send(const QJsonObject &body);
    /// `body` with the sender's id, as the compact JSON a notification carries.
    static QString encode(const QString &instanceId, QJsonObject body);
    void notified(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    void check();

    DatabaseLocation m_database;
    QString m_instanceId;
    QString m_connectionName;
    QTimer m_check;
    bool m_lost = false;
};

} // namespace Natter::Server
