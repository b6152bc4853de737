// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomsmenu.h"

#include "chatpage.h"
#include "chatsession.h"
#include "createroomdialog.h"
#include "formparts.h"
#include "joinroomdialog.h"
#include "quickswitcher.h"

namespace Natter::Client {

RoomsMenu::RoomsMenu(ChatSession &session, ChatPage *chat, QWidget *window)
    : QMenu(tr("&Rooms"), window)
    , m_session(session)
    , m_chat(chat)
    , m_window(window)
{
    addAction(tr("&New room…"), QKeySequence(Qt::CTRL | Qt::Key_N), this, &RoomsMenu::createRoom);
    addAction(tr("&Join room…"), QKeySequence(Qt::CTRL | Qt::Key_J), this, &RoomsMenu::joinRoom);
    addAction(tr("&Go to room…"), QKeySequence(Qt::CTRL | Qt::Key_K), this, &RoomsMenu::goToRoom);
    addAction(tr("&Search in room…"), QKeySequence(Qt::CTRL | Qt::Key_F), this, [this] {
        if (signedIn())
            m_chat->showSearch(true);
    })->setObjectName(QStringLiteral("searchRoom"));
    addAction(tr("Search &everywhere…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), this, [this] {
        if (signedIn())
            m_chat->showSearch(false);
    })->setObjectName(QStringLiteral("searchEverywhere"));
    addSeparator();
    addAction(tr("&Previous room"), QKeySequence(Qt::ALT | Qt::Key_Up), this,
              [this] { m_chat->stepRoom(-1); });
    addAction(tr("Ne&xt room"), QKeySequence(Qt::ALT | Qt::Key_Down), this, [this] { m_chat->stepRoom(1); });
    addAction(tr("&Copy access code"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), this, [this] {
        m_chat->copyCode();
    })->setObjectName(QStringLiteral("copyAccessCode"));
    addAction(tr("&Leave room…"), this, [this] { m_chat->confirmLeave(m_chat->currentRoom()); });
    // Signed out, there are no rooms to act on: say so by greying the menu out.
    const auto update = [this] {
        for (QAction *action : actions())
            action->setEnabled(signedIn());
    };
    connect(&m_session, &ChatSession::stateChanged, this, update);
    update();
}

bool RoomsMenu::signedIn() const
{
    return m_session.state() == ChatSession::State::SignedIn;
}

void RoomsMenu::createRoom()
{
    if (!signedIn())
        return;
    CreateRoomDialog dialog(m_session, m_window);
    FormParts::runModal(dialog, m_window);
    if (dialog.createdRoom())
        m_chat->openRoom(dialog.createdRoom());
}

void RoomsMenu::joinRoom()
{
    if (!signedIn())
        return;
    JoinRoomDialog dialog(m_session, m_window);
    if (FormParts::runModal(dialog, m_window) == QDialog::Accepted)
        m_chat->openRoom(dialog.joinedRoom());
}

void RoomsMenu::goToRoom()
{
    if (!signedIn())
        return;
    QuickSwitcher switcher(m_session.rooms(), m_window);
    if (FormParts::runModal(switcher, m_window) == QDialog::Accepted)
        m_chat->openRoom(switcher.chosenRoom());
}

} // namespace Natter::Client
