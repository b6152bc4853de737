// SPDX-License-Identifier: GPL-3.0-or-later
#include "traynotifier.h"

#include "chatsession.h"
#include "roomlistmodel.h"

#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSystemTrayIcon>
#include <QWidget>

namespace Natter::Client {

TrayNotifier::TrayNotifier(ChatSession &session, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_window(window)
    , m_icon(QStringLiteral(":/icons/natter.svg"))
    , m_menu(std::make_unique<QMenu>())
{
    m_menu->addAction(tr("&Show Natter"), this, &TrayNotifier::showWindow)
        ->setObjectName(QStringLiteral("trayShow"));
    m_menu->addSeparator();
    m_menu->addAction(tr("&Quit"), this, &TrayNotifier::quitRequested)
        ->setObjectName(QStringLiteral("trayQuit"));
    setTrayAvailable(QSystemTrayIcon::isSystemTrayAvailable());
    connect(&session, &ChatSession::messageReceived, this, &TrayNotifier::onMessage);
    connect(session.rooms(), &RoomListModel::totalUnreadChanged, this, &TrayNotifier::updateBadge);
    connect(&session, &ChatSession::stateChanged, this, [this] {
        if (m_tray)
            m_tray->setToolTip(toolTip());
    });
}

TrayNotifier::~TrayNotifier()
{
    delete std::exchange(m_tray, nullptr); // before the menu it shows
}

void TrayNotifier::setTrayAvailable(bool available)
{
    if (!available) {
        delete std::exchange(m_tray, nullptr);
        return;
    }
    if (m_tray)
        return;
    m_tray = new QSystemTrayIcon(m_icon, this);
    m_tray->setContextMenu(m_menu.get());
    updateBadge(m_unread);
    m_tray->show();
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason != QSystemTrayIcon::Context)
            showWindow();
    });
}

void TrayNotifier::showWindow()
{
    if (!m_window)
        return;
    m_window->setWindowState(m_window->windowState() & ~Qt::WindowMinimized); // and maximized if it was
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void TrayNotifier::showNotice(const QString &title, const QString &text)
{
    ++m_notices;
    if (m_tray && QSystemTrayIcon::supportsMessages()) {
        m_tray->showMessage(title, text, m_icon);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("trayNotice"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QString TrayNotifier::toolTip() const
{
    // Whose icon it is: two accounts side by side put two identical icons in the tray.
    if (m_session.state() != ChatSession::State::SignedIn)
        return m_unread > 0 ? tr("Natter: %n unread message(s)", nullptr, m_unread) : tr("Natter");
    const QString who = m_session.user().username;
    return m_unread > 0 ? tr("Natter, %1: %n unread message(s)", nullptr, m_unread).arg(who)
                        : tr("Natter, %1").arg(who);
}

void TrayNotifier::updateBadge(int unread)
{
    m_unread = unread;
    if (!m_tray)
        return;
    m_tray->setToolTip(toolTip());
    if (unread == 0) {
        m_tray->setIcon(m_icon);
        return;
    }
    QPixmap pixmap = m_icon.pixmap(64, 64);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor(0xc6, 0x28, 0x28));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(QRect(30, 0, 34, 34));
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(unread > 99 ? 14 : 20);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRect(30, 0, 34, 34), Qt::AlignCenter,
                     unread > 99 ? QStringLiteral("99+") : QString::number(unread));
    painter.end();
    m_tray->setIcon(QIcon(pixmap));
}

QString TrayNotifier::preview(const QString &text)
{
    // As other chat programs give it: the first three lines, at most 200 characters.
    QString body = text.section(QLatin1Char('\n'), 0, 2);
    if (body.size() > 200)
        body = body.left(200);
    if (body.size() < text.size())
        body += QStringLiteral("…");
    return body;
}

void TrayNotifier::onMessage(qint64 roomId, const ChatMessage &message)
{
    const bool inView = roomId == m_session.activeRoom() && m_window && m_window->isActiveWindow();
    // A message that names the user gets through a muted room.
    const bool mentionsMe = message.mentions.contains(m_session.user().id);
    if (!m_enabled || inView || (m_session.rooms()->isMuted(roomId) && !mentionsMe))
        return;
    ++m_notifications;
    const QString room = m_session.rooms()->nameOf(roomId);
    const QString title = mentionsMe ? tr("%1 mentioned you in %2").arg(message.author.username, room)
                                     : tr("%1 in %2").arg(message.author.username, room);
    const QString body = preview(message.text);
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, body, m_icon);
    if (m_window)
        QApplication::alert(m_window);
}

} // namespace Natter::Client
