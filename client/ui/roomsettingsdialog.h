// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Natter::Client {

class ChatSession;

/// A room's settings: its name and access code. Every member may copy the code; the owner may also
/// rename the room and give it a new code (the old one stops working). Anyone may leave from here.
class RoomSettingsDialog : public QDialog {
    Q_OBJECT
public:
    RoomSettingsDialog(ChatSession &session, qint64 roomId, QWidget *parent = nullptr);

signals:
    void leaveRequested(qint64 roomId);

private:
    void refresh();
    void rename();
    /// Asks first: the old code stops working.
    void renewCode();
    void confirmedRenewCode();
    void showError(const QString &text);

    ChatSession &m_session;
    qint64 m_room;
    QLineEdit *m_name;
    QPushButton *m_rename;
    QLabel *m_code;
    QPushButton *m_copy;
    QPushButton *m_renew;
    QLabel *m_ownerNote;
    QLabel *m_error;
};

} // namespace Natter::Client
