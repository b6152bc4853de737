// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "instancerepository.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

namespace Natter::Server {

struct ServerContext;

/// Presence across the instances that share one PostgreSQL database: a user is online while any instance
/// holds a connection of theirs. Each instance registers itself in `instances` and beats every
/// heartbeatMs; it writes the users it holds connections of to `instance_presence` and tells the others
/// (ClusterBus, "p"). An instance whose heartbeat is older than deadAfterMs is taken for dead by the first
/// other instance to notice: its rows go, and every instance announces offline those who were only there.
class ClusterPresence : public QObject {
    Q_OBJECT
public:
    struct Timing {
        int heartbeatMs = 2000;
        int deadAfterMs = 10'000;
    };
    ClusterPresence(ServerContext &context, QString instanceId, Timing timing, QObject *parent = nullptr);
    ~ClusterPresence() override;

    /// Registers this instance and reads who is online elsewhere; false with `error` on failure.
    bool start(QString *error);
    /// Unregisters (on a clean stop): the others announce offline whoever was only here.
    void stop();

    /// A user's first connection here came (online) or the last one went.
    void localChange(qint64 userId, bool online);
    /// Another instance changed these users' presence (ClusterBus): each is looked up again.
    void changedElsewhere(const QSet<qint64> &userIds);
    /// Notifications may have been lost: everyone online elsewhere before or now is looked up again.
    void resync();

private:
    void beat();
    bool registerHere();
    void announce(const QSet<qint64> &userIds);
    /// Tells the other instances that these users' presence may have changed, and of instances taken for
    /// dead here.
    void tellOthers(const QSet<qint64> &userIds, const QStringList &deadInstances = {});
    /// Logs the dead instances and tells the others of their users; false when they held nobody.
    bool reaped(const InstanceRepository::Dead &dead);

    ServerContext &m_context;
    QString m_instanceId;
    Timing m_timing;
    QTimer m_heartbeat;
    bool m_registered = false;
    QSet<qint64> m_unread; // users whose presence elsewhere could not be read
};

} // namespace Natter::Server
