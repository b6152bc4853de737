// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListView>
#include <functional>

class QPushButton;
class QTextBrowser;

namespace Natter::Client {

class MessageDelegate;

/// The chat view: a QListView over a MessageModel. Near the top it asks for older messages and keeps what
/// the user reads in place when they arrive; new messages scroll into view only when the user was at the
/// bottom, else a "new messages" button appears. Links open in the browser; a failed message retries on
/// click. Each message has hover actions (reply, react, more) and a context menu (reply, react, edit and
/// delete one's own, copy the text or a link); reaction chips add or remove one's own reaction.
class ChatView : public QListView {
    Q_OBJECT
public:
    explicit ChatView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    /// Like setModel(), and opens at the first message after `readPosition` (marked "New") when there is
    /// one, else at the bottom.
    void setModel(QAbstractItemModel *model, qint64 readPosition);
    /// Scrolls to a message and flashes it (search results, quotes); false when it is not loaded.
    bool showMessage(qint64 messageId);
    /// The room and message of a link to a message; nullopt for any other URL.
    static std::optional<std::pair<qint64, qint64>> messageLink(const QUrl &url);
    /// The reactions offered in menus.
    static QStringList quickReactions();
    /// What is under a point of the viewport (for tests and accessibility).
    std::pair<int, QString> partAt(const QPoint &pos) const;
    /// The read position the "New" line is drawn after (0: none).
    qint64 newSince() const;
    /// Scrolls so that the first message after the read position is near the top; false when the model
    /// does not reach back to it (then load the history around it and call this again).
    bool showReadPosition();
    /// How user ids become names, for the tooltip of a reaction chip (who reacted).
    void setUserNames(std::function<QString(qint64)> names) { m_userNames = std::move(names); }
    /// The tooltip of what is under a point of the viewport: who reacted, for a reaction chip; what a hover
    /// action does.
    QString toolTipAt(const QPoint &pos) const;
    bool isAtBottom() const;
    bool newMessagesMarkerShown() const;

signals:
    void olderWanted();
    /// Scrolled to the end of a window of older history: the page after it is wanted.
    void newerWanted();
    /// "Jump to latest" while the view holds older history.
    void latestWanted();
    void retryRequested(const QString &clientId);
    /// "Discard" on a message the server refused.
    void discardRequested(const QString &clientId);
    void replyRequested(qint64 messageId);
    void editRequested(qint64 messageId);
    void deleteRequested(qint64 messageId);
    void reactionToggled(qint64 messageId, const QString &emoji, bool on);
    /// A link to a message (natter://room/R/message/M) was clicked.
    void messageLinkActivated(qint64 roomId, qint64 messageId);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void updateGeometries() override;

private:
    void beforeInsert(const QModelIndex &parent, int first, int last);
    void afterInsert(const QModelIndex &parent, int first, int last);
    void placeMarker();
    void afterReset();
    /// The model holds a window of older history, not the newest messages.
    bool holdsOlderHistory() const;
    void showLatestButton();
    QString linkAt(const QPoint &pos) const;
    QStyleOptionViewItem optionFor(const QModelIndex &index) const;
    void showMenu(const QModelIndex &index, const QPoint &globalPos);

public:
    /// The context menu of a message as right-click or the Menu key shows it (the caller owns it; empty
    /// when there is nothing to do).
    QMenu *menuFor(const QModelIndex &index);

private:
    void showReactionMenu(const QModelIndex &index, const QPoint &globalPos);
    void setHovered(const QModelIndex &index);
    /// Lays a read-only, selectable copy of the message's text over it and starts a selection there.
    bool startSelecting(const QModelIndex &index, QMouseEvent *press);
    void stopSelecting();
    void forwardToSelector(QMouseEvent *event);
    void placeSelector();

    MessageDelegate *m_delegate;
    QPushButton *m_marker;
    bool m_wasAtBottom = true;
    bool m_keepFromBottom = false;
    int m_distanceFromBottom = 0;
    QPersistentModelIndex m_hovered;
    std::function<QString(qint64)> m_userNames;
    QTextBrowser *m_selector;
    QPersistentModelIndex m_selecting; // the message whose text the selector holds
    bool m_dragging = false;
};

} // namespace Natter::Client
