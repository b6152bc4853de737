// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientconnection.h"

#include "clientaddress.h"
#include "frames.h"
#include "protocollimits.h"

#include <QSslSocket>

namespace Natter::Server {

namespace {
constexpr int kCloseGraceMs = 2000;   // for the peer to read the close frame and answer it
constexpr int kBacklogGraceMs = 5000; // for a reading peer to take a burst over the cap
} // namespace

ClientConnection::ClientConnection(QWebSocket *socket, QTcpSocket *tcp, const QHostAddress &address,
                                   Limits limits, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_tcp(tcp)
    , m_peerAddress(address.toString())
    , m_limitKey(ClientAddress::limitKey(address))
    , m_limits(limits)
{
    socket->setParent(this);
    if (tcp) {
        tcp->setParent(this); // deleted with the connection, after the QWebSocket on it (an earlier child)
        // Every read is a chance to look at the backlog: a peer that floods pings and reads no pongs fills
        // it without natterd sending anything of its own.
        connect(tcp, &QTcpSocket::readyRead, this, &ClientConnection::checkBacklog);
    }
    m_backlogDeadline.setSingleShot(true);
    connect(&m_backlogDeadline, &QTimer::timeout, this, [this] {
        if (unsentBytes() > m_limits.maxOutgoingBytes) {
            closeForPolicy(QWebSocketProtocol::CloseCodePolicyViolated,
                           QStringLiteral("more than %1 bytes unread for %2 s")
                               .arg(m_limits.maxOutgoingBytes)
                               .arg(kBacklogGraceMs / 1000));
        }
    });
    // Qt's default allows 2 GiB frames; a chat message never needs more than a few KiB.
    socket->setMaxAllowedIncomingFrameSize(Natter::Limits::maxIncomingBytes);
    socket->setMaxAllowedIncomingMessageSize(Natter::Limits::maxIncomingBytes);
    m_lastActivity.start();
    connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        m_lastActivity.restart();
        emit textReceived(this, text);
    });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this] {
        m_lastActivity.restart();
        emit binaryReceived(this);
    });
    connect(socket, &QWebSocket::pong, this, [this] { m_lastActivity.restart(); });
    connect(socket, &QWebSocket::disconnected, this, [this] { emit closed(this); });

    m_authDeadline.setSingleShot(true);
    connect(&m_authDeadline, &QTimer::timeout, this, [this] {
        closeForPolicy(QWebSocketProtocol::CloseCodePolicyViolated,
                       QStringLiteral("sign in within %1 ms").arg(m_limits.authTimeoutMs));
    });
    m_authDeadline.start(m_limits.authTimeoutMs);
}

void ClientConnection::setIdentity(const User &user, const QString &tokenHash)
{
    m_user = user;
    m_tokenHash = tokenHash;
    m_authDeadline.stop();
}

void ClientConnection::clearIdentity()
{
    m_user = User{};
    m_tokenHash.clear();
    // Signed out but still connected: the same deadline as a new connection.
    m_authDeadline.start(m_limits.authTimeoutMs);
}

void ClientConnection::sendText(const QString &frame)
{
    if (m_closing || !m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_socket->sendTextMessage(frame);
    checkBacklog();
}

qint64 ClientConnection::unsentBytes() const
{
    if (!m_tcp)
        return m_socket ? m_socket->bytesToWrite() : 0;
    qint64 bytes = m_tcp->bytesToWrite();
    if (const auto *tls = qobject_cast<const QSslSocket *>(m_tcp.data()))
        bytes += tls->encryptedBytesToWrite();
    return bytes;
}

void ClientConnection::checkBacklog()
{
    // What the peer has not read stays in our memory. Over the cap, a peer has kBacklogGraceMs to read it
    // down (a burst to a reader is fine); over twice the cap it is cut off at once, so that no connection
    // holds more than that. Other connections are not affected: each socket has its own buffer.
    const qint64 backlog = unsentBytes();
    if (backlog > 2 * m_limits.maxOutgoingBytes) {
        closeForPolicy(QWebSocketProtocol::CloseCodePolicyViolated,
                       QStringLiteral("more than %1 bytes unread").arg(2 * m_limits.maxOutgoingBytes));
    } else if (backlog > m_limits.maxOutgoingBytes && !m_backlogDeadline.isActive()) {
        m_backlogDeadline.start(kBacklogGraceMs);
    }
}

void ClientConnection::sendFrame(const QJsonObject &frame)
{
    sendText(Frames::serialize(frame));
}

void ClientConnection::reply(const QJsonValue &id, const QJsonObject &result)
{
    finishRequest();
    sendFrame(Frames::ok(id, result));
}

void ClientConnection::replyError(const QJsonValue &id, const ProtocolError &error)
{
    finishRequest();
    sendFrame(error.toReply(id));
}

bool ClientConnection::startRequest()
{
    return ++m_inFlight <= m_limits.maxRequestsInFlight;
}

void ClientConnection::finishRequest()
{
    if (m_inFlight > 0)
        --m_inFlight;
}

void ClientConnection::closeForPolicy(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_closing || !m_socket)
        return;
    m_closing = true;
    emit policyClose(this, reason);
    m_socket->close(code, reason);
    QTimer::singleShot(kCloseGraceMs, this, [this] { abort(); });
}

void ClientConnection::ping()
{
    if (m_socket)
        m_socket->ping();
}

void ClientConnection::abort()
{
    if (m_socket)
        m_socket->abort();
}

void ClientConnection::close()
{
    if (m_socket)
        m_socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
}

} // namespace Natter::Server
