// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatmessage.h"

#include <QIcon>
#include <QObject>
#include <QPointer>
#include <memory>

class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace Natter::Client {

class ChatSession;

/// The tray icon with the total unread count (tooltip and badge), a desktop notification for a message in
/// a room not in view or while the window is inactive, and a taskbar alert. Can be switched off. The icon's
/// menu shows the window or quits; a click on it shows the window.
class TrayNotifier : public QObject {
    Q_OBJECT
public:
    TrayNotifier(ChatSession &session, QWidget *window, QObject *parent = nullptr);
    ~TrayNotifier() override;

    /// Whether the desktop has a tray: QSystemTrayIcon::isSystemTrayAvailable() when made. Tests set it
    /// (the offscreen platform has none).
    void setTrayAvailable(bool available);
    /// True while the icon is in the tray: the window can then be closed to it.
    bool inTray() const { return m_tray != nullptr; }
    QMenu *menu() const { return m_menu.get(); }
    /// Shows and raises the window, wherever it was (hidden in the tray, minimized, behind others).
    void showWindow();
    /// A message from Natter itself: a balloon from the tray icon, or a message box where the tray
    /// shows none.
    void showNotice(const QString &title, const QString &text);
    int noticeCount() const { return m_notices; }

    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    /// Notifications raised so far (whether or not the desktop has a tray to show them).
    int notificationCount() const { return m_notifications; }
    /// What a notification shows of a message's text.
    static QString preview(const QString &text);
    QString toolTip() const;

signals:
    /// "Quit" in the icon's menu.
    void quitRequested();

private:
    void onMessage(qint64 roomId, const ChatMessage &message);
    void updateBadge(int unread);

    ChatSession &m_session;
    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QIcon m_icon;
    std::unique_ptr<QMenu> m_menu; // a QMenu is a widget: not a child of this QObject
    bool m_enabled = true;
    int m_notifications = 0;
    int m_notices = 0;
    int m_unread = 0;
};

} // namespace Natter::Client
