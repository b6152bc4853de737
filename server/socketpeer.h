// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QBasicTimer>
#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QWebSocket>
#include <atomic>

namespace Natter::Server {

class OutputFlusher;

/// The I/O half of a client's connection: its WebSocket and the TCP socket under it, the frames waiting to
/// be written and the cap on them. It lives on one I/O thread (see IoThreads) and is only touched there;
/// ClientConnection, on the main thread, holds what the protocol needs to know about the client.
class SocketPeer : public QObject {
    Q_OBJECT
public:
    struct Limits {
        qint64 maxOutgoingBytes = 8 * 1024 * 1024;
        /// Frames read and handed to the main thread that it has not handled yet. On an I/O thread a client
        /// can be read faster than the main thread handles it; beyond this it is closed.
        int maxUnhandledFrames = 1024;
    };
    /// `tcp`: the socket under the WebSocket (null when unknown), which the peer then owns along with
    /// `socket`. `flusher`: the one of the thread the peer is going to live on.
    SocketPeer(QWebSocket *socket, QTcpSocket *tcp, const QString &peerAddress, Limits limits,
               OutputFlusher &flusher);
    ~SocketPeer() override;

    const QString &peerAddress() const { return m_peerAddress; }
    /// The main thread handled one of the frames this peer emitted (any thread may call it).
    void frameHandled() { m_unhandledFrames.fetch_sub(1, std::memory_order_relaxed); }

    /// Queues a frame (encoded once for however many recipients) to be written with the others of this
    /// turn of the event loop.
    void sendWire(const QByteArray &frame);
    /// Writes the queued frames now (OutputFlusher calls this).
    void flush();
    /// Bytes written for the peer that it has not taken yet (TLS: before and after encryption).
    qint64 unsentBytes() const;

    /// Closes with a close code, then drops the TCP connection if the peer does not finish closing soon
    /// (a peer that reads nothing never would).
    void closeForPolicy(QWebSocketProtocol::CloseCode code, const QString &reason);
    /// Milliseconds since the client last sent anything (a frame or a pong).
    qint64 idleMs() const { return m_lastActivity.elapsed(); }
    void ping();
    /// Drops the connection without a closing handshake (a peer that stopped answering).
    void abort();
    /// Writes what is queued, then closes: the server is going away.
    void close();

signals:
    void textReceived(const QString &text);
    void binaryReceived();
    void closed();
    /// The connection is being closed for breaking a limit (for the operator's log).
    void policyClose(const QString &reason);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    /// Counts a frame about to be emitted; false (and the connection closing) when too many wait already.
    bool handOver();
    qsizetype writeDirectly(const QList<QByteArray> &frames, qsizetype *offset);
    void checkBacklog();

    QPointer<QWebSocket> m_socket;
    QPointer<QTcpSocket> m_tcp;
    QPointer<OutputFlusher> m_flusher; // the thread's: either may be deleted first when the server goes
    QList<QByteArray> m_outgoing;      // frames not yet handed to the socket; shared with other recipients
    qint64 m_outgoingBytes = 0;
    bool m_flushScheduled = false;
    bool m_tls = false;          // m_tcp is a QSslSocket (looked up once, not per frame)
    bool m_directWrites = false; // plain TCP: written with sendmsg() while Qt's own buffer is empty
    bool m_closing = false;
    QBasicTimer m_backlogDeadline; // no QTimer object per connection: most never start it
    QBasicTimer m_closeDeadline;
    QString m_peerAddress;
    Limits m_limits;
    QElapsedTimer m_lastActivity;
    std::atomic<int> m_unhandledFrames = 0;
};

} // namespace Natter::Server
