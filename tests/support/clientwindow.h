// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatsession.h"
#include "clientsettings.h"
#include "connection.h"
#include "filetokenstore.h"
#include "mainwindow.h"
#include "preferences.h"

#include <QString>
#include <QUrl>

class QMessageBox;

namespace Natter::Test {

/// The desktop client as main() builds it, for widget tests: a profile's settings in `directory`, a
/// connection that retries quickly, the session and the shown window, started. Tokens are kept in the
/// profile's settings file unless `store` is given: the keychain is tested on its own (tst_keychain), and
/// widget tests never wait on it.
struct ClientWindow {
    ClientWindow(const QString &directory, const QString &profile, const QUrl &server,
                 Client::TokenStore *store = nullptr);

    template <typename T>
    T *find(const char *name) const
    {
        return window.findChild<T *>(QString::fromLatin1(name));
    }
    /// As a user would: waits for the sign-in button, busy while the window looks for a kept session.
    bool waitForForm() const;
    /// Types the username and "password123" into the sign-in page and clicks Sign in; false when the form
    /// never became ready.
    bool submitSignIn(const QString &username, bool keep = false);
    /// submitSignIn(), then waits until the session has synced.
    bool signIn(const QString &username, bool keep = false);
    QString signInError() const;
    /// The certificate question or warning that is open, if any.
    QMessageBox *certificateDialog() const;

    Client::ClientSettings settings;
    Client::FileTokenStore tokens;
    Client::Connection connection;
    Client::ChatSession session;
    /// Start at login writes into `directory`/autostart, not the user's.
    Client::Preferences preferences;
    Client::MainWindow window;
};

} // namespace Natter::Test
