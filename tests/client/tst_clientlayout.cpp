// SPDX-License-Identifier: GPL-3.0-or-later
// How the client's widgets are laid out and coloured, without a server: message heights at any scale, style
// and width, and colours that follow the palette. CTest runs it at scale factor 1 and again at 2.
#include "chatview.h"
#include "colours.h"
#include "emoji.h"
#include "formparts.h"
#include "messagedelegate.h"
#include "messagemodel.h"
#include "palettes.h"
#include "traynotifier.h"

#include <QApplication>
#include <QDateTime>
#include <QLabel>
#include <QScrollBar>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>
#include <memory>

using namespace Natter;
using namespace Natter::Client;

namespace {
ChatMessage message(qint64 id, const QString &author, const QString &text)
{
    return ChatMessage{id,
                       1,
                       User{author == QLatin1String("bob") ? 2 : 3, author},
                       text,
                       QDateTime::currentMSecsSinceEpoch(),
                       QStringLiteral("c%1").arg(id)};
}

QPalette lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("fusion")));
    return fusion->standardPalette();
}

/// Long text that wraps many times and ends in emoji, as in the report of issue 10.
QString longText(int length)
{
    QString text;
    while (text.size() < length)
        text += QStringLiteral("lorem ipsum dolor sit amet, 漢字かな交じり文 ");
    return text.left(length) + QStringLiteral(" 😀🎉❤️👍🏽🇫🇷");
}

/// Every row the view shows is as tall as a new delegate (nothing cached) needs at that width, and no two
/// rows overlap.
QString overlaps(ChatView &view)
{
    MessageDelegate delegate;
    QStyleOptionViewItem option;
    option.initFrom(&view);
    option.font = view.font();
    option.widget = &view;
    QRect previous;
    for (int row = 0; row < view.model()->rowCount(); ++row) {
        const QModelIndex index = view.model()->index(row, 0);
        const QRect rect = view.visualRect(index);
        option.rect = rect;
        const int needed = delegate.sizeHint(option, index).height();
        if (needed > rect.height())
            return QStringLiteral("row %1 needs %2 px but has %3").arg(row).arg(needed).arg(rect.height());
        if (previous.isValid() && rect.top() <= previous.bottom())
            return QStringLiteral("row %1 starts at %2, above the end of row %3 at %4")
                .arg(row)
                .arg(rect.top())
                .arg(row - 1)
                .arg(previous.bottom());
        previous = rect;
    }
    return {};
}
} // namespace

class TestClientLayout : public QObject {
    Q_OBJECT

private slots:
    void messageHeightsAreRightTheFirstTime_data()
    {
        QTest::addColumn<QString>("style");
        QTest::addColumn<QSize>("size");
        QTest::newRow("default 500×400") << QString() << QSize(500, 400);
        QTest::newRow("fusion 960×640") << QStringLiteral("fusion") << QSize(960, 640);
    }

    void messageHeightsAreRightTheFirstTime()
    {
        // Issue 10, bug 1: a long message was drawn over the ones below it until the window was resized.
        QFETCH(QString, style);
        QFETCH(QSize, size);
        MessageModel model(1, 1);
        model.setOwnUserId(3);
        for (int id = 1; id <= 30; ++id) {
            const QString author = id % 3 == 0 ? QStringLiteral("carol") : QStringLiteral("bob");
            model.addStored(
                message(id, author, id % 4 == 1 ? longText(400 + id * 130) : QStringLiteral("short")));
        }
        const std::unique_ptr<QStyle> ownStyle(style.isEmpty() ? nullptr : QStyleFactory::create(style));
        ChatView view;
        if (ownStyle)
            view.setStyle(ownStyle.get()); // the view does not own it
        view.setModel(&model);
        view.resize(size);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_VERIFY(view.isAtBottom());
        QString problem = overlaps(view);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        // The same messages change: one grows by an edit, one gets reactions, a pending one is sent.
        ChatMessage edited = message(2, QStringLiteral("bob"), longText(3000));
        edited.rev = 5;
        edited.editedMs = edited.timestampMs;
        model.addStored(edited);
        ChatMessage reacted = message(4, QStringLiteral("bob"), QStringLiteral("short"));
        reacted.rev = 6;
        for (const QString &emoji : {QStringLiteral("👍"), QStringLiteral("❤️"), QStringLiteral("🎉")})
            reacted.reactions.append(Reaction{emoji, {2, 3}});
        model.addStored(reacted);
        QTRY_VERIFY2((problem = overlaps(view)).isEmpty(), qPrintable(problem));
        ChatMessage pending = message(0, QStringLiteral("carol"), longText(4000));
        pending.clientId = QStringLiteral("pending");
        model.addPending(pending);
        QTRY_VERIFY2((problem = overlaps(view)).isEmpty(), qPrintable(problem));

        // A new font, as after a change of the system's font or of the scale.
        QFont bigger = view.font();
        bigger.setPointSizeF(bigger.pointSizeF() * 1.5);
        view.setFont(bigger);
        QTRY_VERIFY2((problem = overlaps(view)).isEmpty(), qPrintable(problem));

        // Narrower: every message wraps again.
        view.resize(size.width() / 2, size.height());
        QTRY_VERIFY2((problem = overlaps(view)).isEmpty(), qPrintable(problem));
    }

