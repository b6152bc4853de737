// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientconnection.h"

#include "clientaddress.h"
#include "frames.h"
#include "protocollimits.h"

namespace Natter::Server {

namespace {
constexpr int kCloseGraceMs = 2000; // for the peer to read the close frame and answer it
}

ClientConnection::ClientConnection(QWebSocket *socket, const QHostAddress &address, Limits limits,
                                   QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_peerAddress(address.toString())
    , m_limitKey(ClientAddress::limitKey(address))
    , m_limits(limits)
{
    socket->setParent(this);
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
    // What the peer has not read yet stays in our memory; a peer that stops reading is cut off before it
    // costs more than the cap. Other connections are not affected: each socket has its own buffer.
    if (m_socket->bytesToWrite() > m_limits.maxOutgoingBytes) {
        closeForPolicy(QWebSocketProtocol::CloseCodePolicyViolated,
                       QStringLiteral("more than %1 bytes unread").arg(m_limits.maxOutgoingBytes));
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
