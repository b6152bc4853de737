// SPDX-License-Identifier: GPL-3.0-or-later
#include "wireframe.h"

#include <QJsonDocument>

namespace Natter::Server {

WireFrame WireFrame::fromJson(const QJsonObject &frame)
{
    return WireFrame(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

WireFrame::WireFrame(QByteArrayView utf8)
{
    const quint64 size = quint64(utf8.size());
    char header[10];
    qsizetype length = 0;
    header[length++] = char(0x81); // FIN, text
    if (size < 126) {
        header[length++] = char(size);
    } else if (size <= 0xffff) {
        header[length++] = char(126);
        header[length++] = char(size >> 8);
        header[length++] = char(size & 0xff);
    } else {
        header[length++] = char(127);
        for (int shift = 56; shift >= 0; shift -= 8)
            header[length++] = char((size >> shift) & 0xff);
    }
    m_bytes.reserve(length + utf8.size());
    m_bytes.append(header, length);
    m_bytes.append(utf8);
    m_headerSize = length;
}

QByteArrayView WireFrame::payloadOf(const QByteArray &bytes)
{
    if (bytes.size() < 2)
        return {};
    const quint8 length = quint8(bytes.at(1)) & 0x7f;
    return QByteArrayView(bytes).sliced(length == 127 ? 10 : length == 126 ? 4 : 2);
}

} // namespace Natter::Server
