// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>

// The application icon in every file format the installers need, all drawn from the one SVG:
// PNGs for the freedesktop hicolor theme, a Windows .ico and a macOS .icns. Both container formats hold
// PNG-compressed images, which Windows (since Vista) and macOS (since 10.7) read.
namespace Natter::Icons {

// The SVG drawn on a transparent size x size image; a null image if the SVG cannot be read.
QImage render(const QByteArray &svg, int size);
QByteArray png(const QImage &image);
// Square images of 1 to 256 pixels.
QByteArray ico(const QList<QImage> &images);
// Square images of 16, 32, 64, 128, 256, 512 or 1024 pixels.
QByteArray icns(const QList<QImage> &images);

} // namespace Natter::Icons
