// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientwindow.h"

#include "certificatetrust.h"
#include "signinpage.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

namespace Natter::Test {

ClientWindow::ClientWindow(const QString &directory, const QString &profile, const QUrl &server,
                           Client::TokenStore *store)
    : settings(profile, directory)
    , tokens(settings)
    , session(connection)
    , preferences(settings, directory + QStringLiteral("/autostart"))
    , window(connection, session, settings, store ? *store : tokens, preferences)
{
    settings.setServerUrl(server);
    connection.setBackoff(Client::ReconnectBackoff(50, 400));
    window.show();
    window.start();
}

bool ClientWindow::waitForForm() const
{
    auto *button = window.signInPage()->findChild<QPushButton *>(QStringLiteral("signIn"));
    return QTest::qWaitFor([button] { return button->isEnabled(); }, 10000);
}

bool ClientWindow::submitSignIn(const QString &username, bool keep)
{
    if (!waitForForm())
        return false;
    auto *page = window.signInPage();
    auto *name = page->findChild<QLineEdit *>(QStringLiteral("username"));
    name->clear();
    QTest::keyClicks(name, username);
    auto *password = page->findChild<QLineEdit *>(QStringLiteral("password"));
    password->clear();
    QTest::keyClicks(password, QStringLiteral("password123"));
    page->findChild<QCheckBox *>(QStringLiteral("keepSignedIn"))->setChecked(keep);
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("signIn")), Qt::LeftButton);
    return true;
}

bool ClientWindow::signIn(const QString &username, bool keep)
{
    QSignalSpy synced(&session, &Client::ChatSession::synced);
    return submitSignIn(username, keep) && synced.wait(10000);
}

QString ClientWindow::signInError() const
{
    return window.signInPage()->findChild<QLabel *>(QStringLiteral("error"))->text();
}

QMessageBox *ClientWindow::certificateDialog() const
{
    return window.certificateTrust()->openDialog();
}

} // namespace Natter::Test
