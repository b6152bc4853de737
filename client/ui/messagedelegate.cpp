// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagedelegate.h"

#include "messagemodel.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QRegularExpression>
#include <QTextDocument>

namespace Natter::Client {

namespace {
constexpr int kMargin = 8;
constexpr int kIndent = 12;
constexpr int kGap = 2;

QString dayText(const QDateTime &timestamp)
{
    const QDate day = timestamp.toLocalTime().date();
    const QDate today = QDate::currentDate();
    if (day == today)
        return MessageDelegate::tr("Today");
    if (day == today.addDays(-1))
        return MessageDelegate::tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}
} // namespace

MessageDelegate::MessageDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

MessageDelegate::~MessageDelegate() = default;

QString MessageDelegate::toHtml(const QString &text)
{
    static const QRegularExpression url(QStringLiteral(R"((https?://[^\s<>"]+[^\s<>".,;:!?)\]]))"));
    QString html;
    qsizetype last = 0;
    auto it = url.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        html += text.mid(last, match.capturedStart() - last).toHtmlEscaped();
        const QString link = match.captured(1).toHtmlEscaped();
        html += QStringLiteral("<a href=\"%1\">%1</a>").arg(link);
        last = match.capturedEnd();
    }
    html += text.mid(last).toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return html;
}

QString MessageDelegate::statusText(const QModelIndex &index) const
{
    switch (index.data(MessageModel::StatusRole).value<MessageModel::Status>()) {
    case MessageModel::Status::Pending:
        return tr("Sending…");
    case MessageModel::Status::Failed:
        return tr("Not sent. Click to retry.");
    case MessageModel::Status::Sent:
        break;
    }
    return {};
}

std::unique_ptr<QTextDocument> MessageDelegate::document(const QStyleOptionViewItem &option,
                                                         const QModelIndex &index, int width) const
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setDefaultFont(option.font);
    doc->setDocumentMargin(0);
    doc->setDefaultStyleSheet(
        QStringLiteral("a { color: %1; }").arg(option.palette.color(QPalette::Link).name()));
    doc->setHtml(toHtml(index.data(MessageModel::TextRole).toString()));
    doc->setTextWidth(std::max(40, width));
    return doc;
}

MessageDelegate::Layout MessageDelegate::layout(const QStyleOptionViewItem &option,
                                                const QModelIndex &index) const
{
    Layout result;
    const QFontMetrics metrics(option.font);
    const QRect area = option.rect.adjusted(kMargin, 0, -kMargin, 0);
    int y = area.top();
    if (index.data(MessageModel::StartsDayRole).toBool()) {
        result.separator = QRect(area.left(), y + kMargin, area.width(), metrics.height());
        y = result.separator.bottom() + 1 + kMargin;
    }
    if (!index.data(MessageModel::ContinuesGroupRole).toBool()) {
        result.header = QRect(area.left(), y + kMargin / 2, area.width(), metrics.height());
        y = result.header.bottom() + 1 + kGap;
    } else {
        y += kGap;
    }
    const int bodyWidth = area.width() - kIndent;
    result.text = document(option, index, bodyWidth);
    result.body = QRect(area.left() + kIndent, y, bodyWidth, int(std::ceil(result.text->size().height())));
    y = result.body.bottom() + 1;
    if (!statusText(index).isEmpty()) {
        result.status = QRect(area.left() + kIndent, y + kGap, bodyWidth, metrics.height());
        y = result.status.bottom() + 1;
    }
    result.height = y - option.rect.top() + kGap * 2;
    return result;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Keyed by everything the height depends on, so edits to a row (status, grouping) miss the cache.
    const QString key = QStringLiteral("%1|%2|%3|%4|%5|%6")
                            .arg(index.data(MessageModel::IdRole).toLongLong())
                            .arg(index.data(MessageModel::ClientIdRole).toString())
                            .arg(option.rect.width())
                            .arg(index.data(MessageModel::StartsDayRole).toBool())
                            .arg(index.data(MessageModel::ContinuesGroupRole).toBool())
                            .arg(int(index.data(MessageModel::StatusRole).value<MessageModel::Status>()));
    const auto cached = m_sizes.constFind(key);
    if (cached != m_sizes.constEnd())
        return *cached;
    QStyleOptionViewItem opt = option;
    opt.rect.moveTop(0);
    const QSize size(option.rect.width(), layout(opt, index).height);
    if (m_sizes.size() > 20'000)
        m_sizes.clear();
    m_sizes.insert(key, size);
    return size;
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    painter->save();
    const Layout parts = layout(option, index);
    const QPalette &palette = option.palette;
    const bool own = index.data(MessageModel::IsOwnRole).toBool();

    if (!parts.separator.isNull()) {
        const QString text = dayText(index.data(MessageModel::TimestampRole).toDateTime());
        painter->setPen(palette.color(QPalette::PlaceholderText));
        const int textWidth = QFontMetrics(option.font).horizontalAdvance(text) + 2 * kMargin;
        const int mid = parts.separator.center().y();
        painter->drawLine(parts.separator.left(), mid, parts.separator.center().x() - textWidth / 2, mid);
        painter->drawLine(parts.separator.center().x() + textWidth / 2, mid, parts.separator.right(), mid);
        painter->drawText(parts.separator, Qt::AlignCenter, text);
    }
    if (own) {
        // The user's own messages: a quiet tint of the highlight colour behind header and text.
        QColor tint = palette.color(QPalette::Highlight);
        tint.setAlpha(28);
        const int top = parts.header.isNull() ? parts.body.top() - kGap : parts.header.top() - kGap;
        const int bottom = (parts.status.isNull() ? parts.body : parts.status).bottom() + kGap;
        painter->fillRect(
            QRect(option.rect.left() + kMargin / 2, top, option.rect.width() - kMargin, bottom - top + 1),
            tint);
    }
    if (!parts.header.isNull()) {
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(palette.color(QPalette::Text));
        const QString author = index.data(MessageModel::AuthorRole).toString();
        painter->drawText(parts.header, Qt::AlignLeft | Qt::AlignVCenter, author);
        const int authorWidth = QFontMetrics(bold).horizontalAdvance(author);
        painter->setFont(option.font);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        const QString time = QLocale().toString(
            index.data(MessageModel::TimestampRole).toDateTime().toLocalTime().time(), QLocale::ShortFormat);
        painter->drawText(parts.header.adjusted(authorWidth + kMargin, 0, 0, 0),
                          Qt::AlignLeft | Qt::AlignVCenter, time);
    }
    painter->translate(parts.body.topLeft());
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = palette;
    context.palette.setColor(QPalette::Text, palette.color(QPalette::Text));
    parts.text->documentLayout()->draw(painter, context);
    painter->translate(-parts.body.topLeft());
    if (!parts.status.isNull()) {
        const bool failed = index.data(MessageModel::StatusRole).value<MessageModel::Status>() ==
                            MessageModel::Status::Failed;
        QFont italic = option.font;
        italic.setItalic(true);
        painter->setFont(italic);
        painter->setPen(failed ? QColor(0xc6, 0x28, 0x28) : palette.color(QPalette::PlaceholderText));
        painter->drawText(parts.status, Qt::AlignLeft | Qt::AlignVCenter, statusText(index));
    }
    painter->restore();
}

QString MessageDelegate::linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                                const QPoint &pos) const
{
    const Layout parts = layout(option, index);
    if (!parts.body.contains(pos))
        return {};
    return parts.text->documentLayout()->anchorAt(QPointF(pos - parts.body.topLeft()));
}

} // namespace Natter::Client
