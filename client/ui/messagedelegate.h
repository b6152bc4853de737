// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QLocale>
#include <QStyledItemDelegate>
#include <memory>

class QTextDocument;

namespace Natter::Client {

/// Paints one message: a day separator when the date changes, a "New" line above the first message after
/// the read position, author and local time unless it continues the author's group, the quote of the
/// message it answers, the text with word wrap and clickable links (or "deleted" for a tombstone),
/// "(edited)", the reaction chips, the user's own messages tinted and those that name the user marked, and
/// "sending…" / "not sent" for messages the server has not stored. On the row under the mouse it draws
/// the hover actions (reply, react, more). Size hints are cached per row content and width.
class MessageDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit MessageDelegate(QObject *parent = nullptr);
    ~MessageDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// What is under `pos` (view coordinates, within option.rect) of a message.
    enum class Part { None, Link, Reaction, Reply, React, More, Quote };
    struct Hit {
        Part part = Part::None;
        QString value; // the link, or the reaction's emoji
    };
    Hit hitAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;
    /// Where the text of a message is drawn (empty for lines about the room), and the document drawn there:
    /// the view lays a selectable copy over it when the user starts selecting.
    QRect bodyRect(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    std::unique_ptr<QTextDocument> bodyDocument(const QStyleOptionViewItem &option,
                                                const QModelIndex &index) const;
    /// What is drawn under a message: "Sending…", why it was not sent, "(edited)"; empty for none.
    QString statusText(const QModelIndex &index) const;
    /// The link under `pos`, if any.
    QString linkAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;
    void clearCache() { m_sizes.clear(); }
    /// The row the mouse is over, which shows the hover actions (invalid: none).
    void setHovered(const QPersistentModelIndex &index) { m_hovered = index; }
    /// A message shown on purpose (a search result, a link): drawn highlighted for a moment.
    void setFlashed(const QPersistentModelIndex &index) { m_flashed = index; }
    /// Messages after this id (not the user's own) are new since the last visit: a line goes above the
    /// first of them. 0: no line.
    void setReadPosition(qint64 messageId);
    qint64 readPosition() const { return m_readPosition; }

    /// Message text as HTML: escaped, with URLs made links. Public for tests.
    static QString toHtml(const QString &text);
    /// The time beside a message that continues its group, shown on hover: hours and minutes only (the
    /// avatar's narrow column has no room for seconds, which the C locale's short form has).
    static QString gutterTime(const QTime &time, const QLocale &locale = QLocale());

private:
    struct Layout {
        QRect separator;
        QRect newLine;
        QRect avatar;
        QRect header;
        QRect quote;
        QRect body;
        QList<QPair<QRect, QString>> reactions;
        QRect status;
        QRect gutterTime; // where the time shows on hover, for a message without a header
        QRect actions;    // reply, react, more: three squares
        int height = 0;
        std::unique_ptr<QTextDocument> text; // laid out at body's width: measured, drawn and hit-tested once
    };
    Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    std::unique_ptr<QTextDocument> document(const QStyleOptionViewItem &option, const QModelIndex &index,
                                            int width) const;
    bool startsNew(const QModelIndex &index) const;
    void paintReactions(QPainter *painter, const QStyleOptionViewItem &option, const Layout &parts,
                        const QModelIndex &index) const;
    static void paintAvatar(QPainter *painter, const QRect &circle, const QString &author,
                            const QPalette &palette);
    void paintActions(QPainter *painter, const QStyleOptionViewItem &option, const QRect &actions) const;

    mutable QHash<QString, QSize> m_sizes;
    QPersistentModelIndex m_hovered;
    QPersistentModelIndex m_flashed;
    qint64 m_readPosition = 0;
};

} // namespace Natter::Client
