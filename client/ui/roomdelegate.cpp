// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomdelegate.h"

#include "colours.h"
#include "roomlistmodel.h"

#include <QApplication>
#include <QPainter>

namespace Natter::Client {

void RoomDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int unread = index.data(RoomListModel::UnreadRole).toInt();
    // A muted room is drawn dimmed: its name is not bold and its badge is grey.
    const bool muted = index.data(RoomListModel::MutedRole).toBool();
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    QFont font = option.font;
    font.setBold(unread > 0 && !muted);
    painter->setFont(font);
    const bool selected = option.state & QStyle::State_Selected;
    const QColor textColour = option.palette.color(selected ? QPalette::HighlightedText
                                                   : muted  ? QPalette::PlaceholderText
                                                            : QPalette::Text);
    painter->setPen(textColour);
    QRect textRect = option.rect.adjusted(10, 0, -10, 0);
    if (unread > 0) {
        const QString count = unread > 999 ? QStringLiteral("999+") : QString::number(unread);
        QFont small = option.font;
        small.setBold(true);
        const QFontMetrics metrics(small);
        const int height = metrics.height() + 2;
        const int width = std::max(height, metrics.horizontalAdvance(count) + 10);
        const QRect badge(textRect.right() - width, option.rect.center().y() - height / 2, width, height);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setBrush(option.palette.color(muted ? QPalette::PlaceholderText : QPalette::Highlight));
        painter->setPen(Qt::NoPen);
        painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
        painter->setFont(small);
        painter->setPen(option.palette.color(QPalette::HighlightedText));
        painter->drawText(badge, Qt::AlignCenter, count);
        painter->setFont(font);
        painter->setPen(textColour);
        textRect.setRight(badge.left() - 6);
    }
    const QString name = index.data(RoomListModel::NameRole).toString();
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(font).elidedText(name, Qt::ElideRight, textRect.width()));
    painter->restore();
    Colours::paintFocus(painter, option);
}

QSize RoomDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // No width of its own: a long name is cut short with "…" at the list's width, never scrolled sideways.
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return {0, std::max(base.height(), option.fontMetrics.height() + 14)};
}

} // namespace Natter::Client
