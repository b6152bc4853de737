// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "abuselog.h"
#include "presencetracker.h"
#include "ratelimiters.h"
#include "serverconfig.h"
#include "tlsplan.h"

#include <QAbstractSocket>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>
#include <memory>

class QTcpServer;
class QWebSocketServer;

namespace Natter::Server {

class ConnectionGate;
class DatabaseLock;
class ClusterBus;
class ClusterPresence;
class RoomFeed;
struct DatabaseLocation;
class DeadlineQueue;
class ClientConnection;
class HashingPool;
class IoThreads;
class MembershipCache;
class StorageReader;
class StorageWriter;
class RequestRouter;
struct ServerContext;
class TypingTracker;
struct Storage;

/// natterd without its main(): opens the database, accepts WebSocket clients and serves them.
class ChatServer : public QObject {
    Q_OBJECT
public:
    explicit ChatServer(ServerConfig config, QObject *parent = nullptr);
    ~ChatServer() override;

    /// Opens and migrates the database, starts the writer and reader threads and listens. False with `error`
    /// on failure.
    bool start(QString *error);
    /// Closes every connection, finishes pending writes and closes the database.
    void stop();

    QUrl url() const;
    /// This run's name among the instances of a shared database (random, made at each start).
    QString instanceId() const { return m_instanceId; }
    bool isTls() const { return m_tls != nullptr; }
    /// The SHA-256 fingerprint of the certificate served now; empty without TLS.
    QString certificateFingerprint() const;
    /// Reads the certificate and key again (a renewal) for the connections that come next; open ones keep
    /// theirs. On failure the certificate in use stays and `error` says why.
    bool reloadTls(QString *error);
    quint16 port() const;
    int connectionCount() const { return int(m_connections.size()); }
    /// Threads the sockets are spread over, the main one included.
    int ioThreadCount() const;
    int onlineUserCount() const { return m_presence.onlineUsers(); }
    /// For tests: TCP connections whose TLS or WebSocket handshake is not finished.
    int handshakesInProgress() const;
    bool isAcceptingPaused() const { return m_acceptPaused; }
    /// For tests: the persistence path's counters.
    const StorageWriter &writer() const { return *m_writer; }

private:
    bool openDatabase(const DatabaseLocation &database, QString *error);
    /// Several instances on one PostgreSQL database: listens to the others' commits and feeds them in.
    bool shareDatabase(const DatabaseLocation &database, QString *error);
    bool setUpTls(QString *error);
    void acceptTcpConnections();
    QWebSocketServer *nextHandshakeShard();
    void acceptWebSockets(QWebSocketServer *server);
    void connectionClosed(ClientConnection *connection);
    void acceptFailed(QAbstractSocket::SocketError error);
    void pauseAccepting();

    ServerConfig m_config;
    TlsPlan m_tlsPlan;
    std::unique_ptr<QSslConfiguration> m_tls;
    QString m_connectionName;
    std::unique_ptr<DatabaseLock> m_lock;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<MembershipCache> m_members;
    PresenceTracker m_presence;
    TypingTracker *m_typing; // a child
    RateLimiters m_limits;
    AbuseLog m_abuse;
    std::unique_ptr<StorageWriter> m_writer;
    std::unique_ptr<StorageReader> m_reader;
    std::unique_ptr<ServerContext> m_context;
    std::unique_ptr<RoomFeed> m_feed;
    std::unique_ptr<ClusterBus> m_bus;
    QString m_instanceId;
    std::unique_ptr<ClusterPresence> m_clusterPresence;
    std::unique_ptr<RequestRouter> m_router;
    // Declared after the handlers so that it is destroyed first: its pending callbacks use them.
    std::unique_ptr<HashingPool> m_hashing;
    QTcpServer *m_tcpServer = nullptr;
    QList<QWebSocketServer *> m_webSocketServers;
    int m_nextShard = 0;
    ConnectionGate *m_gate = nullptr;
    bool m_acceptPaused = false;
    long m_descriptorBudget = 0; // sockets natterd may hold: the open-file limit less a reserve; 0: none
    QSet<ClientConnection *> m_connections;
    std::unique_ptr<IoThreads> m_io;
    DeadlineQueue *m_signInDeadlines = nullptr; // a child
    QTimer m_sessionSweepTimer;
    QTimer m_acceptRetry; // takes waiting sockets again once the descriptor budget allows
};

} // namespace Natter::Server
