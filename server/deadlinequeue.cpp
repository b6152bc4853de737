// SPDX-License-Identifier: GPL-3.0-or-later
#include "deadlinequeue.h"

#include <QTimerEvent>

namespace Natter::Server {

DeadlineQueue::DeadlineQueue(int delayMs, std::function<void(QObject *, quint64)> expired, QObject *parent)
    : QObject(parent)
    , m_delayMs(delayMs)
    , m_expired(std::move(expired))
{
    m_clock.start();
}

quint64 DeadlineQueue::add(QObject *target)
{
    const quint64 ticket = m_nextTicket++;
    m_entries.push_back(Entry{m_clock.elapsed() + m_delayMs, ticket, target, target != nullptr});
    if (!m_timer.isActive())
        arm();
    return ticket;
}

void DeadlineQueue::arm()
{
    if (m_entries.empty()) {
        m_timer.stop();
        return;
    }
    const qint64 wait = std::max<qint64>(0, m_entries.front().due - m_clock.elapsed());
    // Precise: a deadline passes when it says, not up to 5 % later as a coarse timer would.
    m_timer.start(int(wait), Qt::PreciseTimer, this);
}

void DeadlineQueue::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_timer.stop();
    const qint64 now = m_clock.elapsed();
    while (!m_entries.empty() && m_entries.front().due <= now) {
        const Entry entry = std::move(m_entries.front());
        m_entries.pop_front();
        if (!entry.hasTarget || entry.target)
            m_expired(entry.target.data(), entry.ticket); // may add() again
    }
    if (!m_timer.isActive())
        arm();
}

} // namespace Natter::Server
