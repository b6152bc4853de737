// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchresultdelegate.h"

#include "searchresultmodel.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QTextDocument>

namespace Natter::Client {

namespace {
constexpr int kResultMargin = 6;
constexpr int kMaxBodyLines = 3;

void setUp(QTextDocument &doc, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    doc.setDefaultFont(option.font);
    doc.setDocumentMargin(0);
    doc.setHtml(index.data(SearchResultModel::MarkedHtmlRole).toString());
    doc.setTextWidth(std::max(40, option.rect.width() - 2 * kResultMargin));
}

QString header(const QModelIndex &index)
{
    const QDateTime when = index.data(SearchResultModel::TimestampRole).toDateTime().toLocalTime();
    return QStringLiteral("%1 · %2 · %3")
        .arg(index.data(SearchResultModel::AuthorRole).toString(),
             index.data(SearchResultModel::RoomNameRole).toString(),
             QLocale().toString(when, QLocale::ShortFormat));
}
} // namespace

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QTextDocument doc;
    setUp(doc, option, index);
    const QFontMetrics metrics(option.font);
    const int body = std::min(int(std::ceil(doc.size().height())), metrics.lineSpacing() * kMaxBodyLines);
    return {option.rect.width(), kResultMargin + metrics.height() + 2 + body + kResultMargin};
}

void SearchResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    painter->save();
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    const QFontMetrics metrics(option.font);
    const QRect area = option.rect.adjusted(kResultMargin, kResultMargin, -kResultMargin, -kResultMargin);
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    painter->drawText(QRect(area.left(), area.top(), area.width(), metrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(header(index), Qt::ElideRight, area.width()));
    QTextDocument doc;
    setUp(doc, option, index);
    const QPoint top(area.left(), area.top() + metrics.height() + 2);
    painter->translate(top);
    painter->setClipRect(QRect(0, 0, area.width(), area.bottom() - top.y() + 1));
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = option.palette;
    if (selected)
        context.palette.setColor(QPalette::Text, option.palette.color(QPalette::HighlightedText));
    doc.documentLayout()->draw(painter, context);
    painter->restore();
}

} // namespace Natter::Client
