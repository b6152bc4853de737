// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiongate.h"

#include "clientaddress.h"
#include "deadlinequeue.h"

#include <QTcpSocket>
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
    , m_deadlines(new DeadlineQueue(
          limits.handshakeTimeoutMs, [this](QObject *, quint64 ticket) { deadlinePassed(ticket); }, this))
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
    const quint64 deadline = m_deadlines->add(nullptr);
    m_handshaking.insert(key, Pending{socket, addressKey, deadline});
    m_deadlineKeys.insert(deadline, key);
    connect(socket, &QObject::destroyed, this, [this, key] { forget(key); });
    // QWebSocketServer does not reliably delete the sockets it was handed (seen with Qt 6.4: a closed
    // connection's QTcpSocket stayed until natterd stopped). natterd owns them: during the handshake a
    // socket deletes itself when it disconnects; after it, its ClientConnection owns it.
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    return Verdict::Admitted;
}

bool ConnectionGate::established(const QWebSocket *socket, const QHostAddress &client, bool countClient,
                                 QTcpSocket **tcpSocket)
{
    const QString key = socketKey(socket->peerAddress(), socket->peerPort());
    const auto pending = m_handshaking.constFind(key);
    QTcpSocket *tcp = pending != m_handshaking.constEnd() ? pending->socket : nullptr;
    if (tcp) {
        // From now on the socket lives as long as the connection that the caller gives it to (perhaps on
        // another thread), and its key may come back with a new handshake before it is destroyed.
        disconnect(tcp, &QTcpSocket::disconnected, tcp, &QObject::deleteLater);
        disconnect(tcp, &QObject::destroyed, this, nullptr);
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

void ConnectionGate::deadlinePassed(quint64 ticket)
{
    const QString key = m_deadlineKeys.take(ticket);
    const auto it = m_handshaking.constFind(key);
    if (key.isEmpty() || it == m_handshaking.constEnd() || it->deadline != ticket)
        return; // finished or gone meanwhile
    QTcpSocket *socket = it->socket;
    emit handshakeTimedOut(socket->peerAddress());
    forget(key);
    socket->abort();
    socket->deleteLater();
}

void ConnectionGate::forget(const QString &key)
{
    const auto it = m_handshaking.find(key);
    if (it == m_handshaking.end())
        return;
    m_deadlineKeys.remove(it->deadline);
    if (!it->addressKey.isEmpty())
        decrement(m_handshakesPerAddress, it->addressKey);
    m_handshaking.erase(it);
}

} // namespace Natter::Server
