// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagedelegate.h"

#include "colours.h"
#include "emoji.h"
#include "errortext.h"
#include "messagemodel.h"

#include <QAbstractItemView>
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
constexpr int kGap = 2;
constexpr int kChipPadding = 6;
constexpr int kQuoteBar = 3;

bool isNotice(const QModelIndex &index)
{
    return index.data(MessageModel::NoticeRole).value<MessageModel::Notice>() != MessageModel::Notice::None;
}

QString quoteText(const QModelIndex &index)
{
    const QString author = index.data(MessageModel::ReplyAuthorRole).toString();
    if (index.data(MessageModel::ReplyDeletedRole).toBool())
        return MessageDelegate::tr("↪ %1: a deleted message").arg(author);
    return MessageDelegate::tr("↪ %1: %2").arg(author, index.data(MessageModel::ReplyExcerptRole).toString());
}

/// A message's local time of day, in the locale's short form.
QString timeText(const QModelIndex &index)
{
    return QLocale().toString(index.data(MessageModel::TimestampRole).toDateTime().toLocalTime().time(),
                              QLocale::ShortFormat);
}

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

int chipTextWidth(const QFont &font, const QVariantMap &reaction)
{
    return QFontMetrics(Emoji::font(font))
               .horizontalAdvance(reaction.value(QStringLiteral("emoji")).toString()) +
           QFontMetrics(font).horizontalAdvance(
               QStringLiteral(" %1").arg(reaction.value(QStringLiteral("count")).toInt()));
}
} // namespace

MessageDelegate::MessageDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

MessageDelegate::~MessageDelegate() = default;

namespace {
/// A link as the big clients cut it out of a sentence: without the punctuation that ends the sentence, and
/// without closing brackets that it does not open itself (https://en.wikipedia.org/wiki/Foo_(bar) keeps its
/// bracket; "(see https://example.org)" does not).
QString linkWithoutTrailing(QString link)
{
    static const QString closing = QStringLiteral(")]}");
    static const QString opening = QStringLiteral("([{");
    while (!link.isEmpty()) {
        const QChar last = link.back();
        if (QStringLiteral(".,;:!?'\"*").contains(last)) {
            link.chop(1);
            continue;
        }
        const qsizetype bracket = closing.indexOf(last);
        if (bracket >= 0 && link.count(opening.at(bracket)) < link.count(last)) {
            link.chop(1);
            continue;
        }
        break;
    }
    if (link.compare(QLatin1String("www."), Qt::CaseInsensitive) == 0 || link.endsWith(QLatin1String("://")))
        return {};
    return link;
}
} // namespace

QString MessageDelegate::gutterTime(const QTime &time, const QLocale &locale)
{
    QString format = locale.timeFormat(QLocale::ShortFormat);
    static const QRegularExpression seconds(QStringLiteral("[:.]ss?"));
    format.remove(seconds);
    return locale.toString(time, format);
}

QString MessageDelegate::toHtml(const QString &text)
{
    // Web links (also www. without a scheme), and links to messages ("Copy link to message" makes them).
    static const QRegularExpression url(
        QStringLiteral(R"((?<![\w@./])(?:https?://|www\.)[^\s<>"]+|natter://room/\d+/message/\d+)"),
        QRegularExpression::CaseInsensitiveOption);
    QString html;
    qsizetype last = 0;
    auto it = url.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        const QString link = linkWithoutTrailing(match.captured(0));
        if (match.capturedStart() < last || link.isEmpty())
            continue;
        html += Emoji::markUp(text.mid(last, match.capturedStart() - last).toHtmlEscaped());
        const bool schemeless = link.startsWith(QLatin1String("www."), Qt::CaseInsensitive);
        html += QStringLiteral("<a href=\"%1\">%2</a>")
                    .arg((schemeless ? QStringLiteral("https://") + link : link).toHtmlEscaped(),
                         link.toHtmlEscaped());
        last = match.capturedStart() + link.size();
    }
    html += Emoji::markUp(text.mid(last).toHtmlEscaped());
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return html;
}

