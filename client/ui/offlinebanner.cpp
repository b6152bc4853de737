// SPDX-License-Identifier: GPL-3.0-or-later
#include "offlinebanner.h"

#include "chatsession.h"
#include "connection.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace Natter::Client {

OfflineBanner::OfflineBanner(ChatSession &session, QWidget *parent)
    : QFrame(parent)
    , m_connection(session.connection())
    , m_session(session)
    , m_text(new QLabel(this))
    , m_reconnect(new QPushButton(tr("Reconnect now"), this))
{
    setObjectName(QStringLiteral("offlineBanner"));
    setAccessibleName(tr("Connection lost"));
    setFrameShape(QFrame::StyledPanel);
    // Roles, not colours: they follow the palette, dark ones included, and its changes at run time.
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    m_text->setForegroundRole(QPalette::ToolTipText);
    m_text->setObjectName(QStringLiteral("offlineText"));
    m_text->setWordWrap(true);
    m_reconnect->setObjectName(QStringLiteral("reconnectNow"));
    m_reconnect->setAccessibleName(tr("Reconnect now"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_reconnect);
    connect(m_reconnect, &QPushButton::clicked, &m_connection, &Connection::retryNow);
    connect(&m_connection, &Connection::stateChanged, this, &OfflineBanner::refresh);
    connect(&m_session, &ChatSession::stateChanged, this, &OfflineBanner::refresh);
    connect(&m_connection, &Connection::countdown, this, &OfflineBanner::refresh);
    refresh();
}

QString OfflineBanner::text() const
{
    return m_text->text();
}

void OfflineBanner::refresh()
{
    const Connection::State state = m_connection.state();
    const bool down = m_session.state() == ChatSession::State::SignedIn && state != Connection::State::Online;
    const bool waiting = down && state == Connection::State::WaitingToReconnect;
    setVisible(down);
    if (waiting) {
        m_text->setText(tr("Offline: trying again in %n s…", nullptr, m_connection.reconnectInSeconds()));
    } else if (down && state == Connection::State::Connecting) {
        m_text->setText(tr("Offline: connecting…"));
    } else if (down) {
        m_text->setText(tr("Offline."));
    }
    setAccessibleDescription(m_text->text());
    // Only a wait can be cut short; an attempt under way is already "now".
    m_reconnect->setVisible(down && state != Connection::State::Offline);
    m_reconnect->setEnabled(waiting);
}

} // namespace Natter::Client