    void theHoverTimeHasNoSeconds()
    {
        // The C locale's short form is "22:04:16": clipped to "2:04:16" in the avatar's column.
        const QTime time(22, 4, 16);
        QCOMPARE(MessageDelegate::gutterTime(time, QLocale::c()), QStringLiteral("22:04"));
        QCOMPARE(MessageDelegate::gutterTime(time, QLocale(QLocale::German)), QStringLiteral("22:04"));
        QCOMPARE(MessageDelegate::gutterTime(time, QLocale(QLocale::English, QLocale::UnitedStates)),
                 QLocale(QLocale::English, QLocale::UnitedStates)
                     .toString(time, QLocale::ShortFormat)
                     .remove(QStringLiteral(":16")));
    }

    void emojiAreDrawnInColour()
    {
        // Issue 10, bug 16: ❤️ came out black and small in the text font, which has a glyph for it.
        if (Emoji::colourFamily().isEmpty())
            QSKIP("no colour emoji font installed (fonts-noto-color-emoji)");
        const QString span = QStringLiteral("<span style=\"font-family: '%1'\">").arg(Emoji::colourFamily());
        const QString html =
            MessageDelegate::toHtml(QStringLiteral("I ❤️ it → 👍🏽👩‍💻 & ☀ 1"));
        QVERIFY2(html.contains(span + QStringLiteral("❤️</span>")), qPrintable(html));
        QVERIFY2(html.contains(span + QStringLiteral("👍🏽👩‍💻</span>")), qPrintable(html));
        // An arrow, and ☀ without the emoji variation selector, are text.
        QVERIFY2(html.contains(QStringLiteral("it → ")), qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("&amp; ☀ 1")), qPrintable(html));
        QCOMPARE(html.count(QStringLiteral("<span")), 2);
        QVERIFY(Emoji::contains(QStringLiteral("ok 🎉")));
        QVERIFY(!Emoji::contains(QStringLiteral("ok → 漢字")));
    }

    void authorsHaveColouredInitials()
    {
        // Issue 10: an avatar of coloured initials beside each group, and the name in the same colour.
        MessageModel model(1, 1);
        model.addStored(message(1, QStringLiteral("bob"), QStringLiteral("hello")));
        ChatView view;
        view.setModel(&model);
        view.resize(400, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage image = view.viewport()->grab().toImage();
        const QRgb wanted = Colours::forName(QStringLiteral("bob"), view.palette()).rgb();
        int count = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width() / 4; ++x)
                count += image.pixel(x, y) == wanted;
        }
        // A filled circle of two lines' height: hundreds of pixels of bob's colour on the left.
        const int side = 2 * QFontMetrics(view.font()).height();
        QVERIFY2(count > side * side / 3, qPrintable(QString::number(count)));
    }

    void notificationsShowAPreview()
    {
        // A long message no longer fills the notification: three lines, 200 characters at most.
        QCOMPARE(TrayNotifier::preview(QStringLiteral("short")), QStringLiteral("short"));
        QCOMPARE(TrayNotifier::preview(QStringLiteral("1\n2\n3\n4\n5")), QStringLiteral("1\n2\n3…"));
        QCOMPARE(TrayNotifier::preview(QString(300, QLatin1Char('x'))),
                 QString(200, QLatin1Char('x')) + QChar(0x2026));
    }

    void coloursFollowThePalette_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light") << lightPalette();
        QTest::newRow("dark") << Palettes::dark();
    }

    void coloursFollowThePalette()
    {
        // Issue 10: every colour from the palette, the error red and online green included, readable on
        // light and dark backgrounds alike (3:1 at least, WCAG's figure for bold and large text).
        QFETCH(QPalette, palette);
        const QColor base = palette.color(QPalette::Base);
        const QColor window = palette.color(QPalette::Window);
        for (const auto role : {Colours::Role::Error, Colours::Role::Online, Colours::Role::Attention}) {
            const QColor colour = Colours::of(role, palette);
            QVERIFY2(Colours::contrast(colour, base) >= 3 && Colours::contrast(colour, window) >= 3,
                     qPrintable(QStringLiteral("%1 on %2: %3")
                                    .arg(colour.name(), base.name())
                                    .arg(Colours::contrast(colour, base))));
        }
        for (int i = 0; i < 200; ++i) {
            const QString name = QStringLiteral("user%1").arg(i);
            const QColor colour = Colours::forName(name, palette);
            QVERIFY2(Colours::contrast(colour, base) >= 3,
                     qPrintable(QStringLiteral("%1: %2 on %3").arg(name, colour.name(), base.name())));
        }
        QCOMPARE(Colours::forName(QStringLiteral("alice"), palette),
                 Colours::forName(QStringLiteral("alice"), palette)); // stable

        // A form's error label takes the colour of the palette it is shown with, also after a change.
        const QPalette before = QApplication::palette();
        QApplication::setPalette(palette);
        QWidget form;
        QLabel *error = FormParts::errorLabel(QStringLiteral("Error"), &form);
        QCOMPARE(error->palette().color(QPalette::WindowText), Colours::of(Colours::Role::Error, palette));
        const QPalette other = Colours::isDark(palette) ? lightPalette() : Palettes::dark();
        QApplication::setPalette(other);
        QTRY_COMPARE(error->palette().color(QPalette::WindowText), Colours::of(Colours::Role::Error, other));
        QCOMPARE(error->palette().color(QPalette::Window), other.color(QPalette::Window));
        QApplication::setPalette(before);
    }
};

QTEST_MAIN(TestClientLayout)
#include "tst_clientlayout.moc"