QString MessageDelegate::statusText(const QModelIndex &index) const
{
    switch (index.data(MessageModel::StatusRole).value<MessageModel::Status>()) {
    case MessageModel::Status::Pending:
        return tr("Sending…");
    case MessageModel::Status::Failed: {
        // Why, in the words the rest of the client uses for that error; the menu also offers Discard.
        const int refusal = index.data(MessageModel::FailureRole).toInt();
        if (refusal < 0)
            return tr("Not sent. Click to retry.");
        return tr("Not sent: %1 Click to retry, or discard it from the menu.")
            .arg(ErrorText::describe(ProtocolError{ErrorCode(refusal), {}, 0}, false));
    }
    case MessageModel::Status::Sent:
        break;
    }
    if (index.data(MessageModel::EditedRole).toDateTime().isValid() &&
        !index.data(MessageModel::DeletedRole).toBool())
        return tr("(edited)");
    return {};
}

void MessageDelegate::setReadPosition(qint64 messageId)
{
    m_readPosition = messageId;
    m_sizes.clear();
}

bool MessageDelegate::startsNew(const QModelIndex &index) const
{
    if (m_readPosition <= 0 ||
        index.data(MessageModel::StatusRole).value<MessageModel::Status>() != MessageModel::Status::Sent)
        return false;
    const qint64 id = index.data(MessageModel::IdRole).toLongLong();
    if (id <= m_readPosition)
        return false;
    const QModelIndex above = index.siblingAtRow(index.row() - 1);
    return !above.isValid() || above.data(MessageModel::IdRole).toLongLong() <= m_readPosition;
}

