// SPDX-License-Identifier: GPL-3.0-or-later
#include "typingstate.h"

#include <QDeadlineTimer>

namespace Natter::Client {

namespace {
qint64 nowMs()
{
    return QDeadlineTimer::current().deadline();
}
} // namespace

TypingState::TypingState(int expiryMs, QObject *parent)
    : QObject(parent)
    , m_expiryMs(expiryMs)
{
    m_sweep.setInterval(std::max(50, expiryMs / 6));
    connect(&m_sweep, &QTimer::timeout, this, &TypingState::expire);
}

void TypingState::set(qint64 room, const User &user, bool typing)
{
    QList<Entry> &entries = m_rooms[room];
    const auto at = std::find_if(entries.begin(), entries.end(),
                                 [&](const Entry &entry) { return entry.user.id == user.id; });
    const bool was = at != entries.end();
    if (typing) {
        const qint64 deadline = nowMs() + m_expiryMs;
        if (was)
            at->deadlineMs = deadline;
        else
            entries.append(Entry{user, deadline});
        if (!m_sweep.isActive())
            m_sweep.start();
    } else if (was) {
        entries.erase(at);
    }
    if (entries.isEmpty())
        m_rooms.remove(room);
    if (was != typing)
        emit changed(room);
}

QStringList TypingState::typingIn(qint64 room) const
{
    QStringList names;
    for (const Entry &entry : m_rooms.value(room))
        names.append(entry.user.username);
    return names;
}

void TypingState::clear()
{
    const QList<qint64> rooms = m_rooms.keys();
    m_rooms.clear();
    m_sweep.stop();
    for (const qint64 room : rooms)
        emit changed(room);
}

void TypingState::expire()
{
    const qint64 now = nowMs();
    QList<qint64> changedRooms;
    for (auto it = m_rooms.begin(); it != m_rooms.end();) {
        const auto removed = it->removeIf([now](const Entry &entry) { return entry.deadlineMs <= now; });
        if (removed > 0)
            changedRooms.append(it.key());
        it = it->isEmpty() ? m_rooms.erase(it) : std::next(it);
    }
    if (m_rooms.isEmpty())
        m_sweep.stop();
    for (const qint64 room : std::as_const(changedRooms))
        emit changed(room);
}

} // namespace Natter::Client
