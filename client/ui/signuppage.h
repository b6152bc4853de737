// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUrl>
#include <QWidget>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Natter::Client {

/// A new account: the server's rules are checked as the user types, the server's answer shown inline.
class SignUpPage : public QWidget {
    Q_OBJECT
public:
    explicit SignUpPage(QWidget *parent = nullptr);

    void setServer(const QUrl &server) { m_server = server; }
    void showError(const QString &message);
    void setBusy(bool busy);
    void prepare();
    /// Forgets the typed passwords (once signed in, the form does not keep them).
    void clearPasswords();

protected:
    void changeEvent(QEvent *event) override;

signals:
    void signUpRequested(const QUrl &server, const QString &username, const QString &password, bool keep);
    void signInWanted();

private:
    void validate();
    void submit();
    /// Sets every text, in the language of the moment.
    void retranslate();

    QUrl m_server;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QCheckBox *m_keep;
    QLabel *m_hint;
    QLabel *m_error;
    QPushButton *m_create;
    QLabel *m_title;
    QLabel *m_signInLink;
    QFormLayout *m_form;
    bool m_busy = false;
};

} // namespace Natter::Client
