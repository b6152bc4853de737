// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>

namespace Natter::Server {

/// A server-to-client WebSocket text frame (RFC 6455: unmasked, unfragmented), encoded once. An event for
/// a thousand members is serialized and framed once, and every recipient's socket gets the same bytes,
/// instead of QWebSocket turning the text into UTF-8 and a frame again for each of them.
class WireFrame {
public:
    /// The compact JSON of `frame`.
    static WireFrame fromJson(const QJsonObject &frame);
    /// `utf8` must be valid UTF-8 (what QJsonDocument writes is).
    explicit WireFrame(QByteArrayView utf8);

    /// Header and payload: what goes on the wire.
    const QByteArray &bytes() const { return m_bytes; }
    /// The JSON text alone.
    QByteArrayView payload() const { return QByteArrayView(m_bytes).sliced(m_headerSize); }
    /// The JSON text of frame bytes made by this class.
    static QByteArrayView payloadOf(const QByteArray &bytes);

private:
    QByteArray m_bytes;
    qsizetype m_headerSize = 0;
};

} // namespace Natter::Server
