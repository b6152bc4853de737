// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaselocation.h"

#include <QObject>
#include <QSet>
#include <QSqlDriver>
#include <QString>
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
    /// changed]}; and ClusterPresence: "p": [users whose presence may have changed]. A batch holds at most 64
    /// writes, so it stays far below PostgreSQL's 8000 bytes; presence names one user, or the users of a
    /// dead instance (cut into several notifications when many).
    static QString payload(const QString &instanceId, const QSet<qint64> &messageRooms,
                           const QSet<qint64> &memberRooms, const QSet<qint64> &users = {});

    ClusterBus(DatabaseLocation database, QString instanceId, QObject *parent = nullptr);
    ~ClusterBus() override;

    /// Connects and LISTENs; false with `error` when it cannot.
    bool start(QString *error);
    void stop();

signals:
    void roomsChanged(const QSet<qint64> &rooms);
    void membershipsChanged(const QSet<qint64> &rooms);
    void presenceChanged(const QSet<qint64> &users);
    /// The connection was lost and made again: what was notified meanwhile is lost, so every room may have
    /// changed.
    void resumed();

private:
    bool listen(QString *error);
    void notified(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    void check();

    DatabaseLocation m_database;
    QString m_instanceId;
    QString m_connectionName;
    QTimer m_check;
    bool m_lost = false;
};

} // namespace Natter::Server
