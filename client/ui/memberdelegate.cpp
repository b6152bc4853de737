// SPDX-License-Identifier: GPL-3.0-or-later
#include "memberdelegate.h"

#include "colours.h"

#include "membermodel.h"

#include <QApplication>
#include <QPainter>

namespace Natter::Client {

void MemberDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QVariant presence = index.data(MemberModel::OnlineRole);
    const bool online = presence.toBool();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const int dot = option.fontMetrics.height() / 2;
    const QRect dotRect(option.rect.left() + 10, option.rect.center().y() - dot / 2, dot, dot);
    const QColor muted = option.palette.color(QPalette::PlaceholderText);
    if (!presence.isValid()) {
        // Unknown while disconnected: a hollow ring, neither online nor offline.
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(muted, 1, Qt::DotLine));
    } else {
        painter->setBrush(online ? Colours::of(Colours::Role::Online, option.palette) : muted);
        painter->setPen(online ? Qt::NoPen : QPen(muted));
    }
    painter->drawEllipse(dotRect);
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText
                                                  : (online ? QPalette::Text : QPalette::PlaceholderText)));
    const QRect textRect = option.rect.adjusted(dotRect.right() + 8 - option.rect.left(), 0, -6, 0);
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(index.data(MemberModel::UsernameRole).toString(),
                                                    Qt::ElideRight, textRect.width()));
    painter->restore();
}

} // namespace Natter::Client
