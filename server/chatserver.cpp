// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatserver.h"

#include "authhandler.h"
#include "clientconnection.h"
#include "database.h"
#include "frames.h"
#include "hashingpool.h"
#include "logging.h"
#include "messagehandler.h"
#include "migrator.h"
#include "requestrouter.h"
#include "roomhandler.h"
#include "servercontext.h"
#include "storage.h"
#include "storagewriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocketServer>

namespace Natter::Server {

ChatServer::ChatServer(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_connectionName(QStringLiteral("natter-main-%1").arg(quintptr(this), 0, 16))
    , m_loginLimiter(m_config.loginLimit)
    , m_registerLimiter(m_config.registerLimit)
    , m_joinLimiter(m_config.joinLimit)
    , m_sendLimiter(m_config.sendLimit)
{
    connect(&m_pingTimer, &QTimer::timeout, this, &ChatServer::pingConnections);
}

ChatServer::~ChatServer()
{
    stop();
}

bool ChatServer::start(QString *error)
{
    const QString path = m_config.resolvedDatabasePath();
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QStringLiteral("cannot create the directory of %1").arg(path);
        return false;
    }
    bool migrated = false;
    {
        // Scoped: a connection can only be closed once no handle of it is left.
        const QSqlDatabase db = Database::open(path, m_connectionName, error);
        if (!db.isValid())
            return false;
        migrated = Migrator(db).migrate(error);
        if (migrated)
            m_storage = std::make_unique<Storage>(db);
    }
    if (!migrated) {
        Database::close(m_connectionName);
        return false;
    }
    m_writer = std::make_unique<StorageWriter>(path);
    if (!m_writer->start(error)) {
        stop();
        return false;
    }
    m_hashing = std::make_unique<HashingPool>(m_config.scrypt, m_config.hashThreads);
    m_context.reset(new ServerContext{*m_storage, *m_hashing, *m_writer, m_presence, m_loginLimiter,
                                      m_registerLimiter, m_joinLimiter, m_sendLimiter});
    m_auth = std::make_unique<AuthHandler>(*m_context);
    m_rooms = std::make_unique<RoomHandler>(*m_context);
    m_messages = std::make_unique<MessageHandler>(*m_context);
    m_router = std::make_unique<RequestRouter>(*m_auth, *m_rooms, *m_messages);

    m_webSocketServer =
        new QWebSocketServer(QStringLiteral("natterd"), QWebSocketServer::NonSecureMode, this);
    m_webSocketServer->setMaxPendingConnections(m_config.maxPendingConnections);
    connect(m_webSocketServer, &QWebSocketServer::newConnection, this, &ChatServer::acceptWebSockets);

    // Our own QTcpServer: QWebSocketServer's listen() keeps Qt's backlog of 50, which turns a reconnect storm
    // into tens of seconds of SYN retries.
    m_tcpServer = new QTcpServer(this);
    m_tcpServer->setListenBacklogSize(m_config.listenBacklog);
    m_tcpServer->setMaxPendingConnections(m_config.maxPendingConnections);
    connect(m_tcpServer, &QTcpServer::newConnection, this, &ChatServer::acceptTcpConnections);
    if (!m_tcpServer->listen(m_config.listenAddress, m_config.port)) {
        *error = QStringLiteral("cannot listen on %1 port %2: %3")
                     .arg(m_config.listenAddress.toString())
                     .arg(m_config.port)
                     .arg(m_tcpServer->errorString());
        stop();
        return false;
    }
    m_pingTimer.start(m_config.pingIntervalMs);
    qCInfo(lcServer).noquote() << "serving" << url().toString() << "with database" << path;
    return true;
}

void ChatServer::stop()
{
    m_pingTimer.stop();
    if (m_tcpServer)
        m_tcpServer->close();
    const auto connections = m_connections;
    for (ClientConnection *connection : connections) {
        connection->disconnect(this);
        connection->close();
        delete connection;
    }
    m_connections.clear();
    // Sign-ins in flight finish before the handlers and storage they use go away.
    m_hashing.reset();
    if (m_writer)
        m_writer->stop();
    m_router.reset();
    m_messages.reset();
    m_rooms.reset();
    m_auth.reset();
    m_context.reset();
    m_writer.reset();
    if (m_storage) {
        m_storage.reset();
        Database::close(m_connectionName);
    }
    delete m_tcpServer;
    m_tcpServer = nullptr;
    delete m_webSocketServer;
    m_webSocketServer = nullptr;
}

QUrl ChatServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(m_tcpServer ? m_tcpServer->serverAddress().toString() : m_config.listenAddress.toString());
    url.setPort(port());
    return url;
}

quint16 ChatServer::port() const
{
    return m_tcpServer ? m_tcpServer->serverPort() : 0;
}

void ChatServer::acceptTcpConnections()
{
    while (QTcpSocket *socket = m_tcpServer->nextPendingConnection()) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_webSocketServer->handleConnection(socket);
    }
}

void ChatServer::acceptWebSockets()
{
    while (QWebSocket *socket = m_webSocketServer->nextPendingConnection()) {
        auto *connection = new ClientConnection(socket, this);
        m_connections.insert(connection);
        connect(connection, &ClientConnection::textReceived, this,
                [this](ClientConnection *c, const QString &text) { m_router->handleText(c, text); });
        connect(connection, &ClientConnection::binaryReceived, this,
                [this](ClientConnection *c) { m_router->handleBinary(c); });
        connect(connection, &ClientConnection::closed, this, &ChatServer::connectionClosed);
        connection->sendFrame(
            Frames::hello(QStringLiteral("natterd %1").arg(QStringLiteral(NATTER_VERSION))));
        qCDebug(lcNet) << "connection from" << connection->peerAddress() << "now" << m_connections.size();
    }
}

void ChatServer::connectionClosed(ClientConnection *connection)
{
    if (!m_connections.remove(connection))
        return;
    m_auth->signOut(connection);
    connection->deleteLater();
    qCDebug(lcNet) << "connection closed, now" << m_connections.size();
}

void ChatServer::pingConnections()
{
    const auto connections = m_connections;
    for (ClientConnection *connection : connections) {
        if (connection->idleMs() > m_config.idleTimeoutMs) {
            qCInfo(lcNet) << "dropping" << connection->peerAddress() << "after" << connection->idleMs()
                          << "ms without an answer";
            connection->abort(); // emits closed() → connectionClosed()
        } else {
            connection->ping();
        }
    }
}

} // namespace Natter::Server
