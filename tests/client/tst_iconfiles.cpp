// SPDX-License-Identifier: GPL-3.0-or-later
// The icon files the installers ship, read back with Qt's own image readers (ico from Qt's base plugins,
// icns from qt6-image-formats-plugins), so a wrong header or offset fails here and not on a user's desktop.
#include "iconfiles.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QTest>
#include <QtEndian>

using namespace Natter;

class TestIconFiles : public QObject {
    Q_OBJECT

private:
    QByteArray m_svg;

    QList<QImage> draw(const QList<int> &sizes) const
    {
        QList<QImage> images;
        for (int size : sizes)
            images.append(Icons::render(m_svg, size));
        return images;
    }

    // Every image in data, in order, as Qt's reader for format decodes it.
    static QList<QImage> readBack(const QByteArray &data, const char *format)
    {
        QBuffer buffer;
        buffer.setData(data);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer, format);
        QList<QImage> images;
        for (int i = 0; i < reader.imageCount(); ++i) {
            if (!reader.jumpToImage(i))
                break;
            images.append(reader.read().convertToFormat(QImage::Format_ARGB32));
        }
        return images;
    }

private slots:
    void initTestCase()
    {
        QFile file(QStringLiteral(NATTER_ICON_SVG));
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_svg = file.readAll();
    }

    void renderDrawsTheSvgOnTransparency()
    {
        for (int size : {16, 48, 512}) {
            const QImage image = Icons::render(m_svg, size);
            QCOMPARE(image.size(), QSize(size, size));
            QCOMPARE(qAlpha(image.pixel(0, 0)), 0);                 // outside the rounded square
            QCOMPARE(qAlpha(image.pixel(size / 2, size / 8)), 255); // the blue square's top edge
            QVERIFY(qBlue(image.pixel(size / 2, size / 8)) > 200);
            QCOMPARE(image.pixel(size * 3 / 8, size * 5 / 16), qRgba(255, 255, 255, 255)); // speech bubble
        }
        QVERIFY(Icons::render("not an svg", 16).isNull());
    }

    void icoHoldsEverySizeAsDrawn()
    {
        const QList<QImage> images = draw({16, 24, 32, 48, 256});
        const QList<QImage> read = readBack(Icons::ico(images), "ico");
        QCOMPARE(read.size(), images.size());
        for (qsizetype i = 0; i < images.size(); ++i)
            QCOMPARE(read[i], images[i]);
        // Windows picks an image by the directory's width and height bytes (0 means 256).
        const QByteArray ico = Icons::ico(images);
        for (qsizetype i = 0; i < images.size(); ++i) {
            const auto *entry = reinterpret_cast<const uchar *>(ico.constData() + 6 + 16 * i);
            QCOMPARE(entry[0] == 0 ? 256 : int(entry[0]), images[i].width());
            QCOMPARE(entry[1] == 0 ? 256 : int(entry[1]), images[i].height());
        }
    }

    void icnsHoldsEverySizeAsDrawn()
    {
        QVERIFY2(QImageReader::supportedImageFormats().contains("icns"),
                 "Qt's icns reader is missing: install qt6-image-formats-plugins (scripts/install-deps)");
        const QList<QImage> images = draw({16, 32, 64, 128, 256, 512, 1024});
        const QByteArray icns = Icons::icns(images);
        QCOMPARE(icns.left(4), QByteArray("icns"));
        QCOMPARE(qFromBigEndian<quint32>(icns.constData() + 4), quint32(icns.size()));
        const QList<QImage> read = readBack(icns, "icns");
        QCOMPARE(read.size(), images.size());
        for (const QImage &image : images)
            QVERIFY2(read.contains(image), qPrintable(QStringLiteral("%1 px missing").arg(image.width())));
        // macOS picks an image by its element type, so each type must name the size of its PNG.
        const QHash<QByteArray, int> sizeOfType{{"icp4", 16},  {"icp5", 32},  {"icp6", 64},  {"ic07", 128},
                                                {"ic08", 256}, {"ic09", 512}, {"ic10", 1024}};
        qsizetype at = 8;
        int elements = 0;
        while (at < icns.size()) {
            const QByteArray type = icns.mid(at, 4);
            const auto length = qsizetype(qFromBigEndian<quint32>(icns.constData() + at + 4));
            QVERIFY(length > 8 && at + length <= icns.size());
            QCOMPARE(QImage::fromData(icns.mid(at + 8, length - 8), "PNG").width(), sizeOfType.value(type));
            at += length;
            ++elements;
        }
        QCOMPARE(elements, images.size());
    }

    void sizesTheFormatsCannotHoldAreRefused()
    {
        QVERIFY(Icons::ico(draw({512})).isEmpty());
        QVERIFY(Icons::icns(draw({48})).isEmpty());
        QVERIFY(Icons::ico({QImage(16, 8, QImage::Format_ARGB32)}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestIconFiles)
#include "tst_iconfiles.moc"
