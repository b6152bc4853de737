// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

namespace Natter::Client {

class ChatPage;
class ChatSession;

/// The Rooms menu: new, join, go to, search, previous and next, copy the access code, leave. What needs a
/// signed-in session does nothing without one; the dialogs are modal to `window`.
class RoomsMenu : public QMenu {
    Q_OBJECT
public:
    RoomsMenu(ChatSession &session, ChatPage *chat, QWidget *window);

private:
    bool signedIn() const;
    void createRoom();
    void joinRoom();
    void goToRoom();

    ChatSession &m_session;
    ChatPage *m_chat;
    QWidget *m_window;
};

} // namespace Natter::Client
