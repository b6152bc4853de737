// SPDX-License-Identifier: GPL-3.0-or-later
#include "colours.h"

#include <QEvent>
#include <QPainter>
#include <QStyleOptionViewItem>
#include <QWidget>
#include <cmath>

namespace Natter::Client::Colours {

namespace {
/// Keeps a widget's text colour following its palette: a palette set on the widget survives a change of
/// the application's palette, so it is set again, from the new background.
class Follower : public QObject {
public:
    Follower(QWidget *widget, Role role)
        : QObject(widget)
        , m_role(role)
    {
        widget->installEventFilter(this);
        apply(widget);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::PaletteChange && !m_applying)
            apply(static_cast<QWidget *>(watched));
        return false;
    }

private:
    void apply(QWidget *widget)
    {
        m_applying = true;
        QPalette palette = widget->palette();
        const QColor colour = of(m_role, palette);
        for (const auto group : {QPalette::Active, QPalette::Inactive})
            palette.setColor(group, QPalette::WindowText, colour);
        widget->setPalette(palette);
        m_applying = false;
    }

    Role m_role;
    bool m_applying = false;
};

double luminance(const QColor &colour)
{
    const auto channel = [](double value) {
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) +
           0.0722 * channel(colour.blueF());
}
} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor of(Role role, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (role) {
    case Role::Error:
    case Role::Attention:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
    case Role::Online:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    }
    return palette.color(QPalette::Text);
}

QColor forName(const QString &name, const QPalette &palette)
{
    // FNV-1a over the UTF-8 name: qHash is seeded per process, and a user's colour must not change.
    quint32 hash = 2166136261u;
    for (const char byte : name.toUtf8()) {
        hash ^= quint8(byte);
        hash *= 16777619u;
    }
    const int hue = int(hash % 360);
    return isDark(palette) ? QColor::fromHsl(hue, 150, 175) : QColor::fromHsl(hue, 170, 80);
}

QColor mention(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0xc1, 0x07, 40) : QColor(0xff, 0xb3, 0x00, 46);
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void paintFocus(QPainter *painter, const QStyleOptionViewItem &option)
{
    if (!(option.state & QStyle::State_HasFocus))
        return;
    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(
        QPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Highlight), 2));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(QRectF(option.rect).adjusted(1, 1, -1, -1));
    painter->restore();
}

void follow(QWidget *widget, Role role)
{
    new Follower(widget, role);
}

} // namespace Natter::Client::Colours
