// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiongate.h"

#include "clientaddress.h"

#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

namespace Natter::Server {

namespace {
void decrement(QHash<QString, int> &counts, const QString &key)
{
    auto it = counts.find(key);
    if (it != counts.end() && --*it <= 0)
        counts.erase(it);
}
} // namespace

ConnectionGate::ConnectionGate(Limits limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
{}

QString ConnectionGate::socketKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char('#') + QString::number(port);
}

int ConnectionGate::connectionsFrom(const QHostAddress &address) const
{
    return m_connectionsPerAddress.value(ClientAddress::limitKey(address));
}

ConnectionGate::Verdict ConnectionGate::admit(QTcpSocket *socket, bool perAddress)
{
    const QString addressKey = perAddress ? ClientAddress::limitKey(socket->peerAddress()) : QString();
    if (m_handshaking.size() >= m_limits.maxHandshakes)
        return Verdict::TooManyHandshakes;
    if (perAddress) {
        if (m_handshakesPerAddress.value(addressKey) >= m_limits.maxHandshakesPerAddress)
            return Verdict::TooManyHandshakesFromAddress;
        if (m_connectionsPerAddress.value(addressKey) >= m_limits.maxConnectionsPerAddress)
            return Verdict::TooManyFromAddress;
        ++m_handshakesPerAddress[addressKey];
        countUntilDestroyed(socket, addressKey);
    }
    ++m_openSockets;
    connect(new QObject(socket), &QObject::destroyed, this, [this] { --m_openSockets; });
    const QString key = socketKey(socket->peerAddress(), socket->peerPort());
    m_handshaking.insert(key, Pending{socket, addressKey});
    connect(socket, &QObject::destroyed, this, [this, key] { forget(key); });
    // QWebSocketServer does not reliably delete the sockets it was handed (seen with Qt 6.4: a closed
    // connection's QTcpSocket stayed until natterd stopped). natterd owns them: during the handshake a
    // socket deletes itself when it disconnects; after it, its ClientConnection owns it.
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);

    auto *deadline = new QTimer(socket);
    deadline->setObjectName(QStringLiteral("natter-handshake-deadline"));
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, socket, key] {
        if (!m_handshaking.contains(key))
            return;
        emit handshakeTimedOut(socket->peerAddress());
        forget(key);
        socket->abort();
        socket->deleteLater();
    });
    deadline->start(m_limits.handshakeTimeoutMs);
    return Verdict::Admitted;
}

bool ConnectionGate::established(const QWebSocket *socket, const QHostAddress &client, bool countClient,
                                 QTcpSocket **tcpSocket)
{
    const QString key = socketKey(socket->peerAddress(), socket->peerPort());
    const auto pending = m_handshaking.constFind(key);
    QTcpSocket *tcp = pending != m_handshaking.constEnd() ? pending->socket : nullptr;
    if (tcp) {
        if (auto *deadline = tcp->findChild<QTimer *>(QStringLiteral("natter-handshake-deadline"),
                                                      Qt::FindDirectChildrenOnly))
            deadline->stop();
        // From now on the socket lives as long as the connection that the caller gives it to.
        disconnect(tcp, &QTcpSocket::disconnected, tcp, &QObject::deleteLater);
        forget(key);
    }
    *tcpSocket = tcp;
    if (!countClient)
        return true;
    const QString addressKey = ClientAddress::limitKey(client);
    if (m_connectionsPerAddress.value(addressKey) >= m_limits.maxConnectionsPerAddress)
        return false;
    // Counted until the TCP socket goes (it outlives the QWebSocket on it).
    countUntilDestroyed(tcp ? static_cast<QObject *>(tcp) : const_cast<QWebSocket *>(socket), addressKey);
    return true;
}

void ConnectionGate::countUntilDestroyed(QObject *socket, const QString &addressKey)
{
    ++m_connectionsPerAddress[addressKey];
    // A child, not the socket's own destroyed(): QWebSocket disconnects every signal of the socket under it.
    auto *ticket = new QObject(socket);
    connect(ticket, &QObject::destroyed, this,
            [this, addressKey] { decrement(m_connectionsPerAddress, addressKey); });
}

void ConnectionGate::forget(const QString &key)
{
    const auto it = m_handshaking.find(key);
    if (it == m_handshaking.end())
        return;
    if (!it->addressKey.isEmpty())
        decrement(m_handshakesPerAddress, it->addressKey);
    m_handshaking.erase(it);
}

} // namespace Natter::Server
