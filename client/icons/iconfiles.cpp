// SPDX-License-Identifier: GPL-3.0-or-later
#include "iconfiles.h"

#include <QBuffer>
#include <QPainter>
#include <QSvgRenderer>
#include <QtEndian>

namespace Natter::Icons {

namespace {

void appendLittleEndian16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void appendLittleEndian32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void appendBigEndian32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

// The element type of a PNG of this size in an .icns file (Apple's names; the @2x types are not used).
QByteArray icnsType(int size)
{
    switch (size) {
    case 16:
        return "icp4";
    case 32:
        return "icp5";
    case 64:
        return "icp6";
    case 128:
        return "ic07";
    case 256:
        return "ic08";
    case 512:
        return "ic09";
    case 1024:
        return "ic10";
    default:
        return {};
    }
}

} // namespace

QImage render(const QByteArray &svg, int size)
{
    QSvgRenderer renderer(svg);
    if (!renderer.isValid() || size <= 0)
        return {};
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();
    return image.convertToFormat(QImage::Format_ARGB32);
}

QByteArray png(const QImage &image)
{
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return {};
    return data;
}

QByteArray ico(const QList<QImage> &images)
{
    QList<QByteArray> pngs;
    for (const QImage &image : images) {
        if (image.width() != image.height() || image.width() < 1 || image.width() > 256)
            return {};
        pngs.append(png(image));
        if (pngs.last().isEmpty())
            return {};
    }
    // ICONDIR, then one 16-byte ICONDIRENTRY per image, then the images.
    QByteArray out;
    appendLittleEndian16(out, 0);
    appendLittleEndian16(out, 1);
    appendLittleEndian16(out, quint16(images.size()));
    quint32 offset = 6 + 16 * quint32(images.size());
    for (qsizetype i = 0; i < images.size(); ++i) {
        const int size = images[i].width();
        out.append(char(size == 256 ? 0 : size)); // width; 0 means 256
        out.append(char(size == 256 ? 0 : size)); // height
        out.append(char(0));                      // no palette
        out.append(char(0));                      // reserved
        appendLittleEndian16(out, 1);             // colour planes
        appendLittleEndian16(out, 32);            // bits per pixel
        appendLittleEndian32(out, quint32(pngs[i].size()));
        appendLittleEndian32(out, offset);
        offset += quint32(pngs[i].size());
    }
    for (const QByteArray &data : pngs)
        out.append(data);
    return out;
}

QByteArray icns(const QList<QImage> &images)
{
    QByteArray elements;
    for (const QImage &image : images) {
        const QByteArray type = icnsType(image.width());
        const QByteArray data = png(image);
        if (image.width() != image.height() || type.isEmpty() || data.isEmpty())
            return {};
        elements.append(type);
        appendBigEndian32(elements, quint32(8 + data.size()));
        elements.append(data);
    }
    QByteArray out("icns");
    appendBigEndian32(out, quint32(8 + elements.size()));
    out.append(elements);
    return out;
}

} // namespace Natter::Icons
