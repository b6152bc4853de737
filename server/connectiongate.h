// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>

class QTcpSocket;
class QWebSocket;

namespace Natter::Server {

class DeadlineQueue;

/// Admission of TCP connections before they become chat connections, so that no single address can hold
/// the server's sockets: a cap on handshakes (TLS and WebSocket) in progress, in total and per address, a
/// cap on connections per address, and a deadline for each handshake. QWebSocketServer only times out the
/// handshakes of sockets it accepted itself; natterd accepts its own.
class ConnectionGate : public QObject {
    Q_OBJECT
public:
    struct Limits {
        int handshakeTimeoutMs = 10'000;
        int maxHandshakes = 4096;
        int maxHandshakesPerAddress = 8;
        int maxConnectionsPerAddress = 32;
    };
    enum class Verdict { Admitted, TooManyHandshakes, TooManyHandshakesFromAddress, TooManyFromAddress };

    explicit ConnectionGate(Limits limits, QObject *parent = nullptr);

    /// For a socket just accepted. When admitted, the socket counts until it is destroyed and is aborted
    /// if its handshake has not finished in time. `perAddress`: false for a trusted proxy's sockets, whose
    /// clients are counted once their address is known (established()).
    Verdict admit(QTcpSocket *socket, bool perAddress);
    /// The WebSocket handshake of `socket`'s TCP connection finished; `client` is who it counts as
    /// (counted here when `countClient`, for a proxy's connections). False when that address already has
    /// its maximum of connections (the caller closes it). `tcpSocket`: the TCP socket under it, which the
    /// caller must own from now on (or null if unknown).
    bool established(const QWebSocket *socket, const QHostAddress &client, bool countClient,
                     QTcpSocket **tcpSocket);

    int handshakesInProgress() const { return int(m_handshaking.size()); }
    /// Sockets admitted and not yet destroyed: each holds a file descriptor.
    int openSockets() const { return m_openSockets; }
    int connectionsFrom(const QHostAddress &address) const;

signals:
    /// A handshake ran out of time and its socket was aborted.
    void handshakeTimedOut(const QHostAddress &peer);

private:
    struct Pending {
        QTcpSocket *socket;
        QString addressKey; // empty when not counted per address
        quint64 deadline;   // its ticket in m_deadlines
    };
    static QString socketKey(const QHostAddress &address, quint16 port);
    void forget(const QString &socketKey);
    void countUntilDestroyed(QObject *socket, const QString &addressKey);
    void deadlinePassed(quint64 ticket);

    Limits m_limits;
    QHash<QString, Pending> m_handshaking;      // by peer address and port
    QHash<QString, int> m_handshakesPerAddress; // by ClientAddress::limitKey
    QHash<QString, int> m_connectionsPerAddress;
    int m_openSockets = 0;
    DeadlineQueue *m_deadlines;             // a child: the handshakes' deadlines, in one timer
    QHash<quint64, QString> m_deadlineKeys; // ticket: the socket key whose deadline it is
};

} // namespace Natter::Server
