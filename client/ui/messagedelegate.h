// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QStyledItemDelegate>
#include <memory>

class QTextDocument;

namespace Natter::Client {

/// Paints one message: a day separator when the date changes, author and local time unless it continues
/// the author's group, the text with word wrap and clickable links, the user's own messages tinted, and
/// "sending…" / "not sent" for messages the server has not stored. Size hints are cached per row content
/// and width.
class MessageDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit MessageDelegate(QObject *parent = nullptr);
    ~MessageDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The link under `pos` (in item coordinates of `rect`), if any.
    QString linkAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;
    void clearCache() { m_sizes.clear(); }

    /// Message text as HTML: escaped, with URLs made links. Public for tests.
    static QString toHtml(const QString &text);

private:
    struct Layout {
        QRect separator;
        QRect header;
        QRect body;
        QRect status;
        int height = 0;
        std::unique_ptr<QTextDocument> text; // laid out at body's width: measured, drawn and hit-tested once
    };
    Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    std::unique_ptr<QTextDocument> document(const QStyleOptionViewItem &option, const QModelIndex &index,
                                            int width) const;
    QString statusText(const QModelIndex &index) const;

    mutable QHash<QString, QSize> m_sizes;
};

} // namespace Natter::Client