std::unique_ptr<QTextDocument> MessageDelegate::document(const QStyleOptionViewItem &option,
                                                         const QModelIndex &index, int width) const
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setDefaultFont(option.font);
    doc->setDocumentMargin(0);
    doc->setDefaultStyleSheet(
        QStringLiteral("a { color: %1; }").arg(option.palette.color(QPalette::Link).name()));
    if (index.data(MessageModel::DeletedRole).toBool())
        doc->setHtml(QStringLiteral("<i>%1</i>").arg(tr("This message was deleted.").toHtmlEscaped()));
    else
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
    if (isNotice(index)) {
        // "bob joined the room": one quiet centred line, no header, no actions.
        result.status = QRect(area.left(), y + kGap * 2, area.width(), metrics.height());
        result.height = result.status.bottom() + 1 + kGap * 2 - option.rect.top();
        return result;
    }
    if (startsNew(index)) {
        result.newLine = QRect(area.left(), y + kGap, area.width(), metrics.height());
        y = result.newLine.bottom() + 1 + kGap;
    }
    const int top = y;
    // The avatar's column: coloured initials beside the first message of a group, the time on hover
    // beside the others.
    const int avatar = 2 * metrics.height();
    const int indent = avatar + kMargin;
    if (!index.data(MessageModel::ContinuesGroupRole).toBool() || result.newLine.isValid()) {
        result.avatar = QRect(area.left(), y + kMargin / 2, avatar, avatar);
        result.header = QRect(area.left() + indent, y + kMargin / 2, area.width() - indent, metrics.height());
        y = result.header.bottom() + 1 + kGap;
    } else {
        y += kGap;
    }
    const int bodyWidth = area.width() - indent;
    if (index.data(MessageModel::ReplyIdRole).toLongLong() != 0) {
        result.quote = QRect(area.left() + indent, y, bodyWidth, metrics.height() + 2 * kGap);
        y = result.quote.bottom() + 1 + kGap;
    }
    result.text = document(option, index, bodyWidth);
    result.body = QRect(area.left() + indent, y, bodyWidth, int(std::ceil(result.text->size().height())));
    if (result.avatar.isNull())
        result.gutterTime = QRect(option.rect.left() + kGap, result.body.top(),
                                  result.body.left() - option.rect.left() - kGap * 2, metrics.height());
    y = result.body.bottom() + 1;
    const QVariantList reactions = index.data(MessageModel::ReactionsRole).toList();
    if (!reactions.isEmpty()) {
        // Chips in a row that wraps: "👍 2".
        int x = result.body.left();
        y += kGap * 2;
        const int chipHeight = metrics.height() + kGap * 2;
        for (const QVariant &value : reactions) {
            const QVariantMap reaction = value.toMap();
            const int width = chipTextWidth(option.font, reaction) + 2 * kChipPadding;
            if (x > result.body.left() && x + width > result.body.right()) {
                x = result.body.left();
                y += chipHeight + kGap;
            }
            result.reactions.append(
                {QRect(x, y, width, chipHeight), reaction.value(QStringLiteral("emoji")).toString()});
            x += width + kGap * 2;
        }
        y += chipHeight;
    }
    const int side = metrics.height() + kGap * 2;
    result.actions = QRect(area.right() - 3 * side - 2 * kGap, top + kGap, 3 * side + 2 * kGap, side);
    if (!statusText(index).isEmpty()) {
        result.status = QRect(area.left() + indent, y + kGap, bodyWidth, metrics.height());
        y = result.status.bottom() + 1;
    }
    if (!result.avatar.isNull())
        y = std::max(y, result.avatar.bottom() + 1);
    result.height = y - option.rect.top() + kGap * 2;
    return result;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Keyed by everything the height depends on, so changes to a row (an edit, a reaction, its status,
    // grouping, the "new" line) miss the cache.
    // QListView asks with the width it lays out at, which counts the scroll bar's room as free; the rows
    // are drawn as wide as the viewport, so that is the width to measure at.
    const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
    const int width = view ? view->viewport()->width() : option.rect.width();
    const QString key = QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8")
                            .arg(index.data(MessageModel::IdRole).toLongLong())
                            .arg(index.data(MessageModel::ClientIdRole).toString())
                            .arg(width)
                            .arg(index.data(MessageModel::StartsDayRole).toBool())
                            .arg(index.data(MessageModel::ContinuesGroupRole).toBool())
                            .arg(int(index.data(MessageModel::StatusRole).value<MessageModel::Status>()))
                            .arg(index.data(MessageModel::RevRole).toLongLong())
                            .arg(startsNew(index) + 2 * int(isNotice(index)));
    const auto cached = m_sizes.constFind(key);
    if (cached != m_sizes.constEnd())
        return *cached;
    QStyleOptionViewItem opt = option;
    opt.rect = QRect(0, 0, width, 0);
    const QSize size(width, layout(opt, index).height);
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
    if (isNotice(index)) {
        QFont italic = option.font;
        italic.setItalic(true);
        painter->setFont(italic);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(
            parts.status, Qt::AlignCenter,
            QStringLiteral("%1 · %2").arg(index.data(MessageModel::TextRole).toString(), timeText(index)));
        painter->restore();
        Colours::paintFocus(painter, option);
        return;
    }
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
    if (!parts.newLine.isNull()) {
        painter->setPen(Colours::of(Colours::Role::Attention, palette));
        const QString text = tr("New");
        const int textWidth = QFontMetrics(option.font).horizontalAdvance(text) + kMargin;
        const int mid = parts.newLine.center().y();
        painter->drawLine(parts.newLine.left(), mid, parts.newLine.right() - textWidth, mid);
        painter->drawText(parts.newLine, Qt::AlignRight | Qt::AlignVCenter, text);
    }
    if (m_flashed.isValid() && m_flashed == index) {
        QColor flash = palette.color(QPalette::Highlight);
        flash.setAlpha(70);
        painter->fillRect(option.rect, flash);
    }
    const bool mentionsMe = index.data(MessageModel::MentionsMeRole).toBool();
    if (own || mentionsMe) {
        // The user's own messages: a quiet tint of the highlight colour; those naming the user: amber.
        QColor tint = palette.color(QPalette::Highlight);
        tint.setAlpha(28);
        const int top =
            (parts.header.isNull() ? (parts.quote.isNull() ? parts.body : parts.quote) : parts.header).top() -
            kGap;
        int bottom = parts.body.bottom();
        if (!parts.reactions.isEmpty())
            bottom = parts.reactions.last().first.bottom();
        if (!parts.status.isNull())
            bottom = parts.status.bottom();
        bottom += kGap;
        painter->fillRect(
            QRect(option.rect.left() + kMargin / 2, top, option.rect.width() - kMargin, bottom - top + 1),
            mentionsMe ? Colours::mention(palette) : tint);
    }
    if (!parts.quote.isNull()) {
        QColor bar = palette.color(QPalette::PlaceholderText);
        painter->fillRect(QRect(parts.quote.left(), parts.quote.top(), kQuoteBar, parts.quote.height()), bar);
        QFont small = option.font;
        small.setItalic(index.data(MessageModel::ReplyDeletedRole).toBool());
        painter->setFont(small);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        const QRect textRect = parts.quote.adjusted(kQuoteBar + kMargin, 0, 0, 0);
        painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(small).elidedText(quoteText(index), Qt::ElideRight, textRect.width()));
        painter->setFont(option.font);
    }
    if (!parts.header.isNull()) {
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        const QString author = index.data(MessageModel::AuthorRole).toString();
        paintAvatar(painter, parts.avatar, author, palette);
        painter->setFont(bold);
        painter->setPen(Colours::forName(author, palette));
        painter->drawText(parts.header, Qt::AlignLeft | Qt::AlignVCenter, author);
        const int authorWidth = QFontMetrics(bold).horizontalAdvance(author);
        painter->setFont(option.font);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(parts.header.adjusted(authorWidth + kMargin, 0, 0, 0),
                          Qt::AlignLeft | Qt::AlignVCenter, timeText(index));
    }
    if (!parts.gutterTime.isNull() && m_hovered.isValid() && m_hovered == index) {
        // A message that continues its group has no header: its time shows when the mouse is on it.
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.8);
        painter->setFont(small);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        const QTime time = index.data(MessageModel::TimestampRole).toDateTime().toLocalTime().time();
        painter->drawText(
            parts.gutterTime, Qt::AlignRight | Qt::AlignVCenter,
            QFontMetrics(small).elidedText(gutterTime(time), Qt::ElideLeft, parts.gutterTime.width()));
        painter->setFont(option.font);
    }
    painter->translate(parts.body.topLeft());
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = palette;
    context.palette.setColor(QPalette::Text, palette.color(QPalette::Text));
    parts.text->documentLayout()->draw(painter, context);
    painter->translate(-parts.body.topLeft());
    paintReactions(painter, option, parts, index);
    if (m_hovered.isValid() && m_hovered == index &&
        index.data(MessageModel::StatusRole).value<MessageModel::Status>() == MessageModel::Status::Sent &&
        !index.data(MessageModel::DeletedRole).toBool())
        paintActions(painter, option, parts.actions);
    if (!parts.status.isNull()) {
        const bool failed = index.data(MessageModel::StatusRole).value<MessageModel::Status>() ==
                            MessageModel::Status::Failed;
        QFont italic = option.font;
        italic.setItalic(true);
        painter->setFont(italic);
        painter->setPen(failed ? Colours::of(Colours::Role::Error, palette)
                               : palette.color(QPalette::PlaceholderText));
        painter->drawText(parts.status, Qt::AlignLeft | Qt::AlignVCenter, statusText(index));
    }
    painter->restore();
    Colours::paintFocus(painter, option);
}

