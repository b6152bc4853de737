// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QObject>
#include <QTcpSocket>
#include <QUrl>

namespace Natter::Test {

/// A hostile client, written by hand on a bare TCP socket: it can come from another loopback address
/// (127.0.0.2, ...), stop half-way through the handshake, send frames without reading what comes back,
/// or read nothing at all. Test servers listen on 127.0.0.1; all of this stays on loopback.
class RawClient : public QObject {
    Q_OBJECT
public:
    explicit RawClient(const QHostAddress &from = QHostAddress(QStringLiteral("127.0.0.2")),
                       QObject *parent = nullptr);

    /// TCP connect only; true once connected.
    bool connectTo(const QUrl &url, int timeoutMs = 10000);
    /// Sends `bytes` raw (a part of a handshake, say).
    void write(const QByteArray &bytes);
    /// Sends the WebSocket upgrade request and waits for the 101 and the hello frame.
    bool handshake(int timeoutMs = 10000);
    /// Sends one masked text frame, as a client must.
    void sendText(const QByteArray &utf8);
    /// Waits until what arrived so far contains `needle` (nothing is consumed).
    bool waitForText(const QByteArray &needle, int timeoutMs = 10000);
    /// From now on reads nothing: the kernel's buffers fill and the server has to hold what it sends.
    void stopReading();
    /// Reads again: what the server held back comes.
    void resumeReading();
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    bool waitForDisconnect(int timeoutMs = 10000);
    const QByteArray &received() const { return m_received; }

private:
    QHostAddress m_from;
    QTcpSocket m_socket;
    QUrl m_url;
    QByteArray m_received;
    bool m_reading = true;
};

} // namespace Natter::Test
