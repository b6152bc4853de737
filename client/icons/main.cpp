// SPDX-License-Identifier: GPL-3.0-or-later
// natter-icons: run at build time to draw the application icon, from its SVG, in every size and file
// format the installers need. It writes OUT/hicolor/<n>x<n>/apps/NAME.png for each size given (the build
// lists them), OUT/NAME.ico and OUT/NAME.icns.
#include "iconfiles.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cstdio>

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    if (data.isEmpty()) {
        std::fprintf(stderr, "natter-icons: could not make %s\n", qPrintable(path));
        return false;
    }
    QDir().mkpath(QFileInfo(path).path());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        std::fprintf(stderr, "natter-icons: cannot write %s: %s\n", qPrintable(path),
                     qPrintable(file.errorString()));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Draws the application icon for the installers."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("svg"), QStringLiteral("The icon's SVG."));
    parser.addPositionalArgument(QStringLiteral("out"), QStringLiteral("The directory to write into."));
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The icon's name, e.g. natter."));
    parser.addPositionalArgument(QStringLiteral("sizes"), QStringLiteral("The hicolor sizes, e.g. 16 32 48."),
                                 QStringLiteral("sizes..."));
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.size() < 4)
        parser.showHelp(2);
    const QString out = args[1];
    const QString name = args[2];
    QList<int> hicolorSizes;
    for (const QString &arg : args.mid(3)) {
        bool ok = false;
        hicolorSizes.append(arg.toInt(&ok));
        if (!ok || hicolorSizes.last() <= 0) {
            std::fprintf(stderr, "natter-icons: not a size: %s\n", qPrintable(arg));
            return 2;
        }
    }

    QFile svgFile(args[0]);
    if (!svgFile.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "natter-icons: cannot read %s\n", qPrintable(args[0]));
        return 1;
    }
    const QByteArray svg = svgFile.readAll();
    auto draw = [&svg](const QList<int> &sizes) {
        QList<QImage> images;
        for (int size : sizes)
            images.append(Natter::Icons::render(svg, size));
        return images;
    };

    bool ok = true;
    const QList<QImage> hicolor = draw(hicolorSizes);
    for (const QImage &image : hicolor) {
        const QString size = QString::number(image.width());
        ok &= writeFile(QStringLiteral("%1/hicolor/%2x%2/apps/%3.png").arg(out, size, name),
                        Natter::Icons::png(image));
    }
    ok &= writeFile(QStringLiteral("%1/%2.ico").arg(out, name),
                    Natter::Icons::ico(draw({16, 20, 24, 32, 40, 48, 64, 256})));
    ok &= writeFile(QStringLiteral("%1/%2.icns").arg(out, name),
                    Natter::Icons::icns(draw({16, 32, 64, 128, 256, 512, 1024})));
    return ok ? 0 : 1;
}