void MessageDelegate::paintReactions(QPainter *painter, const QStyleOptionViewItem &option,
                                     const Layout &parts, const QModelIndex &index) const
{
    const QVariantList reactions = index.data(MessageModel::ReactionsRole).toList();
    const QPalette &palette = option.palette;
    painter->setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < parts.reactions.size() && i < reactions.size(); ++i) {
        const QVariantMap reaction = reactions.at(i).toMap();
        const QRect chip = parts.reactions.at(i).first;
        const bool mine = reaction.value(QStringLiteral("mine")).toBool();
        QColor fill = mine ? palette.color(QPalette::Highlight) : palette.color(QPalette::Button);
        fill.setAlpha(mine ? 60 : 255);
        painter->setPen(mine ? palette.color(QPalette::Highlight) : palette.color(QPalette::Mid));
        painter->setBrush(fill);
        painter->drawRoundedRect(QRectF(chip).adjusted(0.5, 0.5, -0.5, -0.5), chip.height() / 2.0,
                                 chip.height() / 2.0);
        // The emoji in the colour font, the count in the text font: "❤️ 2".
        painter->setPen(palette.color(QPalette::ButtonText));
        const QString emoji = reaction.value(QStringLiteral("emoji")).toString();
        const QFont emojiFont = Emoji::font(option.font);
        const int emojiWidth = QFontMetrics(emojiFont).horizontalAdvance(emoji);
        const QRect text = chip.adjusted(kChipPadding, 0, -kChipPadding, 0);
        painter->setFont(emojiFont);
        painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter, emoji);
        painter->setFont(option.font);
        painter->drawText(text.adjusted(emojiWidth, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                          QStringLiteral(" %1").arg(reaction.value(QStringLiteral("count")).toInt()));
    }
    painter->setBrush(Qt::NoBrush);
}

