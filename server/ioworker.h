// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QBasicTimer>
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSet>

namespace Natter::Server {

class OutputFlusher;
class SocketPeer;

/// One I/O thread's share of the connections: their SocketPeers, the flusher that writes what they were
/// given, and the check for peers that stopped answering. Everything here runs on the worker's thread.
class IoWorker : public QObject {
    Q_OBJECT
public:
    struct Settings {
        int pingIntervalMs = 15'000;
        int idleTimeoutMs = 40'000;
    };
    /// What the main thread asks of one peer, carried out in the order asked.
    struct Command {
        enum class Kind : quint8 { Send, CloseForPolicy, Close, Drop };
        SocketPeer *peer = nullptr;
        Kind kind = Kind::Send;
        int closeCode = 0;
        QByteArray bytes; // Send: the frame; CloseForPolicy: the reason, in UTF-8
    };

    /// `index`: its place among IoThreads' workers (0: the main thread's).
    IoWorker(int index, Settings settings, QObject *parent = nullptr);

    int index() const { return m_index; }

    OutputFlusher &flusher() { return *m_flusher; }
    /// `peer` lives on this worker's thread from now on; it is deleted by a Drop command or shutdown().
    void adopt(SocketPeer *peer);
    void run(const Command &command);
    /// Runs a batch of commands and writes what they gave each peer.
    void runBatch(const QList<Command> &commands);
    /// Starts pinging the peers and dropping the silent ones.
    void startSweep();
    /// Closes and deletes every peer, then hands this object to `home` (the thread that will delete it).
    void shutdown(QThread *home);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void sweep();

    int m_index;
    Settings m_settings;
    OutputFlusher *m_flusher; // a child
    QSet<SocketPeer *> m_peers;
    QBasicTimer m_sweep;
};

} // namespace Natter::Server
