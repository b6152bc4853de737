// SPDX-License-Identifier: GPL-3.0-or-later
#include "socketpeer.h"

#include "outputflusher.h"
#include "protocollimits.h"
#include "wireframe.h"

#include <QSslSocket>
#include <QTimerEvent>
#include <cerrno>
#include <sys/socket.h>
#include <sys/uio.h>

namespace Natter::Server {

namespace {
constexpr int kCloseGraceMs = 2000;   // for the peer to read the close frame and answer it
constexpr int kBacklogGraceMs = 5000; // for a reading peer to take a burst over the cap
} // namespace

SocketPeer::SocketPeer(QWebSocket *socket, QTcpSocket *tcp, const QString &peerAddress, Limits limits,
                       OutputFlusher &flusher)
    : m_socket(socket)
    , m_tcp(tcp)
    , m_flusher(&flusher)
    , m_tls(qobject_cast<QSslSocket *>(tcp) != nullptr)
    , m_directWrites(tcp && !m_tls && tcp->socketDescriptor() >= 0)
    , m_peerAddress(peerAddress)
    , m_limits(limits)
{
    socket->setParent(this);
    if (tcp) {
        tcp->setParent(this); // deleted with the peer, after the QWebSocket on it (an earlier child)
        // Every read is a chance to look at the backlog: a peer that floods pings and reads no pongs fills
        // it without natterd sending anything of its own.
        connect(tcp, &QTcpSocket::readyRead, this, &SocketPeer::checkBacklog);
        // Qt writes one chunk of its buffer per write notification: a peer catching up on a backlog would get
        // a few KiB per turn of a busy event loop. Once the socket takes data again, give it all it takes.
        // Not for TLS: QSslSocket reports bytesWritten when plain text is encrypted, not when the socket
        // drains, and flushes from inside its own transmit().
        if (m_directWrites) {
            connect(tcp, &QTcpSocket::bytesWritten, this, [this] {
                if (m_tcp && m_tcp->bytesToWrite() > 0)
                    m_tcp->flush();
            });
        }
    }
    // Qt's default allows 2 GiB frames; a chat message never needs more than a few KiB.
    socket->setMaxAllowedIncomingFrameSize(Natter::Limits::maxIncomingBytes);
    socket->setMaxAllowedIncomingMessageSize(Natter::Limits::maxIncomingBytes);
    m_lastActivity.start();
    connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        m_lastActivity.restart();
        if (handOver())
            emit textReceived(text);
    });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this] {
        m_lastActivity.restart();
        if (handOver())
            emit binaryReceived();
    });
    connect(socket, &QWebSocket::pong, this, [this] { m_lastActivity.restart(); });
    connect(socket, &QWebSocket::disconnected, this, &SocketPeer::closed);
}

SocketPeer::~SocketPeer()
{
    // Also when not marked: close() flushes directly, and the flusher may still hold the pointer.
    if (m_flusher)
        m_flusher->forget(this);
}