void MessageDelegate::paintAvatar(QPainter *painter, const QRect &circle, const QString &author,
                                  const QPalette &palette)
{
    // Initials: the first letters of up to two parts of the name ("mary.jane" → "MJ", "bob" → "B").
    const QStringList parts =
        author.split(QRegularExpression(QStringLiteral("[._\\- ]+")), Qt::SkipEmptyParts);
    QString initials;
    for (const QString &part : parts.mid(0, 2))
        initials += part.at(0).toUpper();
    const QColor fill = Colours::forName(author, palette);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawEllipse(circle);
    const QColor white(Qt::white);
    const QColor black(Qt::black);
    painter->setPen(Colours::contrast(fill, white) >= Colours::contrast(fill, black) ? white : black);
    painter->drawText(circle, Qt::AlignCenter, initials);
    painter->restore();
}

void MessageDelegate::paintActions(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QRect &actions) const
{
    const QPalette &palette = option.palette;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(palette.color(QPalette::Mid));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(QRectF(actions).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    const int side = actions.height();
    const QStringList glyphs{QStringLiteral("↩"), QStringLiteral("☺"), QStringLiteral("⋯")};
    painter->setPen(palette.color(QPalette::Text));
    for (int i = 0; i < glyphs.size(); ++i)
        painter->drawText(QRect(actions.left() + i * (side + kGap), actions.top(), side, side),
                          Qt::AlignCenter, glyphs.at(i));
    painter->setBrush(Qt::NoBrush);
}

QRect MessageDelegate::bodyRect(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return isNotice(index) ? QRect() : layout(option, index).body;
}

std::unique_ptr<QTextDocument> MessageDelegate::bodyDocument(const QStyleOptionViewItem &option,
                                                             const QModelIndex &index) const
{
    return layout(option, index).text;
}

MessageDelegate::Hit MessageDelegate::hitAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                                            const QPoint &pos) const
{
    if (isNotice(index))
        return {};
    const Layout parts = layout(option, index);
    const bool actionable =
        index.data(MessageModel::StatusRole).value<MessageModel::Status>() == MessageModel::Status::Sent &&
        !index.data(MessageModel::DeletedRole).toBool();
    if (actionable && m_hovered == index && parts.actions.contains(pos)) {
        const int side = parts.actions.height();
        const int slot = (pos.x() - parts.actions.left()) / (side + kGap);
        return {slot == 0 ? Part::Reply : slot == 1 ? Part::React : Part::More, {}};
    }
    for (const auto &[rect, emoji] : parts.reactions) {
        if (rect.contains(pos))
            return {Part::Reaction, emoji};
    }
    if (parts.quote.contains(pos))
        return {Part::Quote, {}};
    if (parts.body.contains(pos)) {
        const QString link = parts.text->documentLayout()->anchorAt(QPointF(pos - parts.body.topLeft()));
        if (!link.isEmpty())
            return {Part::Link, link};
    }
    return {};
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
