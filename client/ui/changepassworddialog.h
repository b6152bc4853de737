// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Natter::Client {

class ChatSession;

/// Natter → Change password…: the current password, the new one twice. On success every other device is
/// signed out by the server; this one stays signed in.
class ChangePasswordDialog : public QDialog {
    Q_OBJECT
public:
    explicit ChangePasswordDialog(ChatSession &session, QWidget *parent = nullptr);

private:
    void submit();

    ChatSession &m_session;
    QLineEdit *m_current;
    QLineEdit *m_new;
    QLineEdit *m_repeat;
    QLabel *m_error;
    QPushButton *m_change;
};

} // namespace Natter::Client
