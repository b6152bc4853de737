// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QSplitter;
class QToolButton;

namespace Natter::Client {

class ChatSession;
class ChatView;
class Composer;

/// The signed-in screen: rooms on the left, the open room's messages and the composer in the middle,
/// its members on the right.
class ChatPage : public QWidget {
    Q_OBJECT
public:
    explicit ChatPage(ChatSession &session, QWidget *parent = nullptr);

    /// Opens a room (0: none).
    void openRoom(qint64 roomId);
    qint64 currentRoom() const { return m_room; }
    /// Moves to the previous (-1) or next (+1) room in the list.
    void stepRoom(int delta);
    QByteArray splitterState() const;
    void restoreSplitterState(const QByteArray &state);
    ChatView *chatView() const { return m_chat; }
    Composer *composer() const { return m_composer; }

signals:
    void roomOpened(qint64 roomId);
    void leaveRequested(qint64 roomId);

private:
    void updateCounter();
    void updateHeader();
    void showRoomMenu(const QPoint &pos);

    ChatSession &m_session;
    qint64 m_room = 0;
    QSplitter *m_splitter;
    QListView *m_rooms;
    QLabel *m_title;
    QLabel *m_code;
    ChatView *m_chat;
    Composer *m_composer;
    QLabel *m_counter;
    QLabel *m_membersTitle;
    QListView *m_members;
    QLabel *m_empty;
};

} // namespace Natter::Client
