// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ioworker.h"
#include "protocolerror.h"
#include "socketpeer.h"
#include "user.h"
#include "wireframe.h"

#include <QHostAddress>
#include <QObject>

namespace Natter::Server {

class DeadlineQueue;
class IoThreads;

/// One client as the protocol sees it, on the main thread: who it is signed in as, and the limits that
/// keep one client from holding the server: a deadline to sign in, a cap on requests in flight. Its socket
/// is a SocketPeer on one of the I/O threads; what is sent here reaches it in order.
class ClientConnection : public QObject {
    Q_OBJECT
public:
    struct Limits {
        int authTimeoutMs = 30'000;
        qint64 maxOutgoingBytes = 8 * 1024 * 1024;
        int maxRequestsInFlight = 64;
    };
    /// `peer` was made for `worker` and is handed to it here; the connection lets it go when destroyed.
    /// `address`: who the client is (behind a trusted proxy, the forwarded address).
    /// `signInDeadlines`: where the deadline to sign in is kept (its delay is authTimeoutMs).
    ClientConnection(SocketPeer *peer, IoWorker *worker, IoThreads &io, DeadlineQueue &signInDeadlines,
                     const QHostAddress &address, Limits limits, QObject *parent = nullptr);
    ~ClientConnection() override;

    /// The client's address as text, and the key its per-address limits are kept under.
    const QString &peerAddress() const { return m_peerAddress; }
    const QString &limitKey() const { return m_limitKey; }
    bool isAuthenticated() const { return m_user.id != 0; }
    const User &user() const { return m_user; }
    const QString &tokenHash() const { return m_tokenHash; }
    void setIdentity(const User &user, const QString &tokenHash);
    void clearIdentity();

    /// Queues a frame (encoded once for however many recipients) to be written with the others of this
    /// turn of the event loop.
    void sendWire(const WireFrame &frame);
    void sendFrame(const QJsonObject &frame);
    void reply(const QJsonValue &id, const QJsonObject &result = {});
    void replyError(const QJsonValue &id, const ProtocolError &error);

    /// Called for every frame received: each gets exactly one reply. False when the connection already has
    /// its maximum of unanswered requests (the caller answers rate_limited, which counts as the reply).
    bool startRequest();
    int requestsInFlight() const { return m_inFlight; }

    /// Closes with a close code once what was sent before has gone out (unless the peer let it pile up
    /// over the cap), then drops the TCP connection if the peer does not finish closing soon.
    void closeForPolicy(QWebSocketProtocol::CloseCode code, const QString &reason);
    /// Sends what is queued, then closes: the server is going away.
    void close();

    /// A deadline of the sign-in queue passed: closes the connection when it is the one it waits on.
    void signInDeadlinePassed(quint64 ticket);

signals:
    void textReceived(Natter::Server::ClientConnection *connection, const QString &text);
    void binaryReceived(Natter::Server::ClientConnection *connection);
    void closed(Natter::Server::ClientConnection *connection);
    /// The connection is being closed for breaking a limit (for the operator's log).
    void policyClose(Natter::Server::ClientConnection *connection, const QString &reason);

private:
    void finishRequest();
    void toPeer(IoWorker::Command::Kind kind, QByteArray bytes = {}, int closeCode = 0);

    SocketPeer *m_peer; // on m_worker's thread: only reached through IoThreads::post
    IoWorker *m_worker;
    IoThreads &m_io;
    bool m_peerHere; // the peer lives on this thread (the main thread's worker)
    QString m_peerAddress;
    QString m_limitKey;
    Limits m_limits;
    DeadlineQueue &m_signInDeadlines;
    quint64 m_signInTicket = 0; // the deadline waited on; 0: signed in
    int m_inFlight = 0;
    bool m_closing = false;
    User m_user;
    QString m_tokenHash;
};

} // namespace Natter::Server
