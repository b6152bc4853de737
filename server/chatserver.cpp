// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatserver.h"

#include "clientaddress.h"
#include "clientconnection.h"
#include "clusterbus.h"
#include "clusterpresence.h"
#include "connectiongate.h"
#include "database.h"
#include "databaselock.h"
#include "deadlinequeue.h"
#include "delivery.h"
#include "events.h"
#include "frames.h"
#include "hashingpool.h"
#include "iothreads.h"
#include "logging.h"
#include "membershipcache.h"
#include "migrator.h"
#include "protocollimits.h"
#include "requestrouter.h"
#include "roomfeed.h"
#include "roomview.h"
#include "securerandom.h"
#include "servercontext.h"
#include "storage.h"
#include "storagereader.h"
#include "storagewriter.h"
#include "systemlimits.h"
#include "tlscertificates.h"
#include "tlsserver.h"
#include "typingtracker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>
#include <algorithm>

namespace Natter::Server {

namespace {
constexpr int kSessionSweepMs = 3600 * 1000; // expired sessions already fail; this only tidies the table
constexpr int kAcceptQueue = 16;             // accepted sockets Qt may hold for us, beyond the budget
constexpr int kHandshakeShards = 32;         // QWebSocketServers the handshakes are spread over
} // namespace

ChatServer::ChatServer(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_connectionName(QStringLiteral("natter-main-%1").arg(quintptr(this), 0, 16))
    , m_typing(new TypingTracker(
          Limits::typingExpiryMs,
          [this](qint64 room, const User &user, bool typing) {
              // The others in the room (a member who left meanwhile no longer is one).
              if (m_context)
                  Delivery::toRoomEverywhere(*m_context, room, TypingEvent{room, user, typing}.toJson(),
                                             user.id);
          },
          this))
    , m_limits(m_config)
{
    m_config.gate.maxHandshakes = m_config.maxPendingConnections;
    m_acceptRetry.setSingleShot(true);
    connect(&m_acceptRetry, &QTimer::timeout, this, &ChatServer::acceptTcpConnections);
    connect(&m_sessionSweepTimer, &QTimer::timeout, this, [this] {
        if (m_router)
            m_router->auth().removeIdleSessions();
    });
}

ChatServer::~ChatServer()
{
    stop();
}

bool ChatServer::start(QString *error)
{
    const std::optional<DatabaseLocation> database = m_config.resolvedDatabase(error);
    if (!database)
        return false;
    // An SQLite file is natterd's alone: one process at a time. A PostgreSQL database is shared by every
    // instance.
    if (!database->isPostgres()) {
        if (!Database::prepareFiles(database->path, error))
            return false;
        m_lock = std::make_unique<DatabaseLock>(database->path);
        if (!m_lock->acquire(error)) {
            m_lock.reset();
            return false;
        }
    }
    if (!openDatabase(*database, error)) {
        Database::close(m_connectionName);
        m_lock.reset();
        return false;
    }
    m_writer = std::make_unique<StorageWriter>(*database);
    const bool shared = database->isPostgres() && m_config.sharedDatabase;
    m_instanceId = QString::fromLatin1(SecureRandom::bytes(8).toHex());
    if (shared)
        m_writer->announceCommitsAs(m_instanceId);
    if (!m_writer->start(error)) {
        stop();
        return false;
    }
    m_members = std::make_unique<MembershipCache>(m_storage->rooms);
    connect(m_writer.get(), &StorageWriter::membershipsChanged, this,
            [this](const QSet<qint64> &rooms) { m_members->forget(rooms); });
    m_reader = std::make_unique<StorageReader>(*database);
    if (!m_reader->start(error)) {
        stop();
        return false;
    }
    m_hashing = std::make_unique<HashingPool>(
        m_config.scrypt,
        HashingPool::Limits{m_config.hashThreads, m_config.hashQueue, m_config.hashQueuePerAddress});
    m_context.reset(new ServerContext{m_config, *m_storage, *m_hashing, *m_writer, *m_reader, m_presence,
                                      *m_typing, m_limits, m_abuse, *m_members});
    m_feed = std::make_unique<RoomFeed>(*m_context);
    m_context->feed = m_feed.get();
    if (shared && !shareDatabase(*database, error)) {
        stop();
        return false;
    }
    m_router = std::make_unique<RequestRouter>(*m_context);
    m_signInDeadlines = new DeadlineQueue(
        m_config.connection.authTimeoutMs,
        [](QObject *connection, quint64 ticket) {
            static_cast<ClientConnection *>(connection)->signInDeadlinePassed(ticket);
        },
        this);
    m_io = std::make_unique<IoThreads>(m_config.resolvedIoThreads(),
                                       IoWorker::Settings{m_config.pingIntervalMs, m_config.idleTimeoutMs});

    if (!setUpTls(error)) {
        stop();
        return false;
    }
    // SecureMode only makes the handshake see wss:// URLs: natterd accepts and encrypts the sockets itself.
    // Several: QWebSocketServer finds the socket of each handshake it reads with QObject::sender(), which
    // walks every socket in handshake with it; ten thousand clients arriving at once made that quadratic.
    for (int i = 0; i < kHandshakeShards; ++i) {
        auto *server = new QWebSocketServer(
            QStringLiteral("natterd"), m_tls ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode,
            this);
        server->setMaxPendingConnections(m_config.maxPendingConnections);
        connect(server, &QWebSocketServer::newConnection, this, [this, server] { acceptWebSockets(server); });
        m_webSocketServers.append(server);
    }

    // Our own QTcpServer: QWebSocketServer's listen() keeps Qt's backlog of 50, which turns a reconnect storm
    // into tens of seconds of SYN retries.
    m_gate = new ConnectionGate(m_config.gate, this);
    connect(m_gate, &ConnectionGate::handshakeTimedOut, this, [this](const QHostAddress &peer) {
        m_abuse.report(ClientAddress::limitKey(peer), QStringLiteral("handshake timed out"));
    });
    m_tcpServer = m_tls ? new TlsServer(*m_tls, this) : new QTcpServer(this);
    m_tcpServer->setListenBacklogSize(m_config.listenBacklog);
    // Qt keeps accepting until this many sockets wait for us; natterd takes them at once while it is under
    // its descriptor budget, and leaves them waiting when it is not, which stops Qt accepting more.
    m_tcpServer->setMaxPendingConnections(kAcceptQueue);
    connect(m_tcpServer, &QTcpServer::newConnection, this, &ChatServer::acceptTcpConnections);
    connect(m_tcpServer, &QTcpServer::acceptError, this, &ChatServer::acceptFailed);
    if (!m_tcpServer->listen(m_config.listenAddress, m_config.port)) {
        *error = QStringLiteral("cannot listen on %1 port %2: %3")
                     .arg(m_config.listenAddress.toString())
                     .arg(m_config.port)
                     .arg(m_tcpServer->errorString());
        stop();
        return false;
    }
    const long files = SystemLimits::openFileLimit();
    if (files > 0)
        // Sockets Qt holds accepted in its queue are descriptors too: counted out of the budget, so that a
        // full queue never eats into what the database, logs and pipes need (natterd at EMFILE cannot open
        // a file, and sanitizers cannot even make the pipe they probe memory with).
        m_descriptorBudget = std::max<long>(1, files - m_config.reservedDescriptors - kAcceptQueue);
    m_router->auth().removeIdleSessions();
    m_sessionSweepTimer.start(kSessionSweepMs);
    qCInfo(lcServer).noquote() << "serving" << url().toString() << "with database" << database->display()
                               << "on" << m_io->count()
                               << (m_io->count() == 1 ? "I/O thread" : "I/O threads");
    if (!m_tls && !m_config.listenAddress.isLoopback()) {
        qCWarning(lcSecurity).noquote() << "TLS is off on" << m_config.listenAddress.toString()
                                        << ": passwords and tokens cross the network in clear text unless a "
                                           "TLS-terminating proxy is in front";
    }
    return true;
}

bool ChatServer::openDatabase(const DatabaseLocation &database, QString *error)
{
    // Scoped: a connection can only be closed once no handle of it is left.
    const QSqlDatabase db = Database::open(database, m_connectionName, error);
    if (!db.isValid()) {
        *error = QStringLiteral("cannot open the database %1: %2").arg(database.display(), *error);
        return false;
    }
    const QString path = database.display();
    if (m_config.integrityCheck && !database.isPostgres()) {
        QElapsedTimer timer;
        timer.start();
        QString problem;
        if (!Database::quickCheck(db, &problem)) {
            *error = QStringLiteral("the database %1 is damaged (%2); restore a backup, or start with "
                                    "--skip-integrity-check to serve what can still be read")
                         .arg(path, problem);
            return false;
        }
        qCInfo(lcStorage) << "integrity check passed in" << timer.elapsed() << "ms";
    }
    QString problem;
    if (!Database::checkWritable(db, &problem)) {
        *error = QStringLiteral("cannot write the database %1: %2").arg(path, problem);
        return false;
    }
    if (database.isPostgres() && !Database::claim(db, m_config.sharedDatabase, &problem)) {
        *error = QStringLiteral("the database %1 is in use by another natterd (%2)").arg(path, problem);
        return false;
    }
    if (!Migrator(db).migrate(error))
        return false;
    m_storage = std::make_unique<Storage>(db);
    return true;
}

bool ChatServer::shareDatabase(const DatabaseLocation &database, QString *error)
{
    // Listening first, then reading where each room is: a commit in between is both read and notified,
    // and the feed delivers it once.
    m_bus = std::make_unique<ClusterBus>(database, m_instanceId, m_config.instanceHeartbeatMs);
    if (!m_bus->start(error) || !m_feed->share(error))
        return false;
    connect(m_bus.get(), &ClusterBus::membershipsChanged, this,
            [this](const QSet<qint64> &rooms) { m_members->forget(rooms); });
    connect(m_bus.get(), &ClusterBus::roomsChanged, this,
            [this](const QSet<qint64> &rooms) { m_feed->remote(rooms); });
    m_clusterPresence = std::make_unique<ClusterPresence>(
        *m_context, m_instanceId,
        ClusterPresence::Timing{m_config.instanceHeartbeatMs, m_config.instanceDeadAfterMs});
    if (!m_clusterPresence->start(error))
        return false;
    m_presence.onLocalChange([presence = m_clusterPresence.get()](qint64 userId, bool online) {
        presence->localChange(userId, online);
    });
    connect(m_bus.get(), &ClusterBus::presenceChanged, m_clusterPresence.get(),
            &ClusterPresence::changedElsewhere);
    connect(m_bus.get(), &ClusterBus::instanceDead, this,
            [this](const QString &instance) { m_typing->forgetInstance(instance); });
    connect(m_bus.get(), &ClusterBus::eventForRoom, this,
            [this](qint64 room, const QJsonObject &event, qint64 except, const QString &instance) {
                if (event.value(QLatin1String("type")).toString() == TypingEvent::type) {
                    if (const auto typing = TypingEvent::fromJson(event))
                        m_typing->setElsewhere(typing->room, typing->user.id, instance, typing->typing);
                }
                Delivery::toRoom(*m_context, room, event, except);
            });
    connect(m_bus.get(), &ClusterBus::eventForUser, this,
            [this](qint64 user, const QJsonObject &event) { Delivery::toUser(*m_context, user, event); });
    connect(m_bus.get(), &ClusterBus::roomJoined, this, [this](qint64 user, qint64 room) {
        if (m_presence.connectionsOf(user).isEmpty())
            return;
        if (const auto row = m_storage->rooms.find(room); row && m_storage->rooms.isMember(room, user))
            Delivery::toUser(*m_context, user, RoomJoinedEvent{roomView(*m_context, *row, user)}.toJson());
    });
    connect(m_bus.get(), &ClusterBus::sessionsRevoked, this, [this](qint64 user) {
        if (m_router)
            m_router->auth().signOutRevoked(user);
    });
    m_context->cluster = m_bus.get();
    connect(m_bus.get(), &ClusterBus::checked, this, [this] { m_feed->retry(); });
    connect(m_bus.get(), &ClusterBus::resumed, this, [this] {
        m_members->forgetAll();
        m_typing->forgetAllElsewhere();
        m_feed->resume();
        m_clusterPresence->resync();
    });
    qCInfo(lcServer).noquote() << "sharing the database with other instances as" << m_instanceId;
    return true;
}

void ChatServer::stop()
{
    // The other instances take over this one's users at once (those only here go offline), rather than
    // when its heartbeat is missed; closing the connections below then has nothing more to tell them.
    m_presence.onLocalChange({});
    m_clusterPresence.reset();
    if (m_context)
        m_context->cluster = nullptr;
    m_bus.reset();
    m_sessionSweepTimer.stop();
    m_acceptRetry.stop();
    if (m_tcpServer)
        m_tcpServer->close();
    const auto connections = m_connections;
    for (ClientConnection *connection : connections) {
        connection->disconnect(this);
        connection->close();
        delete connection;
    }
    m_connections.clear();
    // Those that closed and wait for their deleteLater() let their peers go while the threads still run.
    qDeleteAll(findChildren<ClientConnection *>(Qt::FindDirectChildrenOnly));
    // Their close frames are written and their sockets closed on the threads they live on.
    if (m_io)
        m_io->stop();
    // Sign-ins in flight finish before the handlers and storage they use go away.
    m_hashing.reset();
    if (m_writer)
        m_writer->stop();
    // Searches still queued are dropped: their connections are gone.
    if (m_reader)
        m_reader->stop();
    m_router.reset();
    m_feed.reset();
    m_context.reset();
    m_writer.reset();
    m_reader.reset();
    m_members.reset();
    if (m_storage) {
        m_storage.reset();
        Database::close(m_connectionName);
    }
    delete m_tcpServer;
    m_tcpServer = nullptr;
    qDeleteAll(m_webSocketServers);
    m_webSocketServers.clear();
    delete m_gate;
    m_gate = nullptr;
    m_lock.reset(); // last: the database is closed
}

bool ChatServer::setUpTls(QString *error)
{
    const TlsPlan plan = TlsPlan::forConfig(m_config);
    m_tlsPlan = plan;
    if (!plan.enabled)
        return true;
    if (!plan.prepare(m_config, error))
        return false;
    auto configuration = TlsCertificates::load(plan.certificate, plan.privateKey, error);
    if (!configuration)
        return false;
    m_tls = std::make_unique<QSslConfiguration>(*configuration);
    return true;
}

bool ChatServer::reloadTls(QString *error)
{
    if (!m_tls) {
        *error = QStringLiteral("TLS is off");
        return false;
    }
    auto configuration = TlsCertificates::load(m_tlsPlan.certificate, m_tlsPlan.privateKey, error);
    if (!configuration)
        return false; // the certificate in use stays
    *m_tls = *configuration;
    if (auto *server = qobject_cast<TlsServer *>(m_tcpServer))
        server->setConfiguration(*configuration);
    qCInfo(lcServer).noquote() << "reloaded the TLS certificate; sha256" << certificateFingerprint();
    return true;
}

QString ChatServer::certificateFingerprint() const
{
    if (!m_tls || m_tls->localCertificate().isNull())
        return {};
    return TlsCertificates::fingerprint(m_tls->localCertificate());
}

QUrl ChatServer::url() const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setHost(m_tcpServer ? m_tcpServer->serverAddress().toString() : m_config.listenAddress.toString());
    url.setPort(port());
    return url;
}

quint16 ChatServer::port() const
{
    return m_tcpServer ? m_tcpServer->serverPort() : 0;
}

int ChatServer::ioThreadCount() const
{
    return m_io ? m_io->count() : 0;
}

int ChatServer::handshakesInProgress() const
{
    return m_gate ? m_gate->handshakesInProgress() : 0;
}

void ChatServer::acceptTcpConnections()
{
    while (m_tcpServer && m_tcpServer->hasPendingConnections()) {
        if (m_descriptorBudget > 0 && m_gate->openSockets() >= m_descriptorBudget) {
            // Out of descriptors soon. Pausing the QTcpServer is not enough: at EMFILE, Qt 6.4's accept loop
            // was seen spinning at 100 % CPU. Sockets left in its queue make it stop accepting instead;
            // they are taken when connections have closed.
            m_abuse.report(
                QStringLiteral("*"),
                QStringLiteral("as many sockets open as the open-file limit allows; accepting paused"));
            if (!m_acceptRetry.isActive())
                m_acceptRetry.start(m_config.acceptRetryMs);
            return;
        }
        QTcpSocket *socket = m_tcpServer->nextPendingConnection();
        if (socket->state() != QAbstractSocket::ConnectedState) {
            // The peer left while the socket waited in Qt's queue: its disconnected() has been emitted
            // already, so admitted it would hold a handshake slot and a descriptor until the deadline.
            socket->deleteLater();
            continue;
        }
        const bool viaProxy = ClientAddress::isTrusted(socket->peerAddress(), m_config.trustedProxies);
        const ConnectionGate::Verdict verdict = m_gate->admit(socket, !viaProxy);
        if (verdict != ConnectionGate::Verdict::Admitted) {
            const QString key = ClientAddress::limitKey(socket->peerAddress());
            switch (verdict) {
            case ConnectionGate::Verdict::TooManyHandshakes:
                m_abuse.report(QStringLiteral("*"),
                               QStringLiteral("refused: too many handshakes in progress"));
                break;
            case ConnectionGate::Verdict::TooManyHandshakesFromAddress:
                m_abuse.report(key, QStringLiteral("refused: too many handshakes from this address"));
                break;
            case ConnectionGate::Verdict::TooManyFromAddress:
                m_abuse.report(key, QStringLiteral("refused: too many connections from this address"));
                break;
            case ConnectionGate::Verdict::Admitted:
                break;
            }
            socket->abort();
            socket->deleteLater();
            continue;
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (auto *tls = qobject_cast<QSslSocket *>(socket)) {
            // The WebSocket handshake starts once TLS is up; the gate's deadline covers both.
            connect(tls, &QSslSocket::encrypted, this,
                    [this, tls] { nextHandshakeShard()->handleConnection(tls); });
            // With this object as the context, like every connection of the socket to the main thread that
            // acceptWebSockets() cuts before the socket moves to an I/O thread.
            connect(
                tls, &QSslSocket::sslErrors, this,
                [this, key = ClientAddress::limitKey(tls->peerAddress())](const QList<QSslError> &errors) {
                    m_abuse.report(key,
                                   QStringLiteral("TLS handshake failed: ") + errors.value(0).errorString());
                });
            tls->startServerEncryption();
        } else {
            nextHandshakeShard()->handleConnection(socket);
        }
    }
}

void ChatServer::pauseAccepting()
{
    if (m_acceptPaused || !m_tcpServer)
        return;
    m_tcpServer->pauseAccepting();
    m_acceptPaused = true;
    QTimer::singleShot(m_config.acceptRetryMs, this, [this] {
        m_acceptPaused = false;
        if (m_tcpServer)
            m_tcpServer->resumeAccepting();
    });
}

void ChatServer::acceptFailed(QAbstractSocket::SocketError error)
{
    // Out of file descriptors (EMFILE/ENFILE) or another resource: the pending connection stays in the
    // kernel's queue, so retrying at once would spin. Pause, and try again a little later.
    qCDebug(lcNet) << "accept failed:" << error << m_tcpServer->errorString();
    m_abuse.report(QStringLiteral("*"), QStringLiteral("cannot accept new connections; accepting paused"));
    pauseAccepting();
}

QWebSocketServer *ChatServer::nextHandshakeShard()
{
    m_nextShard = (m_nextShard + 1) % int(m_webSocketServers.size());
    return m_webSocketServers.at(m_nextShard);
}

void ChatServer::acceptWebSockets(QWebSocketServer *server)
{
    while (QWebSocket *socket = server->nextPendingConnection()) {
        if (socket->state() != QAbstractSocket::ConnectedState) {
            // Gone while its handshake finished: its disconnected() was emitted already, and a connection
            // made for it would never hear that it closed.
            socket->deleteLater();
            continue;
        }
        const QHostAddress peer = socket->peerAddress();
        const bool viaProxy = ClientAddress::isTrusted(peer, m_config.trustedProxies);
        const QHostAddress client =
            viaProxy ? ClientAddress::forwardedFor(peer, socket->request().rawHeader("X-Forwarded-For"),
                                                   m_config.trustedProxies)
                     : peer;
        QTcpSocket *tcp = nullptr;
        if (!m_gate->established(socket, client, viaProxy, &tcp)) {
            m_abuse.report(ClientAddress::limitKey(client),
                           QStringLiteral("refused: too many connections from this address"));
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                          QStringLiteral("too many connections from your address"));
            socket->deleteLater();
            if (tcp)
                tcp->deleteLater();
            continue;
        }
        if (tcp) {
            // The socket may move to another thread: nothing here may hear from it any more. QWebSocketServer
            // would delete it when it disconnects (found with sender(), which a queued call can leave
            // dangling), and the TLS handshake's slots are done.
            tcp->disconnect(server);
            tcp->disconnect(this);
        }
        // Without its TCP socket (the gate did not see the handshake) a WebSocket stays on this thread.
        IoWorker *worker = tcp ? m_io->next() : m_io->mainWorker();
        auto *socketPeer = new SocketPeer(socket, tcp, client.toString(),
                                          SocketPeer::Limits{m_config.connection.maxOutgoingBytes,
                                                             16 * m_config.connection.maxRequestsInFlight},
                                          worker->flusher());
        auto *connection = new ClientConnection(socketPeer, worker, *m_io, *m_signInDeadlines, client,
                                                m_config.connection, this);
        m_connections.insert(connection);
        connect(connection, &ClientConnection::textReceived, this,
                [this](ClientConnection *c, const QString &text) { m_router->handleText(c, text); });
        connect(connection, &ClientConnection::binaryReceived, this,
                [this](ClientConnection *c) { m_router->handleBinary(c); });
        connect(connection, &ClientConnection::closed, this, &ChatServer::connectionClosed);
        connect(connection, &ClientConnection::policyClose, this,
                [this](ClientConnection *c, const QString &reason) {
                    m_abuse.report(c->limitKey(), QStringLiteral("closed: ") + reason);
                });
        connection->sendFrame(HelloEvent{Limits::protocolVersion,
                                         QStringLiteral("natterd %1").arg(QStringLiteral(NATTER_VERSION))}
                                  .toJson());
        qCDebug(lcNet) << "connection from" << connection->peerAddress() << "now" << m_connections.size();
    }
}

void ChatServer::connectionClosed(ClientConnection *connection)
{
    if (!m_connections.remove(connection))
        return;
    m_router->auth().signOut(connection);
    connection->deleteLater();
    qCDebug(lcNet) << "connection closed, now" << m_connections.size();
}

} // namespace Natter::Server
