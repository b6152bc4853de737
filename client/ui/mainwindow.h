// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profilelauncher.h"
#include "protocolerror.h"

#include <QMainWindow>
#include <functional>

class QAction;
class QLabel;
class QStackedWidget;

namespace Natter::Client {

class CertificateTrust;
class ChatPage;
class ChatSession;
class ClientSettings;
class Connection;
class Preferences;
class SignInPage;
class SignUpPage;
class TokenStore;
class TrayNotifier;

/// Composes the window: sign-in and sign-up pages, the chat page, menus and shortcuts, the status bar
/// (connection state and who is signed in) and the tray. Keeps the window's state in the profile's settings.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(Connection &connection, ChatSession &session, ClientSettings &settings, TokenStore &tokens,
               Preferences &preferences, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Connects to the remembered server and resumes a kept session, if any. Returns at once: the sign-in
    /// page stays busy while the token store looks for a kept token.
    void start();
    SignInPage *signInPage() const { return m_signIn; }
    SignUpPage *signUpPage() const { return m_signUp; }
    ChatPage *chatPage() const { return m_chat; }
    TrayNotifier *tray() const { return m_tray; }
    CertificateTrust *certificateTrust() const { return m_trust; }
    QString connectionStatus() const;
    /// Starts natter with another profile when the user switches accounts; tests replace what it starts.
    ProfileLauncher &profileLauncher() { return m_launcher; }
    /// Saves the window's state and quits, even with the window hidden in the tray (Quit, Ctrl+Q).
    void quit();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    /// A new language: menus and the chat page are built again (the session lives outside them).
    void changeEvent(QEvent *event) override;

private:
    void buildMenus();
    void buildHelpMenu();
    void connectChatPage();
    void rebuildChatPage();
    void resumeKept(const QString &token);
    void showPageFor();
    void whenOnline(const QUrl &server, std::function<void()> action);
    void setUpStatusBar();
    void connectForms();
    void connectConnection();
    void connectSession();
    void onSignInFailed(const ProtocolError &error, bool offline);
    /// Shows `text` on the form in view, sign-in or sign-up.
    void showFormError(const QString &text);
    /// Nothing can be done with this server (its certificate, its protocol): whatever waited for it is
    /// dropped, and the form and the status bar say why.
    void refuse(const QString &explanation);
    void updateStatus();
    void updateTitle();
    /// A kept session is being resumed while its server cannot be reached.
    bool waitingWithKeptSession() const;
    void confirmSignOutEverywhere();
    void saveState();
    /// Moves and shrinks the window as needed to be wholly on the screen it is mostly on.
    void fitOnScreen();
    void switchProfile(const QString &profile);

    Connection &m_connection;
    ChatSession &m_session;
    ClientSettings &m_settings;
    TokenStore &m_tokens;
    Preferences &m_preferences;
    QStackedWidget *m_pages;
    SignInPage *m_signIn;
    SignUpPage *m_signUp;
    ChatPage *m_chat;
    TrayNotifier *m_tray;
    CertificateTrust *m_trust;
    QLabel *m_connectionLabel;
    QLabel *m_userLabel;
    QAction *m_changePassword = nullptr;
    QAction *m_signOut = nullptr;
    QAction *m_signOutEverywhere = nullptr;
    QUrl m_reached;    // the last server this window was connected to
    QString m_refusal; // why the server was refused (its certificate), while offline
    ProfileLauncher m_launcher;
    std::function<void()> m_onOnline;
    bool m_keepSignedIn = false;
    bool m_lookingForKept = false;
    bool m_showSignUp = false;
    bool m_restoredRoom = false;
    bool m_fitted = false;
    bool m_quitting = false; // closing the window then quits rather than hiding it in the tray
};

} // namespace Natter::Client
