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

/// Server address, username, password and "keep me signed in"; errors appear inline.
class SignInPage : public QWidget {
    Q_OBJECT
public:
    explicit SignInPage(QWidget *parent = nullptr);

    void setServer(const QUrl &server);
    QUrl server() const;
    void setUsername(const QString &username);
    void setKeepSignedIn(bool keep);
    void showError(const QString &message);
    /// While a kept session waits for its server: what is happening, with a button to try at once (empty:
    /// hidden).
    void showWaiting(const QString &message);
    /// Whether a waiting notice is shown.
    bool isWaiting() const;
    void setBusy(bool busy);
    /// Clears the password and puts the focus where typing should start.
    void prepare();
    /// Forgets the typed password (once signed in, the form does not keep it).
    void clearPassword();

protected:
    void changeEvent(QEvent *event) override;
    /// Enter where no field takes it (on "Keep me signed in") signs in, as Enter in the fields does.
    void keyPressEvent(QKeyEvent *event) override;

signals:
    void signInRequested(const QUrl &server, const QString &username, const QString &password, bool keep);
    void signUpWanted();
    void retryWanted();

private:
    void submit();
    /// Sets every text, in the language of the moment.
    void retranslate();

    QLineEdit *m_server;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QCheckBox *m_keep;
    QPushButton *m_signIn;
    QLabel *m_error;
    QLabel *m_title;
    QLabel *m_signUpLink;
    QFormLayout *m_form;
    QLabel *m_waiting;
    QPushButton *m_retry;
};

} // namespace Natter::Client
