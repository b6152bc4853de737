// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace Natter::Client {

class ChatSession;

/// Asks for a room's name, creates it, then shows its access code with a copy button.
class CreateRoomDialog : public QDialog {
    Q_OBJECT
public:
    explicit CreateRoomDialog(ChatSession &session, QWidget *parent = nullptr);
    qint64 createdRoom() const { return m_room; }
    QString accessCode() const;

private:
    void create();

    ChatSession &m_session;
    QStackedWidget *m_pages;
    QLineEdit *m_name;
    QLabel *m_error;
    QPushButton *m_create;
    QLabel *m_code;
    qint64 m_room = 0;
};

} // namespace Natter::Client
