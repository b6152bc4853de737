// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace Natter::Client {

class ChatSession;
class Connection;

/// Across the top of the conversation while the connection is down after signing in: when the next try
/// is, and a button to try at once. Hidden while connected or signed out.
class OfflineBanner : public QFrame {
    Q_OBJECT
public:
    OfflineBanner(ChatSession &session, QWidget *parent = nullptr);

    QString text() const;

private:
    void refresh();

    Connection &m_connection;
    ChatSession &m_session;
    QLabel *m_text;
    QPushButton *m_reconnect;
};

} // namespace Natter::Client
