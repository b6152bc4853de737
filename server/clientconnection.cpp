// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientconnection.h"

#include "frames.h"
#include "protocollimits.h"

namespace Natter::Server {

ClientConnection::ClientConnection(QWebSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_peerAddress(socket->peerAddress().toString())
{
    socket->setParent(this);
    // Qt's default allows 2 GiB frames; a chat message never needs more than a few KiB.
    socket->setMaxAllowedIncomingFrameSize(Limits::maxIncomingBytes);
    socket->setMaxAllowedIncomingMessageSize(Limits::maxIncomingBytes);
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
}

void ClientConnection::setIdentity(const User &user, const QString &tokenHash)
{
    m_user = user;
    m_tokenHash = tokenHash;
}

void ClientConnection::clearIdentity()
{
    m_user = User{};
    m_tokenHash.clear();
}

void ClientConnection::sendText(const QString &frame)
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->sendTextMessage(frame);
}

void ClientConnection::sendFrame(const QJsonObject &frame)
{
    sendText(Frames::serialize(frame));
}

void ClientConnection::reply(const QJsonValue &id, const QJsonObject &result)
{
    sendFrame(Frames::ok(id, result));
}

void ClientConnection::replyError(const QJsonValue &id, const ProtocolError &error)
{
    sendFrame(error.toReply(id));
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
