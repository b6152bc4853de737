// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ioworker.h"

#include <QList>
#include <QObject>

class QThread;

namespace Natter::Server {

/// The threads natterd's sockets live on: the main thread, which also runs the protocol, and count - 1 more,
/// each with its own event loop. Connections are spread over them in turn. The main thread hands work to
/// the others in batches: what it gives one thread's peers while handling one event (a message for a room
/// of a thousand, say) crosses to that thread as one posted event, not one per recipient.
class IoThreads : public QObject {
    Q_OBJECT
public:
    /// `count` ≥ 1; 1 keeps every socket on the calling (main) thread.
    IoThreads(int count, IoWorker::Settings settings, QObject *parent = nullptr);
    ~IoThreads() override;

    int count() const { return int(m_workers.size()); }
    /// The worker the next connection goes to.
    IoWorker *next();
    /// The main thread's.
    IoWorker *mainWorker() const { return m_workers.first(); }
    /// Moves `peer` to `worker`'s thread, after the events already queued here (QWebSocketServer may still
    /// have a call queued for the socket from its handshake) and before any command for it reaches that
    /// thread. Connect to the peer's signals first.
    void adopt(IoWorker *worker, SocketPeer *peer);
    /// Has `worker` carry out `command`: at once on the main thread, else with the rest of this turn's batch.
    void post(IoWorker *worker, IoWorker::Command command);
    /// Closes every peer and ends the threads.
    void stop();

private:
    void moveWaitingPeers();
    void postBatches();

    QList<IoWorker *> m_workers; // [0] lives on the main thread
    QList<QThread *> m_threads;  // m_threads[i - 1] runs m_workers[i]
    QList<QList<IoWorker::Command>> m_batches;
    QList<QPair<IoWorker *, SocketPeer *>> m_waitingPeers; // adopted, not yet moved
    bool m_moveScheduled = false;
    int m_next = 0;
    bool m_postScheduled = false;
};

} // namespace Natter::Server
