// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>

namespace Natter::Server {

class SocketPeer;

/// Writes what each connection was given during one batch of the event loop's work, in one system call per
/// connection, once that batch is done. A message to a room of a hundred then costs a hundred writes
/// however many frames each member gets in the batch, and no connection's frames wait on its socket
/// notifier: Qt writes one buffered chunk per notification, which falls behind (and grows without end)
/// once the event loop is busy.
class OutputFlusher : public QObject {
    Q_OBJECT
public:
    explicit OutputFlusher(QObject *parent = nullptr);
    /// `peer` has frames waiting: it is flushed after the events already queued.
    void schedule(SocketPeer *peer);
    /// `peer` is going away.
    void forget(SocketPeer *peer);
    /// Writes what every peer was given until now.
    void flushAll();

private:
    QList<SocketPeer *> m_waiting;
    bool m_scheduled = false;
};

} // namespace Natter::Server
