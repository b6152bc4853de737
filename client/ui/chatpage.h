// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QListView;
class QSortFilterProxyModel;
class QSplitter;
class QToolButton;

namespace Natter::Client {

class ChatSession;
class ChatView;
class Composer;
class SearchPanel;

/// The signed-in screen: rooms and direct conversations on the left, the open room's messages, who is
/// typing and the composer (with the message being answered or edited above it) in the middle, its
/// members on the right.
class ChatPage : public QWidget {
    Q_OBJECT
public:
    explicit ChatPage(ChatSession &session, QWidget *parent = nullptr);

    /// Opens a room (0: none).
    void openRoom(qint64 roomId);
    qint64 currentRoom() const { return m_room; }
    /// What was written and not sent, per room (the open room's composer included); kept across restarts
    /// by the window.
    QHash<qint64, QString> drafts() const;
    void setDrafts(const QHash<qint64, QString> &drafts);
    /// Moves to the previous (-1) or next (+1) room in the list.
    void stepRoom(int delta);
    QByteArray splitterState() const;
    void restoreSplitterState(const QByteArray &state);
    ChatView *chatView() const { return m_chat; }
    Composer *composer() const { return m_composer; }
    /// The message the next one answers, or the one being edited (0: none).
    qint64 replyingTo() const { return m_replyTo; }
    qint64 editing() const { return m_editing; }
    void startReply(qint64 messageId);
    void startEdit(qint64 messageId);
    /// Puts the open room's access code on the clipboard (and says so).
    void copyCode();
    /// Asks before deleting one's own message.
    void confirmDelete(qint64 messageId);
    void showRoomSettings(qint64 roomId);
    /// Asks before leaving a room (or closing a direct conversation); leaveRequested() when confirmed.
    void confirmLeave(qint64 roomId);
    /// Opens the direct conversation with a member.
    void messageMember(qint64 userId);
    /// Shows the search panel, limited to the open room or over every room.
    void showSearch(bool thisRoom);
    SearchPanel *searchPanel() const { return m_search; }
    /// Opens a room at a message, loading older history until it is there (at most a few thousand
    /// messages back).
    void openMessage(qint64 roomId, qint64 messageId);

signals:
    void roomOpened(qint64 roomId);
    void leaveRequested(qint64 roomId);
    /// Something the user asked for failed where there is no form to show it (e.g. "Message" on a member).
    void notice(const QString &text);

protected:
    /// The room lists: the focus arriving does not open a room, and typing goes to the composer.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateCounter();
    /// Puts the open room's draft into the composer.
    void restoreDraft();
    void updateHeader();
    void updateEmptyHint();
    /// A room's name cut short to fit a heading.
    QString shortName(const QString &name) const;
    void updateTyping();
    void updateBar();
    void cancelBar();
    void submit(const QString &text);
    void showRoomMenu(QListView *list, const QPoint &pos);
    void showMemberMenu(const QPoint &pos);
    void selectInLists(qint64 roomId);

    ChatSession &m_session;
    qint64 m_room = 0;
    QSplitter *m_splitter;
    QListView *m_rooms;
    QListView *m_directs;
    QSortFilterProxyModel *m_roomFilter;
    QSortFilterProxyModel *m_directFilter;
    QLabel *m_title;
    QLabel *m_code;
    ChatView *m_chat;
    Composer *m_composer;
    QWidget *m_bar;
    QLabel *m_barText;
    QLabel *m_typing;
    qint64 m_replyTo = 0;
    qint64 m_editing = 0;
    QLabel *m_counter;
    QLabel *m_membersTitle;
    QListView *m_members;
    QLabel *m_empty;
    QLabel *m_roomEmpty; // a room with nothing said yet: how to invite people
    SearchPanel *m_search;
    QHash<qint64, QString> m_drafts;   // of the rooms not open
    bool m_quietCurrent = false;       // a list's current row moves without opening its room
    bool m_restoringDraft = false;     // the composer's text changes, but nobody is typing
    qint64 m_jumpTo = 0;               // the message openMessage() is loading history for
    bool m_jumpToReadPosition = false; // ...or the read position the room opens at
};

} // namespace Natter::Client
