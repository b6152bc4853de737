// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocolerror.h"
#include "user.h"
#include "wireframe.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

namespace Natter::Server {

/// One client's WebSocket and who it is signed in as, and the limits that keep one client from holding
/// the server's memory: a deadline to sign in, a cap on unread replies, a cap on requests in flight.
class OutputFlusher;

class ClientConnection : public QObject {
    Q_OBJECT
public:
    struct Limits {
        int authTimeoutMs = 30'000;
        qint64 maxOutgoingBytes = 8 * 1024 * 1024;
        int maxRequestsInFlight = 64;
    };
    /// `address`: who the client is (behind a trusted proxy, the forwarded address). `tcp`: the socket under
    /// the WebSocket, which the connection then owns (its backlog is what the peer has not read).
    ClientConnection(QWebSocket *socket, QTcpSocket *tcp, const QHostAddress &address, Limits limits,
                     OutputFlusher &flusher, QObject *parent = nullptr);
    ~ClientConnection() override;

    /// The client's address as text, and the key its per-address limits are kept under.
    QString peerAddress() const { return m_peerAddress; }
    const QString &limitKey() const { return m_limitKey; }
    bool isAuthenticated() const { return m_user.id != 0; }
    const User &user() const { return m_user; }
    const QString &tokenHash() const { return m_tokenHash; }
    void setIdentity(const User &user, const QString &tokenHash);
    void clearIdentity();

    /// Queues a frame (encoded once for however many recipients) to be written with the others of this
    /// turn of the event loop.
    void sendWire(const WireFrame &frame);
    /// Writes the queued frames now (OutputFlusher calls this).
    void flush();
    void sendFrame(const QJsonObject &frame);
    void reply(const QJsonValue &id, const QJsonObject &result = {});
    void replyError(const QJsonValue &id, const ProtocolError &error);

    /// Called for every frame received: each gets exactly one reply. False when the connection already has
    /// its maximum of unanswered requests (the caller answers rate_limited, which counts as the reply).
    bool startRequest();
    int requestsInFlight() const { return m_inFlight; }
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
    void close();

signals:
    void textReceived(Natter::Server::ClientConnection *connection, const QString &text);
    void binaryReceived(Natter::Server::ClientConnection *connection);
    void closed(Natter::Server::ClientConnection *connection);
    /// The connection is being closed for breaking a limit (for the operator's log).
    void policyClose(Natter::Server::ClientConnection *connection, const QString &reason);

private:
    void finishRequest();
    qsizetype writeDirectly(const QList<QByteArray> &frames, qsizetype *offset);
    void checkBacklog();

    QPointer<QWebSocket> m_socket;
    QPointer<QTcpSocket> m_tcp;
    QPointer<OutputFlusher> m_flusher; // a sibling: either may be deleted first when the server goes
    QList<QByteArray> m_outgoing;      // frames not yet handed to the socket; shared with other recipients
    qint64 m_outgoingBytes = 0;
    bool m_flushScheduled = false;
    bool m_directWrites = false; // plain TCP: written with sendmsg() while Qt's own buffer is empty
    QTimer m_backlogDeadline;
    QString m_peerAddress;
    QString m_limitKey;
    Limits m_limits;
    QTimer m_authDeadline;
    int m_inFlight = 0;
    bool m_closing = false;
    User m_user;
    QString m_tokenHash;
    QElapsedTimer m_lastActivity;
};

} // namespace Natter::Server
