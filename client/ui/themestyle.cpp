// SPDX-License-Identifier: GPL-3.0-or-later
#include "themestyle.h"

#include "colours.h"

#include <QDialogButtonBox>
#include <QPainter>
#include <QPushButton>
#include <QStyleFactory>
#include <QStyleOption>
#include <QWidget>

namespace Natter::Client {

ThemeStyle::ThemeStyle()
    : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
{}

QColor ThemeStyle::indicatorOutline(const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    const QColor text = palette.color(QPalette::WindowText);
    // From the window's colour towards the text's, until it stands out enough.
    for (int percent = 30; percent < 100; percent += 5) {
        const auto mix = [&](int a, int b) { return a + (b - a) * percent / 100; };
        const QColor colour(mix(window.red(), text.red()), mix(window.green(), text.green()),
                            mix(window.blue(), text.blue()));
        if (Colours::contrast(colour, window) >= 3.0)
            return colour;
    }
    return text;
}

void ThemeStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                               const QWidget *widget) const
{
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    const bool indicator = element == PE_IndicatorCheckBox || element == PE_IndicatorRadioButton;
    if (!indicator || !Colours::isDark(option->palette))
        return;
    const bool focused =
        option->state.testFlag(State_HasFocus) && option->state.testFlag(State_KeyboardFocusChange);
    if (focused)
        return; // Fusion draws the focused outline in the highlight colour, which shows
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(indicatorOutline(option->palette), 1));
    const QRectF edge = QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5);
    if (element == PE_IndicatorCheckBox)
        painter->drawRoundedRect(edge, 1, 1);
    else
        painter->drawEllipse(edge);
    painter->restore();
}

void ThemeStyle::polish(QWidget *widget)
{
    QProxyStyle::polish(widget);
    // A dialog open while the theme changes made its buttons with the icons of the style before.
    auto *button = qobject_cast<QPushButton *>(widget);
    if (button && qobject_cast<QDialogButtonBox *>(button->parentWidget()))
        button->setIcon(QIcon());
}

int ThemeStyle::styleHint(StyleHint hint, const QStyleOption *option, const QWidget *widget,
                          QStyleHintReturn *returnData) const
{
    // The standard icons are drawn for a light button: black on dark grey, they read as a smudge. None in
    // either theme, so that light and dark buttons look alike.
    if (hint == SH_DialogButtonBox_ButtonsHaveIcons)
        return 0;
    return QProxyStyle::styleHint(hint, option, widget, returnData);
}

} // namespace Natter::Client
