// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocolerror.h"
#include "user.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QWebSocket>

namespace Natter::Server {

/// One client's WebSocket and who it is signed in as.
class ClientConnection : public QObject {
    Q_OBJECT
public:
    explicit ClientConnection(QWebSocket *socket, QObject *parent = nullptr);

    QString peerAddress() const { return m_peerAddress; }
    bool isAuthenticated() const { return m_user.id != 0; }
    const User &user() const { return m_user; }
    const QString &tokenHash() const { return m_tokenHash; }
    void setIdentity(const User &user, const QString &tokenHash);
    void clearIdentity();

    void sendText(const QString &frame);
    void sendFrame(const QJsonObject &frame);
    void reply(const QJsonValue &id, const QJsonObject &result = {});
    void replyError(const QJsonValue &id, const ProtocolError &error);

    /// Milliseconds since the client last sent anything (a frame or a pong).
    qint64 idleMs() const { return m_lastActivity.elapsed(); }
    void ping();
    /// Drops the connection without a closing handshake (a peer that stopped answering).
    void abort();
    void close();

signals:
    void textReceived(Natter::Server::ClientConnection *connection, const QString &text);
    void binaryReceived(Natter::Server::ClientConnection *connection);
    void closed(Natter::Server::ClientConnection *connection);

private:
    QPointer<QWebSocket> m_socket;
    QString m_peerAddress;
    User m_user;
    QString m_tokenHash;
    QElapsedTimer m_lastActivity;
};

} // namespace Natter::Server