void SocketPeer::sendWire(const QByteArray &frame)
{
    if (m_closing || !m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_outgoing.append(frame);
    m_outgoingBytes += frame.size();
    if (!m_flushScheduled && m_flusher) {
        m_flushScheduled = true;
        m_flusher->schedule(this);
    }
    checkBacklog();
}

void SocketPeer::flush()
{
    m_flushScheduled = false;
    if (m_outgoing.isEmpty())
        return;
    const QList<QByteArray> frames = std::exchange(m_outgoing, {});
    m_outgoingBytes = 0;
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (!m_tcp) {
        // No socket of ours under the WebSocket (the gate did not see its handshake): QWebSocket frames it.
        for (const QByteArray &frame : frames)
            m_socket->sendTextMessage(QString::fromUtf8(WireFrame::payloadOf(frame)));
        return;
    }
    qsizetype next = 0;
    qsizetype offset = 0;
    // Straight to the kernel while Qt holds nothing of this socket's (a pong or close QWebSocket wrote
    // itself would otherwise be overtaken). QWebSocket writes each of its own frames whole, on this thread,
    // so frames never interleave.
    if (m_directWrites && m_tcp->bytesToWrite() == 0)
        next = writeDirectly(frames, &offset);
    // What the kernel did not take goes to Qt's buffer, which writes it as the peer reads.
    if (next < frames.size()) {
        m_tcp->write(frames.at(next).constData() + offset, frames.at(next).size() - offset);
        for (qsizetype i = next + 1; i < frames.size(); ++i)
            m_tcp->write(frames.at(i));
    }
    checkBacklog();
}

qsizetype SocketPeer::writeDirectly(const QList<QByteArray> &frames, qsizetype *offset)
{
    constexpr int kMaxVectors = 64;
    const int fd = int(m_tcp->socketDescriptor());
    qsizetype next = 0;
    while (next < frames.size()) {
        iovec vectors[kMaxVectors];
        int count = 0;
        for (qsizetype i = next; i < frames.size() && count < kMaxVectors; ++i, ++count) {
            const qsizetype skip = i == next ? *offset : 0;
            vectors[count].iov_base = const_cast<char *>(frames.at(i).constData() + skip);
            vectors[count].iov_len = size_t(frames.at(i).size() - skip);
        }
        msghdr message{};
        message.msg_iov = vectors;
        message.msg_iovlen = size_t(count);
        // MSG_NOSIGNAL: a peer that has gone is Qt's to notice, not a SIGPIPE's.
        const ssize_t written = ::sendmsg(fd, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            break; // EAGAIN, or an error Qt will report when it writes the rest
        }
        qsizetype left = qsizetype(written);
        while (next < frames.size() && left >= frames.at(next).size() - *offset) {
            left -= frames.at(next).size() - *offset;
            *offset = 0;
            ++next;
        }
        *offset += left;
        if (left > 0 || count < kMaxVectors)
            break; // a short write: the socket's buffer is full
    }
    return next;
}

bool SocketPeer::handOver()
{
    // Also while closing: what the client sent before it hears of the close is still carried out.
    if (m_unhandledFrames.fetch_add(1, std::memory_order_relaxed) < m_limits.maxUnhandledFrames)
        return true;
    m_unhandledFrames.fetch_sub(1, std::memory_order_relaxed);
    closeForPolicy(
        QWebSocketProtocol::CloseCodePolicyViolated,
        QStringLiteral("more than %1 frames waiting for the server").arg(m_limits.maxUnhandledFrames));
    return false;
}

qint64 SocketPeer::unsentBytes() const
{
    if (!m_tcp)
        return m_outgoingBytes + (m_socket ? m_socket->bytesToWrite() : 0);
    qint64 bytes = m_outgoingBytes + m_tcp->bytesToWrite();
    if (m_tls)
        bytes += static_cast<const QSslSocket *>(m_tcp.data())->encryptedBytesToWrite();
    return bytes;
}

void SocketPeer::checkBacklog()
{
    // What the peer has not read stays in our memory. Over the cap, a peer has kBacklogGraceMs to read it
    // down (a burst to a reader is fine); over twice the cap it is cut off at once, so that no connection
    // holds more than that. Other connections are not affected: each socket has its own buffer.
    const qint64 backlog = unsentBytes();
    if (backlog > 2 * m_limits.maxOutgoingBytes) {
        closeForPolicy(QWebSocketProtocol::CloseCodePolicyViolated,
                       QStringLiteral("more than %1 bytes unread").arg(2 * m_limits.maxOutgoingBytes));
    } else if (backlog > m_limits.maxOutgoingBytes && !m_backlogDeadline.isActive()) {
        m_backlogDeadline.start(kBacklogGraceMs, this);
    }
}

void SocketPeer::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_backlogDeadline.timerId()) {
        m_backlogDeadline.stop();
        if (unsentBytes() > m_limits.maxOutgoingBytes) {
            closeForPolicy(QWebSocketProtocol::CloseCodePolicyViolated,
                           QStringLiteral("more than %1 bytes unread for %2 s")
                               .arg(m_limits.maxOutgoingBytes)
                               .arg(kBacklogGraceMs / 1000));
        }
    } else if (event->timerId() == m_closeDeadline.timerId()) {
        m_closeDeadline.stop();
        abort();
    } else {
        QObject::timerEvent(event);
    }
}

void SocketPeer::closeForPolicy(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_closing || !m_socket)
        return;
    // Replies already given go out before the close frame (a failed login as the sign-in deadline passes);
    // a backlog over the cap, the peer that does not read it, is dropped.
    if (unsentBytes() <= m_limits.maxOutgoingBytes)
        flush();
    m_closing = true;
    m_outgoing.clear();
    m_outgoingBytes = 0;
    emit policyClose(reason);
    // Closed from the event loop, not here: this may run inside a delivery to many connections, and
    // QWebSocket's close can disconnect at once, which takes the connection out of the lists being walked.
    QMetaObject::invokeMethod(
        this,
        [this, code, reason] {
            if (m_socket)
                m_socket->close(code, reason);
            m_closeDeadline.start(kCloseGraceMs, this);
        },
        Qt::QueuedConnection);
}

void SocketPeer::ping()
{
    if (m_socket)
        m_socket->ping();
}

void SocketPeer::abort()
{
    if (m_socket)
        m_socket->abort();
}

void SocketPeer::close()
{
    flush(); // replies and events already given go out before the close frame
    if (m_socket)
        m_socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
}

} // namespace Natter::Server
