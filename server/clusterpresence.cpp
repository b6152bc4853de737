// SPDX-License-Identifier: GPL-3.0-or-later
#include "clusterpresence.h"

#include "clusterbus.h"
#include "events.h"
#include "logging.h"
#include "presencetracker.h"
#include "servercontext.h"
#include "storage.h"
#include "typingtracker.h"
#include "wireframe.h"

namespace Natter::Server {

ClusterPresence::ClusterPresence(ServerContext &context, QString instanceId, Timing timing, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_instanceId(std::move(instanceId))
    , m_timing(timing)
{
    m_heartbeat.setInterval(m_timing.heartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &ClusterPresence::beat);
}

ClusterPresence::~ClusterPresence()
{
    stop();
}

bool ClusterPresence::start(QString *error)
{
    // An instance that died moments ago (perhaps this one's predecessor) holds nobody any more; the others
    // hear it from here, since their own next look finds nothing left to remove.
    if (const auto dead = m_context.storage.instances.removeDead(m_timing.deadAfterMs))
        reaped(*dead);
    if (!registerHere()) {
        *error = QStringLiteral("cannot register this instance in the database");
        return false;
    }
    const auto elsewhere = m_context.storage.instances.onlineElsewhere(m_instanceId);
    if (!elsewhere) {
        *error = QStringLiteral("cannot read who is online through the other instances");
        return false;
    }
    for (const qint64 userId : *elsewhere)
        m_context.presence.setOnlineElsewhere(userId, true);
    m_heartbeat.start();
    return true;
}

void ClusterPresence::stop()
{
    m_heartbeat.stop();
    if (!m_registered)
        return;
    m_registered = false;
    // Gone as a dead one is: what it told of typing ends with it.
    tellOthers(m_context.storage.instances.remove(m_instanceId), {m_instanceId});
}

bool ClusterPresence::registerHere()
{
    m_registered = m_context.storage.instances.add(m_instanceId);
    return m_registered;
}

void ClusterPresence::localChange(qint64 userId, bool online)
{
    if (!m_registered)
        return;
    if (!m_context.storage.instances.setOnline(m_instanceId, userId, online))
        qCWarning(lcStorage) << "cannot record presence for the other instances";
    tellOthers({userId});
}

void ClusterPresence::changedElsewhere(const QSet<qint64> &userIds)
{
    const auto elsewhere = m_context.storage.instances.onlineElsewhere(m_instanceId, userIds);
    if (!elsewhere) {
        m_unread.unite(userIds); // looked up again at the next heartbeat
        return;
    }
    QSet<qint64> changed;
    for (const qint64 userId : userIds) {
        const bool before = m_context.presence.isOnline(userId);
        m_context.presence.setOnlineElsewhere(userId, elsewhere->contains(userId));
        if (!elsewhere->contains(userId))
            m_context.typing.forgetElsewhere(userId);
        if (m_context.presence.isOnline(userId) != before)
            changed.insert(userId);
    }
    announce(changed);
}

void ClusterPresence::resync()
{
    QSet<qint64> users = m_context.presence.onlineElsewhere();
    if (const auto now = m_context.storage.instances.onlineElsewhere(m_instanceId))
        users.unite(*now);
    changedElsewhere(users);
}

void ClusterPresence::announce(const QSet<qint64> &userIds)
{
    // As AuthHandler does for a change of its own: to everyone who shares a room with the user.
    for (const qint64 userId : userIds) {
        const auto user = m_context.storage.users.findById(userId);
        if (!user)
            continue;
        m_context.presence.deliver(
            m_context.storage.rooms.coMemberIds(userId),
            WireFrame::fromJson(PresenceEvent{*user, m_context.presence.isOnline(userId)}.toJson()));
    }
}

void ClusterPresence::tellOthers(const QSet<qint64> &userIds, const QStringList &deadInstances)
{
    // A notification holds at most 8000 bytes: 400 user ids of up to 15 digits, or 200 instance ids of 16
    // characters, stay well below. The instances go first: their users are then told as gone.
    constexpr qsizetype kPerNotification = 400;
    constexpr qsizetype kInstancesPerNotification = 200;
    for (qsizetype at = 0; at < deadInstances.size(); at += kInstancesPerNotification)
        m_context.storage.instances.notify(
            ClusterBus::kChannel,
            ClusterBus::payload(m_instanceId, {}, {}, {}, deadInstances.mid(at, kInstancesPerNotification)));
    QSet<qint64> chunk;
    const auto send = [&] {
        if (!chunk.isEmpty())
            m_context.storage.instances.notify(
                ClusterBus::kChannel, ClusterBus::payload(m_instanceId, {}, {}, std::exchange(chunk, {})));
    };
    for (const qint64 userId : userIds) {
        chunk.insert(userId);
        if (chunk.size() == kPerNotification)
            send();
    }
    send();
}

void ClusterPresence::beat()
{
    const std::optional<bool> registered = m_context.storage.instances.beat(m_instanceId);
    if (!registered)
        return; // the database is away: nothing can be read or told now; the next heartbeat tries again
    if (!*registered) {
        // Taken for dead (paused longer than deadAfterMs): here again, with the users this instance holds.
        qCWarning(lcStorage) << "this instance had been taken for dead by the others; registering again";
        if (!registerHere())
            return;
        const QList<qint64> users = m_context.presence.localUsers();
        for (const qint64 userId : users)
            m_context.storage.instances.setOnline(m_instanceId, userId, true);
        tellOthers(QSet<qint64>(users.cbegin(), users.cend()));
    }
    if (!m_unread.isEmpty())
        changedElsewhere(std::exchange(m_unread, {}));
    if (const auto dead = m_context.storage.instances.removeDead(m_timing.deadAfterMs); dead && reaped(*dead))
        changedElsewhere(
            dead->users); // the others hear it; this instance's own notification does not come back
}

bool ClusterPresence::reaped(const InstanceRepository::Dead &dead)
{
    for (const QString &instance : dead.instances) {
        qCWarning(lcServer).noquote() << "instance" << instance << "stopped beating; taken for dead";
        m_context.typing.forgetInstance(instance);
    }
    if (dead.instances.isEmpty())
        return false;
    qCWarning(lcServer) << dead.users.size() << "users were online there";
    tellOthers(dead.users, dead.instances);
    return !dead.users.isEmpty();
}

} // namespace Natter::Server
