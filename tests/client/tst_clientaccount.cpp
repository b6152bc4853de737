// SPDX-License-Identifier: GPL-3.0-or-later
// The account actions of the Natter menu: change password, sign out everywhere.
#include "changepassworddialog.h"
#include "chatsession.h"
#include "clientfixture.h"
#include "clientsettings.h"
#include "clientwindow.h"
#include "connection.h"
#include "filetokenstore.h"
#include "mainwindow.h"
#include "signinpage.h"
#include "testclient.h"
#include "testserver.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Natter;
using namespace Natter::Client;
using namespace Natter::Test;

class TestClientAccount : public QObject, public ClientFixture {
    Q_OBJECT

private slots:
    void init() { QVERIFY(setUp({QStringLiteral("alice")})); }

    void cleanup() { tearDown(); }

    void changePassword()
    {
        ClientWindow here(m_dir->path(), QStringLiteral("here"), m_server->url());
        QVERIFY(here.signIn(QStringLiteral("alice"), false));
        TestClient elsewhere;
        QVERIFY(elsewhere.open(m_server->url()));
        QCOMPARE(replyCode(elsewhere.login(QStringLiteral("alice"))), QStringLiteral("ok"));

        ChangePasswordDialog dialog(here.session);
        dialog.show();
        auto *current = dialog.findChild<QLineEdit *>(QStringLiteral("currentPassword"));
        auto *fresh = dialog.findChild<QLineEdit *>(QStringLiteral("newPassword"));
        auto *repeat = dialog.findChild<QLineEdit *>(QStringLiteral("repeatPassword"));
        auto *change = dialog.findChild<QPushButton *>(QStringLiteral("change"));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("error"));
        QCOMPARE(current->echoMode(), QLineEdit::Password);
        QVERIFY(!current->accessibleName().isEmpty());

        current->setText(QStringLiteral("password123"));
        fresh->setText(QStringLiteral("brand-new-pass"));
        repeat->setText(QStringLiteral("brand-new-typo"));
        change->click();
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("not the same")));

        current->setText(QStringLiteral("not-my-password"));
        repeat->setText(QStringLiteral("brand-new-pass"));
        change->click();
        QTRY_VERIFY(error->text().contains(QStringLiteral("not your current password")));
        QVERIFY(dialog.isVisible());

        current->setText(QStringLiteral("password123"));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        change->click();
        QVERIFY(accepted.wait(10000));
        QVERIFY(elsewhere.waitForEvents(QStringLiteral("signed_out")));
        QCOMPARE(here.session.state(), ChatSession::State::SignedIn);
        TestClient later;
        QVERIFY(later.open(m_server->url()));
        QCOMPARE(replyCode(later.login(QStringLiteral("alice"), QStringLiteral("brand-new-pass"))),
                 QStringLiteral("ok"));
    }

    void signOutEverywhere()
    {
        ClientWindow laptop(m_dir->path(), QStringLiteral("laptop"), m_server->url());
        QVERIFY(laptop.signIn(QStringLiteral("alice"), true));
        ClientWindow desktop(m_dir->path(), QStringLiteral("desktop"), m_server->url());
        QVERIFY(desktop.signIn(QStringLiteral("alice"), true));
        const QString desktopToken = desktop.settings.token(m_server->url());
        QVERIFY(!desktopToken.isEmpty());

        auto *action = laptop.window.findChild<QAction *>(QStringLiteral("signOutEverywhere"));
        QVERIFY(action->isEnabled());
        action->trigger(); // it asks first; Cancel does nothing
        QMessageBox *question = nullptr;
        QTRY_VERIFY(question =
                        laptop.window.findChild<QMessageBox *>(QStringLiteral("signOutEverywhereQuestion")));
        question->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!laptop.window.findChild<QMessageBox *>(QStringLiteral("signOutEverywhereQuestion")));
        QCOMPARE(laptop.session.state(), ChatSession::State::SignedIn);

        action->trigger();
        QTRY_VERIFY(question =
                        laptop.window.findChild<QMessageBox *>(QStringLiteral("signOutEverywhereQuestion")));
        question->findChild<QPushButton *>(QStringLiteral("confirm"))->click();
        QTRY_COMPARE(laptop.session.state(), ChatSession::State::SignedOut);
        QTRY_COMPARE(desktop.session.state(), ChatSession::State::SignedOut);
        // The other device says why it is back at the sign-in page, and does not offer the old password.
        QVERIFY(desktop.signInError().contains(QStringLiteral("signed out")));
        QVERIFY(desktop.window.signInPage()
                    ->findChild<QLineEdit *>(QStringLiteral("password"))
                    ->text()
                    .isEmpty());
        QVERIFY(!action->isEnabled());
        QVERIFY(laptop.settings.token(m_server->url()).isEmpty());
        TestClient thief; // the desktop's kept token no longer works either
        QVERIFY(thief.open(m_server->url()));
        QTRY_COMPARE(replyCode(thief.request(QStringLiteral("resume"), {{"token", desktopToken}})),
                     QStringLiteral("invalid_token"));
    }

    void anIdleSignInFormGoesQuietlyOfflineAndConnectsToSignIn()
    {
        // natterd closes connections that do not sign in; a client left at its sign-in form does not then
        // reconnect over and over ("Connection lost. Reconnecting…" every 30 s), but goes offline quietly.
        m_server->config().connection.authTimeoutMs = 300;
        QVERIFY(m_server->restart());
        ClientWindow idle(m_dir->path(), QStringLiteral("idle"), m_server->url());
        QVERIFY(idle.waitForForm());
        QTRY_COMPARE(idle.connection.state(), Connection::State::Online);
        QTRY_COMPARE(idle.connection.state(), Connection::State::Offline);
        // Not "Offline": that reads as "the server is down".
        QCOMPARE(idle.window.connectionStatus(),
                 QStringLiteral("Natter connects to %1 when you sign in.").arg(m_server->url().toString()));
        QVERIFY(idle.signInError().isEmpty());
        // Reconnecting would take 50-400 ms here (the test's backoff).
        QVERIFY(
            !QTest::qWaitFor([&] { return idle.connection.state() != Connection::State::Offline; }, 1000));
        QVERIFY(idle.signIn(QStringLiteral("alice"))); // signing in connects again
    }

    void signOutEverywhereWaitsForTheServer()
    {
        ClientWindow laptop(m_dir->path(), QStringLiteral("laptop"), m_server->url());
        QVERIFY(laptop.signIn(QStringLiteral("alice"), true));
        auto *action = laptop.window.findChild<QAction *>(QStringLiteral("signOutEverywhere"));
        laptop.connection.close();
        QTRY_VERIFY(!action->isEnabled()); // offline: only the server can sign the other devices out
        QVERIFY(!laptop.window.findChild<QAction *>(QStringLiteral("changePassword"))->isEnabled());
        bool answered = false;
        laptop.session.signOutEverywhere([&](const Answer<EmptyReply> &reply) {
            answered = true;
            QVERIFY(reply.offline);
        });
        QVERIFY(answered);
        QCOMPARE(laptop.session.state(), ChatSession::State::SignedIn); // nothing pretended to be done
        QVERIFY(!laptop.settings.token(m_server->url()).isEmpty());
    }
};

QTEST_MAIN(TestClientAccount)
#include "tst_clientaccount.moc"
