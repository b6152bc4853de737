// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatmessage.h"

#include <QIcon>
#include <QObject>
#include <QPointer>

class QSystemTrayIcon;
class QWidget;

namespace Natter::Client {

class ChatSession;

/// The tray icon with the total unread count (tooltip and badge), a desktop notification for a message in
/// a room not in view or while the window is inactive, and a taskbar alert. Can be switched off.
class TrayNotifier : public QObject {
    Q_OBJECT
public:
    TrayNotifier(ChatSession &session, QWidget *window, QObject *parent = nullptr);

    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    /// Notifications raised so far (whether or not the desktop has a tray to show them).
    int notificationCount() const { return m_notifications; }
    QString toolTip() const;

private:
    void onMessage(qint64 roomId, const ChatMessage &message);
    void updateBadge(int unread);

    ChatSession &m_session;
    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QIcon m_icon;
    bool m_enabled = true;
    int m_notifications = 0;
    int m_unread = 0;
};

} // namespace Natter::Client
