// SPDX-License-Identifier: GPL-3.0-or-later
#include "typingtracker.h"

#include "monotonicclock.h"

namespace Natter::Server {

TypingTracker::TypingTracker(int expiryMs, Changed changed, QObject *parent)
    : QObject(parent)
    , m_expiryMs(expiryMs)
    , m_changed(std::move(changed))
{
    // Indications end within a quarter of their lifetime after their deadline.
    m_sweep.setInterval(std::max(50, expiryMs / 4));
    connect(&m_sweep, &QTimer::timeout, this, &TypingTracker::expire);
}

void TypingTracker::set(qint64 room, const User &user, bool typing)
{
    const Key key{room, user.id};
    const bool was = m_deadlines.contains(key);
    if (typing) {
        m_deadlines.insert(key, Entry{user, monotonicMs() + m_expiryMs});
        if (!m_sweep.isActive())
            m_sweep.start();
    } else {
        m_deadlines.remove(key);
    }
    if (typing || was)
        m_changed(room, user, typing);
}

bool TypingTracker::isTyping(qint64 room, qint64 userId) const
{
    if (m_deadlines.contains(Key{room, userId}))
        return true;
    const qint64 now = monotonicMs();
    for (const qint64 deadline : m_elsewhere.value(Key{room, userId})) {
        if (deadline > now)
            return true;
    }
    return false;
}

void TypingTracker::setElsewhere(qint64 room, qint64 userId, const QString &instance, bool typing)
{
    const Key key{room, userId};
    if (typing) {
        // Twice the lifetime: that instance's own end, sent when it runs out there, comes first.
        m_elsewhere[key].insert(instance, monotonicMs() + 2 * qint64(m_expiryMs));
        if (!m_sweep.isActive())
            m_sweep.start();
        return;
    }
    const auto found = m_elsewhere.find(key);
    if (found != m_elsewhere.end() && (found->remove(instance), found->isEmpty()))
        m_elsewhere.erase(found);
}

void TypingTracker::forgetInstance(const QString &instance)
{
    for (auto it = m_elsewhere.begin(); it != m_elsewhere.end();) {
        it->remove(instance);
        it = it->isEmpty() ? m_elsewhere.erase(it) : std::next(it);
    }
}

void TypingTracker::forgetElsewhere(qint64 userId)
{
    m_elsewhere.removeIf([userId](const auto &entry) { return entry.key().user == userId; });
}

void TypingTracker::expire()
{
    const qint64 now = monotonicMs();
    for (auto it = m_deadlines.begin(); it != m_deadlines.end();) {
        if (it->deadlineMs > now) {
            ++it;
            continue;
        }
        const qint64 room = it.key().room;
        const User user = it->user;
        it = m_deadlines.erase(it);
        m_changed(room, user, false);
    }
    for (auto it = m_elsewhere.begin(); it != m_elsewhere.end();) {
        it->removeIf([now](const auto &entry) { return entry.value() <= now; });
        it = it->isEmpty() ? m_elsewhere.erase(it) : std::next(it);
    }
    if (m_deadlines.isEmpty() && m_elsewhere.isEmpty())
        m_sweep.stop();
}

} // namespace Natter::Server
