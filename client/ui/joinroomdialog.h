// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Natter::Client {

class ChatSession;

/// Takes an access code and joins that room; errors (no such room, too many tries) appear inline.
class JoinRoomDialog : public QDialog {
    Q_OBJECT
public:
    explicit JoinRoomDialog(ChatSession &session, QWidget *parent = nullptr);
    qint64 joinedRoom() const { return m_room; }

private:
    void join();

    ChatSession &m_session;
    QLineEdit *m_code;
    QLabel *m_error;
    QPushButton *m_join;
    qint64 m_room = 0;
};

} // namespace Natter::Client
