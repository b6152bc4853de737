// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawclient.h"

#include <QRandomGenerator>
#include <QTest>

namespace Natter::Test {

RawClient::RawClient(const QHostAddress &from, QObject *parent)
    : QObject(parent)
    , m_from(from)
{
    connect(&m_socket, &QTcpSocket::readyRead, this, [this] {
        if (m_reading)
            m_received += m_socket.readAll();
    });
}

bool RawClient::connectTo(const QUrl &url, int timeoutMs)
{
    m_url = url;
    if (!m_socket.bind(m_from, 0)) {
        qWarning() << "cannot bind to" << m_from << m_socket.errorString();
        return false;
    }
    // A small window: what the server sends piles up on its side soon, not in this process's kernel.
    m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    m_socket.connectToHost(url.host(), quint16(url.port()));
    return QTest::qWaitFor([this] { return isConnected(); }, timeoutMs);
}

void RawClient::write(const QByteArray &bytes)
{
    m_socket.write(bytes);
}

bool RawClient::handshake(int timeoutMs)
{
    QByteArray key(16, '\0');
    for (char &c : key)
        c = char(QRandomGenerator::global()->bounded(256));
    write("GET / HTTP/1.1\r\nHost: " + m_url.host().toLatin1() + ':' + QByteArray::number(m_url.port()) +
          "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key.toBase64() +
          "\r\nSec-WebSocket-Version: 13\r\n\r\n");
    return waitForText("HTTP/1.1 101", timeoutMs) && waitForText("\"hello\"", timeoutMs);
}

void RawClient::sendText(const QByteArray &utf8)
{
    QByteArray frame;
    frame.append(char(0x81)); // FIN + text
    const qint64 size = utf8.size();
    if (size < 126) {
        frame.append(char(0x80 | size));
    } else if (size < 65536) {
        frame.append(char(0x80 | 126));
        frame.append(char(size >> 8));
        frame.append(char(size & 0xff));
    } else {
        frame.append(char(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((size >> shift) & 0xff));
    }
    char mask[4];
    for (char &c : mask)
        c = char(QRandomGenerator::global()->bounded(256));
    frame.append(mask, 4);
    for (qint64 i = 0; i < size; ++i)
        frame.append(char(utf8.at(i) ^ mask[i % 4]));
    write(frame);
}

bool RawClient::waitForText(const QByteArray &needle, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_received.contains(needle); }, timeoutMs);
}

void RawClient::stopReading()
{
    m_reading = false;
    // Qt stops taking data from the kernel once its own buffer holds this much.
    m_socket.setReadBufferSize(1);
}

void RawClient::resumeReading()
{
    m_reading = true;
    m_socket.setReadBufferSize(0);
    // stopReading() shrank the kernel's receive buffer too (Qt sets SO_RCVBUF with the read buffer): a
    // window of a few KiB would take minutes for what waits. As large as the system allows.
    m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 16 * 1024 * 1024);
    m_received.append(m_socket.readAll());
}

bool RawClient::waitForDisconnect(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                           timeoutMs);
}

} // namespace Natter::Test
