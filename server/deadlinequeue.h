// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <deque>
#include <functional>

namespace Natter::Server {

/// Deadlines that all lie the same time ahead of when they were set (a handshake's, a sign-in's), so that
/// they fall due in the order they were set: one timer for any number of them, instead of one per
/// connection. With ten thousand connections arriving at once, a timer each made every timer operation of
/// the thread (and every socket moved to another thread, which looks up its timers) walk ten thousand.
class DeadlineQueue : public QObject {
    Q_OBJECT
public:
    /// `expired(target, ticket)` is called for each deadline that passes, unless its target was deleted
    /// meanwhile; the target's owner compares the ticket with the one it still waits on (a deadline is not
    /// taken back, only forgotten).
    DeadlineQueue(int delayMs, std::function<void(QObject *target, quint64 ticket)> expired,
                  QObject *parent = nullptr);

    /// Sets a deadline delayMs from now for `target` (on this thread; may be null); returns its ticket
    /// (never 0).
    quint64 add(QObject *target);
    int delayMs() const { return m_delayMs; }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Entry {
        qint64 due;
        quint64 ticket;
        QPointer<QObject> target;
        bool hasTarget;
    };
    void arm();

    int m_delayMs;
    std::function<void(QObject *, quint64)> m_expired;
    std::deque<Entry> m_entries; // in the order set, which is the order due
    QElapsedTimer m_clock;
    QBasicTimer m_timer;
    quint64 m_nextTicket = 1;
};

} // namespace Natter::Server
