// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatpage.h"
#include "chatsession.h"
#include "chatview.h"
#include "clientfixture.h"
#include "clientsettings.h"
#include "clientwindow.h"
#include "composer.h"
#include "connection.h"
#include "createroomdialog.h"
#include "errorcode.h"
#include "errortext.h"
#include "filetokenstore.h"
#include "joinroomdialog.h"
#include "mainwindow.h"
#include "membermodel.h"
#include "messagedelegate.h"
#include "messagemodel.h"
#include "protocolerror.h"
#include "reconnectbackoff.h"
#include "roomlistmodel.h"
#include "signinpage.h"
#include "signuppage.h"
#include "testclient.h"
#include "testserver.h"
#include "tokenstore.h"
#include "translations.h"
#include "traynotifier.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialog>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTcpServer>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>
#include <memory>

using namespace Natter;
using namespace Natter::Client;
using namespace Natter::Test;

namespace {
/// What main() builds: settings of one profile, the connection, the session and the window.

/// A token store that answers a read only when the test says so, like a keychain waiting to be unlocked.
class HeldTokenStore : public TokenStore {
public:
    void read(const QUrl &, QObject *context, ReadCallback callback) override
    {
        m_context = context;
        m_pending = std::move(callback);
    }
    void write(const QUrl &, const QString &token) override { written = token; }
    void forget(const QUrl &) override { written.clear(); }
    bool usesKeychain() const override { return true; }
    bool busy() const override { return false; }
    bool asked() const { return bool(m_pending); }
    void answer(const QString &token)
    {
        if (m_context)
            std::exchange(m_pending, {})(token);
    }
    QString written;

private:
    QPointer<QObject> m_context;
    ReadCallback m_pending;
};

bool memberOnline(MemberModel *model, const QString &name, bool *found = nullptr)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row);
        if (index.data(MemberModel::UsernameRole).toString() == name) {
            if (found)
                *found = true;
            return index.data(MemberModel::OnlineRole).toBool();
        }
    }
    return false;
}
} // namespace

class TestClientWidgets : public QObject, public ClientFixture {
    Q_OBJECT

private slots:
    void init() { QVERIFY(setUp({QStringLiteral("alice"), QStringLiteral("bob")})); }

    void cleanup() { tearDown(); }

    void wrongPasswordShowsInlineError()
    {
        ClientWindow client(m_dir->path(), QStringLiteral("a"), m_server->url());
        QTRY_COMPARE(client.connection.state(), Connection::State::Online);
        auto *page = client.window.signInPage();
        QTest::keyClicks(page->findChild<QLineEdit *>(QStringLiteral("username")), QStringLiteral("alice"));
        QTest::keyClicks(page->findChild<QLineEdit *>(QStringLiteral("password")),
                         QStringLiteral("not my password"));
        QTest::keyClick(page->findChild<QLineEdit *>(QStringLiteral("password")), Qt::Key_Return);
        auto *error = page->findChild<QLabel *>(QStringLiteral("error"));
        QTRY_VERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("Wrong username or password."));
        QVERIFY(!error->text().contains(QLatin1String("bad_credentials")));
        QCOMPARE(client.session.state(), ChatSession::State::SignedOut);
        QVERIFY(page->findChild<QPushButton *>(QStringLiteral("signIn"))->isEnabled());
    }

    void unreachableServerIsSaidInPlainWords()
    {
        QTcpServer placeholder; // a port that nothing answers WebSocket on once closed
        QVERIFY(placeholder.listen(QHostAddress::LocalHost));
        const QUrl nowhere(QStringLiteral("ws://127.0.0.1:%1").arg(placeholder.serverPort()));
        placeholder.close();
        ClientWindow client(m_dir->path(), QStringLiteral("u"), nowhere);
        QVERIFY(client.waitForForm());
        auto *page = client.window.signInPage();
        QTest::keyClicks(page->findChild<QLineEdit *>(QStringLiteral("username")), QStringLiteral("alice"));
        QTest::keyClicks(page->findChild<QLineEdit *>(QStringLiteral("password")),
                         QStringLiteral("password123"));
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("signIn")), Qt::LeftButton);
        auto *error = page->findChild<QLabel *>(QStringLiteral("error"));
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QLatin1String("Cannot reach the server")), qPrintable(error->text()));
        // Issue 10, bug 11: never connected, nothing was "lost".
        QTRY_VERIFY(client.window.connectionStatus().contains(QLatin1String("Trying again")));
        QVERIFY2(client.window.connectionStatus().startsWith(QLatin1String("Cannot reach ws://127.0.0.1:")),
                 qPrintable(client.window.connectionStatus()));
    }

    void keptSessionWithServerDownSaysSoAndRecovers()
    {
        QUrl url;
        QString token;
        {
            ClientWindow first(m_dir->path(), QStringLiteral("down"), m_server->url());
            QVERIFY(first.signIn(QStringLiteral("alice"), true));
            url = m_server->url();
            token = first.settings.token(url);
        }
        m_server->stop();
        ClientWindow again(m_dir->path(), QStringLiteral("down"), url);
        auto *page = again.window.signInPage();
        // Issue 10, bug 12: not a red error over an empty form, but what is happening and what comes next.
        auto *waiting = page->findChild<QLabel *>(QStringLiteral("waiting"));
        QTRY_VERIFY(waiting->isVisible());
        QVERIFY2(waiting->text().contains(QLatin1String("Cannot reach")) &&
                     waiting->text().contains(QLatin1String("alice")) &&
                     waiting->text().contains(QLatin1String("Trying again in")),
                 qPrintable(waiting->text()));
        QVERIFY(!page->findChild<QLabel *>(QStringLiteral("error"))->isVisible());
        QVERIFY(page->findChild<QPushButton *>(QStringLiteral("signIn"))->isEnabled());
        QCOMPARE(again.settings.token(url), token); // not forgotten for being offline
        QSignalSpy synced(&again.session, &ChatSession::synced);
        QVERIFY(m_server->restart());
        QVERIFY(synced.wait(10000)); // the kept session resumes by itself once the server is back
        QCOMPARE(again.session.user().username, QStringLiteral("alice"));
        QVERIFY(!waiting->isVisible());
    }

    void keptSessionWaitingCanTryNow()
    {
        QUrl url;
        {
            ClientWindow first(m_dir->path(), QStringLiteral("now"), m_server->url());
            QVERIFY(first.signIn(QStringLiteral("alice"), true));
            url = m_server->url();
        }
        m_server->stop();
        ClientWindow again(m_dir->path(), QStringLiteral("now"), url);
        again.connection.setBackoff(ReconnectBackoff(10'000, 20'000));
        auto *retry = again.find<QPushButton>("retryNow");
        QTRY_VERIFY(retry->isVisible());
        // Wait until the next try is far off, bring the server back, and ask: it signs in at once.
        QTRY_VERIFY_WITH_TIMEOUT(again.connection.reconnectInMs() > 2000, 15000);
        QVERIFY(m_server->restart());
        QSignalSpy synced(&again.session, &ChatSession::synced);
        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(synced.wait(1500));
    }

    void tryNowThatFailsKeepsTheFocus()
    {
        QUrl url;
        {
            ClientWindow first(m_dir->path(), QStringLiteral("focus"), m_server->url());
            QVERIFY(first.signIn(QStringLiteral("alice"), true));
            url = m_server->url();
        }
        m_server->stop();
        ClientWindow again(m_dir->path(), QStringLiteral("focus"), url);
        again.connection.setBackoff(ReconnectBackoff(10'000, 20'000));
        again.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&again.window));
        auto *retry = again.find<QPushButton>("retryNow");
        QTRY_VERIFY(retry->isVisible());
        retry->setFocus();
        QSignalSpy states(&again.connection, &Connection::stateChanged);
        QTest::keyClick(retry, Qt::Key_Space); // a keyboard user presses it; the server is still down
        QTRY_COMPARE(again.connection.state(), Connection::State::WaitingToReconnect);
        QVERIFY(states.contains({QVariant::fromValue(Connection::State::Connecting)}));
        // The button stayed where it was, with the focus: not handed to the server field, text selected.
        QVERIFY(retry->isVisible());
        QCOMPARE(QApplication::focusWidget(), retry);
    }

    void aKeptSessionIsLookedForWithoutBlocking()
    {
        TestClient earlier; // a sign-in with "keep me signed in" on an earlier run
        QVERIFY(earlier.open(m_server->url()));
        QCOMPARE(replyCode(earlier.login(QStringLiteral("alice"))), QStringLiteral("ok"));
        HeldTokenStore keychain;
        ClientWindow client(m_dir->path(), QStringLiteral("held"), m_server->url(), &keychain);
        // start() has returned with the keychain still silent; the page says a sign-in is under way.
        QVERIFY(keychain.asked());
        auto *signIn = client.window.signInPage()->findChild<QPushButton *>(QStringLiteral("signIn"));
        QVERIFY(client.window.signInPage()->isVisible());
        QVERIFY(!signIn->isEnabled());
        QCOMPARE(signIn->text(), QStringLiteral("Signing in…"));
        QTRY_COMPARE(client.connection.state(), Connection::State::Online); // the window lives meanwhile
        QVERIFY(!signIn->isEnabled());

        QSignalSpy synced(&client.session, &ChatSession::synced);
        keychain.answer(earlier.token());
        QVERIFY(synced.wait());
        QCOMPARE(client.session.user().username, QStringLiteral("alice"));
        QVERIFY(client.window.chatPage()->isVisible());
        QVERIFY(
            client.window.signInPage()->findChild<QCheckBox *>(QStringLiteral("keepSignedIn"))->isChecked());
    }

    void noKeptSessionGivesTheFormBack()
    {
        HeldTokenStore keychain;
        ClientWindow client(m_dir->path(), QStringLiteral("none"), m_server->url(), &keychain);
        auto *signIn = client.window.signInPage()->findChild<QPushButton *>(QStringLiteral("signIn"));
        QTRY_COMPARE(client.connection.state(), Connection::State::Online);
        QVERIFY(!signIn->isEnabled());
        keychain.answer({});
        QVERIFY(signIn->isEnabled());
        QCOMPARE(signIn->text(), QStringLiteral("&Sign in"));
        QCOMPARE(client.session.state(), ChatSession::State::SignedOut);
        QVERIFY(client.signIn(QStringLiteral("bob"), true));
        QVERIFY(!keychain.written.isEmpty()); // kept through the store, not the file
        QVERIFY(client.settings.token(m_server->url()).isEmpty());
    }

    void smallDialogsShowTheirTitleWhole()
    {
        // Issue 10, bug 16: the join dialog was as narrow as its field, and the title bar cut its title.
        ClientWindow alice(m_dir->path(), QStringLiteral("title"), m_server->url());
        for (QDialog *dialog :
             std::initializer_list<QDialog *>{new JoinRoomDialog(alice.session, &alice.window),
                                              new CreateRoomDialog(alice.session, &alice.window)}) {
            dialog->show();
            // The title in the window's bold title font, the close button and margins beside it.
            QFont bold = dialog->font();
            bold.setBold(true);
            const int needed =
                QFontMetrics(bold).horizontalAdvance(dialog->windowTitle() + QStringLiteral(" — Natter")) +
                120;
            QVERIFY2(dialog->width() >= needed,
                     qPrintable(QStringLiteral("%1 < %2").arg(dialog->width()).arg(needed)));
            delete dialog;
        }
    }

    void enterOnKeepSignedInSignsIn()
    {
        ClientWindow client(m_dir->path(), QStringLiteral("enter"), m_server->url());
        QVERIFY(client.waitForForm());
        auto *page = client.window.signInPage();
        QTest::keyClicks(page->findChild<QLineEdit *>(QStringLiteral("username")), QStringLiteral("alice"));
        QTest::keyClicks(page->findChild<QLineEdit *>(QStringLiteral("password")),
                         QStringLiteral("password123"));
        auto *keep = page->findChild<QCheckBox *>(QStringLiteral("keepSignedIn"));
        keep->setFocus();
        QSignalSpy requested(page, &SignInPage::signInRequested);
        QTest::keyClick(keep, Qt::Key_Return);
        QCOMPARE(requested.size(), 1);
    }

    void signUpChecksAsYouType()
    {
        ClientWindow client(m_dir->path(), QStringLiteral("s"), m_server->url());
        QTRY_COMPARE(client.connection.state(), Connection::State::Online);
        emit client.window.signInPage()->findChild<QLabel *>(QStringLiteral("signUpLink"))->linkActivated({});
        auto *page = client.window.signUpPage();
        QTRY_VERIFY(page->isVisible());
        auto *create = page->findChild<QPushButton *>(QStringLiteral("createAccount"));
        auto *hint = page->findChild<QLabel *>(QStringLiteral("hint"));
        QTest::keyClicks(page->findChild<QLineEdit *>(QStringLiteral("newUsername")), QStringLiteral("c d"));
        QVERIFY(hint->text().contains(QLatin1String("3 to 32")));
        QVERIFY(!create->isEnabled());
        page->findChild<QLineEdit *>(QStringLiteral("newUsername"))->clear();
        QTest::keyClicks(page->findChild<QLineEdit *>(QStringLiteral("newUsername")), QStringLiteral("Bob"));
        QTest::keyClicks(page->findChild<QLineEdit *>(QStringLiteral("newPassword")),
                         QStringLiteral("short"));
        QVERIFY(hint->text().contains(QLatin1String("8 characters")));
        QTest::keyClicks(page->findChild<QLineEdit *>(QStringLiteral("newPassword")),
                         QStringLiteral("-enough"));
        QTest::keyClicks(page->findChild<QLineEdit *>(QStringLiteral("repeatPassword")),
                         QStringLiteral("short-enougX"));
        QVERIFY(hint->text().contains(QLatin1String("differ")));
        QVERIFY(!create->isEnabled());
        QTest::keyClick(page->findChild<QLineEdit *>(QStringLiteral("repeatPassword")), Qt::Key_Backspace);
        QTest::keyClicks(page->findChild<QLineEdit *>(QStringLiteral("repeatPassword")), QStringLiteral("h"));
        QVERIFY(create->isEnabled());
        QTest::mouseClick(create, Qt::LeftButton);
        auto *error = page->findChild<QLabel *>(QStringLiteral("error"));
        QTRY_VERIFY(error->isVisible()); // "Bob" is taken: bob exists, without regard to case
        QVERIFY(error->text().contains(QLatin1String("taken")));
        // Fixing the name takes the old error away; Enter in any field creates the account once it is
        // complete (issue 10, bugs 9 and 10).
        auto *username = page->findChild<QLineEdit *>(QStringLiteral("newUsername"));
        username->selectAll();
        QTest::keyClicks(username, QStringLiteral("carol"));
        QVERIFY(!error->isVisible());
        QSignalSpy synced(&client.session, &ChatSession::synced);
        QTest::keyClick(username, Qt::Key_Return);
        QVERIFY(synced.wait());
        QTRY_VERIFY(client.window.chatPage()->isVisible());
        QCOMPARE(client.find<QLabel>("userStatus")->text(), QStringLiteral("Signed in as carol"));
    }

    void twoWindowsChat()
    {
        ClientWindow alice(m_dir->path(), QStringLiteral("alice"), m_server->url());
        ClientWindow bob(m_dir->path(), QStringLiteral("bob"), m_server->url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        QVERIFY(bob.signIn(QStringLiteral("bob")));
        QTRY_VERIFY(alice.window.chatPage()->isVisible());

        std::optional<Room> created;
        alice.session.createRoom(QStringLiteral("Lounge"),
                                 [&](const auto &room, const auto &) { created = room; });
        QTRY_VERIFY(created);
        alice.window.chatPage()->openRoom(created->id);

        JoinRoomDialog join(bob.session, &bob.window);
        join.show();
        // A wrong code says so; the error goes once the code is changed.
        auto *codeField = join.findChild<QLineEdit *>(QStringLiteral("code"));
        QTest::keyClicks(codeField, QStringLiteral("ABCDEFGHJK"));
        QTest::mouseClick(join.findChild<QPushButton *>(QStringLiteral("join")), Qt::LeftButton);
        auto *joinError = join.findChild<QLabel *>(QStringLiteral("error"));
        QTRY_VERIFY(joinError->isVisible());
        codeField->selectAll();
        QTest::keyClicks(codeField, created->code.toLower());
        QVERIFY(!joinError->isVisible());
        QSignalSpy accepted(&join, &QDialog::accepted);
        QTest::mouseClick(join.findChild<QPushButton *>(QStringLiteral("join")), Qt::LeftButton);
        QVERIFY(accepted.wait());
        bob.window.chatPage()->openRoom(join.joinedRoom());
        QCOMPARE(join.joinedRoom(), created->id);

        // Alice types; Shift+Enter is a new line, Enter sends.
        Composer *composer = alice.window.chatPage()->composer();
        QTest::keyClicks(composer, QStringLiteral("hello"));
        QTest::keyClick(composer, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(composer, QStringLiteral("bob"));
        QCOMPARE(composer->toPlainText(), QStringLiteral("hello\nbob"));
        // Nothing sent yet: Alice's conversation holds only the line saying that Bob joined.
        QCOMPARE(alice.session.messages(created->id)->rowCount(), 1);
        QCOMPARE(alice.session.messages(created->id)->index(0).data(MessageModel::TextRole).toString(),
                 QStringLiteral("bob joined the room"));
        QTest::keyClick(composer, Qt::Key_Return);
        QCOMPARE(composer->toPlainText(), QString());
        QListView *bobView = bob.window.chatPage()->chatView();
        // Bob's own conversation starts with the line saying that he joined (history holds it).
        QTRY_COMPARE(bobView->model()->rowCount(), 2);
        QCOMPARE(bobView->model()->index(0, 0).data(MessageModel::TextRole).toString(),
                 QStringLiteral("You joined the room"));
        QCOMPARE(bobView->model()->index(1, 0).data(MessageModel::TextRole).toString(),
                 QStringLiteral("hello\nbob"));
        QTRY_COMPARE(alice.window.chatPage()
                         ->chatView()
                         ->model()
                         ->index(1, 0)
                         .data(MessageModel::StatusRole)
                         .value<MessageModel::Status>(),
                     MessageModel::Status::Sent);

        // An empty Enter sends nothing.
        QTest::keyClick(composer, Qt::Key_Return);
        QCOMPARE(alice.session.outboxSize(), 0);

        // Presence: Bob's dot flips in Alice's member list when he signs out.
        auto *members = qobject_cast<MemberModel *>(
            alice.window.chatPage()->findChild<QListView *>(QStringLiteral("members"))->model());
        QVERIFY(members);
        QTRY_VERIFY(memberOnline(members, QStringLiteral("bob")));
        bob.find<QAction>("signOut")->trigger();
        QTRY_VERIFY(!memberOnline(members, QStringLiteral("bob")));
        QVERIFY(bob.window.signInPage()->isVisible());
        const QModelIndex bobRow = members->index(members->rowCount() - 1);
        QCOMPARE(bobRow.data(Qt::AccessibleTextRole).toString(), QStringLiteral("bob, offline"));
    }

    void keepMeSignedInResumesAndSignOutForgets()
    {
        {
            ClientWindow first(m_dir->path(), QStringLiteral("keep"), m_server->url());
            QVERIFY(first.signIn(QStringLiteral("alice"), true));
            QVERIFY(!first.settings.token(m_server->url()).isEmpty());
            QFile file(first.settings.filePath());
            QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                     QFileDevice::Permissions());
        }
        ClientWindow again(m_dir->path(), QStringLiteral("keep"), m_server->url());
        QSignalSpy synced(&again.session, &ChatSession::synced);
        QVERIFY(synced.wait()); // no password asked
        QCOMPARE(again.session.user().username, QStringLiteral("alice"));
        QVERIFY(again.window.chatPage()->isVisible());
        again.find<QAction>("signOut")->trigger();
        QTRY_VERIFY(again.settings.token(m_server->url()).isEmpty());

        ClientWindow notKept(m_dir->path(), QStringLiteral("notkept"), m_server->url());
        QVERIFY(notKept.signIn(QStringLiteral("bob"), false));
        QVERIFY(notKept.settings.token(m_server->url()).isEmpty());
        // The password is never stored.
        QFile file(notKept.settings.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("password123"));
    }

    void reconnectsAndSaysSo()
    {
        ClientWindow alice(m_dir->path(), QStringLiteral("r"), m_server->url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        QTRY_VERIFY(alice.window.connectionStatus().startsWith(QLatin1String("Connected")));
        std::optional<Room> room;
        alice.session.createRoom(QStringLiteral("Lounge"), [&](const auto &r, const auto &) { room = r; });
        QTRY_VERIFY(room);
        alice.window.chatPage()->openRoom(room->id);
        const QModelIndex self = alice.session.members(room->id)->index(0);
        QCOMPARE(self.data(MemberModel::OnlineRole), QVariant(true));
        m_server->stop();
        QTRY_VERIFY(alice.window.connectionStatus().contains(QLatin1String("Reconnecting")));
        // Issue 10, bug 6: offline, nobody is shown online (or offline): presence is unknown.
        QVERIFY(!self.data(MemberModel::OnlineRole).isValid());
        QVERIFY(self.data(Qt::AccessibleTextRole).toString().contains(QLatin1String("unknown")));
        QCOMPARE(alice.find<QLabel>("membersTitle")->text(), QStringLiteral("Members: 1"));
        QSignalSpy synced(&alice.session, &ChatSession::synced);
        QVERIFY(m_server->restart());
        QVERIFY(synced.wait(10000));
        QTRY_VERIFY(alice.window.connectionStatus().startsWith(QLatin1String("Connected")));
        QCOMPARE(alice.session.state(), ChatSession::State::SignedIn);
        QCOMPARE(alice.session.members(room->id)->index(0).data(MemberModel::OnlineRole), QVariant(true));
    }

    void notificationsForRoomsOutOfView()
    {
        ClientWindow alice(m_dir->path(), QStringLiteral("n1"), m_server->url());
        ClientWindow bob(m_dir->path(), QStringLiteral("n2"), m_server->url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        QVERIFY(bob.signIn(QStringLiteral("bob")));
        std::optional<Room> room;
        alice.session.createRoom(QStringLiteral("Quiet"), [&](const auto &r, const auto &) { room = r; });
        QTRY_VERIFY(room);
        std::optional<Room> joined;
        bob.session.joinRoom(room->code, [&](const auto &r, const auto &) { joined = r; });
        QTRY_VERIFY(joined);
        bob.window.chatPage()->openRoom(0); // nothing in view
        alice.session.send(room->id, QStringLiteral("ping"));
        QTRY_COMPARE(bob.window.tray()->notificationCount(), 1);
        QTRY_COMPARE(bob.session.rooms()->totalUnread(), 1);
        QVERIFY(bob.window.tray()->toolTip().contains(QLatin1String("1 unread")));
        // Two accounts side by side have two icons in the tray: each says whose it is.
        QVERIFY2(bob.window.tray()->toolTip().contains(QLatin1String("bob")),
                 qPrintable(bob.window.tray()->toolTip()));
        QVERIFY(alice.window.tray()->toolTip().contains(QLatin1String("alice")));
        bob.find<QAction>("notifications")->trigger(); // switched off
        alice.session.send(room->id, QStringLiteral("pong"));
        QTRY_COMPARE(bob.session.rooms()->totalUnread(), 2);
        QCOMPARE(bob.window.tray()->notificationCount(), 1);
        bob.window.chatPage()->openRoom(room->id);
        QCOMPARE(bob.session.rooms()->totalUnread(), 0);
    }

    void composerShowsTheLimitBeforeItIsHit()
    {
        ClientWindow alice(m_dir->path(), QStringLiteral("limit"), m_server->url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        std::optional<Room> room;
        alice.session.createRoom(QStringLiteral("Long"), [&](const auto &r, const auto &) { room = r; });
        QTRY_VERIFY(room);
        alice.window.chatPage()->openRoom(room->id);
        Composer *composer = alice.window.chatPage()->composer();
        auto *counter = alice.window.chatPage()->findChild<QLabel *>(QStringLiteral("counter"));
        composer->setPlainText(QString(3000, QLatin1Char('a')));
        QVERIFY(!counter->isVisible()); // far from the limit: no counter
        composer->setPlainText(QString(3600, QLatin1Char('a')));
        QVERIFY(counter->isVisible());
        QCOMPARE(counter->text(), QStringLiteral("3600 / 4000"));
        composer->setPlainText(QString(4001, QLatin1Char('a')));
        QCOMPARE(counter->text(), QStringLiteral("4001 / 4000: too long to send")); // why Enter does nothing
        QTest::keyClick(composer, Qt::Key_Return);
        QCOMPARE(composer->length(), 4001); // not sent, nothing lost
        QCOMPARE(alice.session.messages(room->id)->rowCount(), 0);
        composer->moveCursor(QTextCursor::End);
        QTest::keyClick(composer, Qt::Key_Backspace);
        QCOMPARE(counter->text(), QStringLiteral("4000 / 4000"));
        QTest::keyClick(composer, Qt::Key_Return);
        QCOMPARE(composer->length(), 0);
        QTRY_COMPARE(alice.session.messages(room->id)->rowCount(), 1);
    }

    void composerGrowsWithItsText()
    {
        ClientWindow alice(m_dir->path(), QStringLiteral("grow"), m_server->url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        std::optional<Room> room;
        alice.session.createRoom(QStringLiteral("Grow"), [&](const auto &r, const auto &) { room = r; });
        QTRY_VERIFY(room);
        alice.window.chatPage()->openRoom(room->id);
        Composer *composer = alice.window.chatPage()->composer();
        const int line = composer->fontMetrics().lineSpacing();
        const int one = composer->height();
        QTest::keyClicks(composer, QStringLiteral("first"));
        for (int i = 0; i < 2; ++i) {
            QTest::keyClick(composer, Qt::Key_Return, Qt::ShiftModifier);
            QTest::keyClicks(composer, QStringLiteral("more"));
        }
        QTRY_VERIFY2(composer->height() >= one + 2 * line,
                     qPrintable(QStringLiteral("%1 then %2").arg(one).arg(composer->height())));
        for (int i = 0; i < 20; ++i)
            QTest::keyClick(composer, Qt::Key_Return, Qt::ShiftModifier);
        QTRY_VERIFY(composer->height() >= one + 5 * line);
        QVERIFY2(composer->height() <= one + 6 * line, qPrintable(QString::number(composer->height())));
        QTest::keyClick(composer, Qt::Key_Return); // sent: back to one line
        QTRY_COMPARE(composer->height(), one);
    }

    void aNewRoomInvitesAndTheTitleCounts()
    {
        ClientWindow alice(m_dir->path(), QStringLiteral("invite"), m_server->url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        std::optional<Room> lounge;
        std::optional<Room> other;
        alice.session.createRoom(QStringLiteral("Lounge"), [&](const auto &r, const auto &) { lounge = r; });
        alice.session.createRoom(QStringLiteral("Other"), [&](const auto &r, const auto &) { other = r; });
        QTRY_VERIFY(lounge && other);
        alice.window.chatPage()->openRoom(lounge->id);
        QCOMPARE(alice.window.windowTitle(), QStringLiteral("Lounge"));

        // Nothing said yet: the room says how to invite people, with its code.
        auto *hint = alice.find<QLabel>("roomEmptyHint");
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains(lounge->code), qPrintable(hint->text()));
        // The code goes on the clipboard from the header's button or Ctrl+Shift+C.
        QGuiApplication::clipboard()->clear();
        QTest::mouseClick(alice.find<QToolButton>("copyRoomCode"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), lounge->code);
        QVERIFY(alice.window.statusBar()->currentMessage().contains(QLatin1String("copied")));
        QGuiApplication::clipboard()->clear();
        QTest::keyClick(&alice.window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), lounge->code);

        alice.session.send(lounge->id, QStringLiteral("first words"));
        QTRY_VERIFY(!hint->isVisible());

        // Unread elsewhere: the window title says how many.
        TestClient bob;
        QVERIFY(bob.open(m_server->url()));
        QCOMPARE(replyCode(bob.login(QStringLiteral("bob"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(bob.request(QStringLiteral("join_room"), {{QStringLiteral("code"), other->code}})),
                 QStringLiteral("ok"));
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(replyCode(bob.request(QStringLiteral("send"),
                                           {{QStringLiteral("room"), other->id},
                                            {QStringLiteral("text"), QStringLiteral("psst")},
                                            {QStringLiteral("client_id"), QStringLiteral("c%1").arg(i)}})),
                     QStringLiteral("ok"));
        }
        QTRY_COMPARE(alice.window.windowTitle(), QStringLiteral("(2) Lounge"));
        alice.window.chatPage()->openRoom(other->id);
        QTRY_COMPARE(alice.window.windowTitle(), QStringLiteral("Other"));
    }

    void keyboardShortcuts()
    {
        ClientWindow alice(m_dir->path(), QStringLiteral("keys"), m_server->url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        QList<qint64> rooms;
        for (const char *name : {"Alpha", "Beta", "Gamma"}) {
            std::optional<Room> room;
            alice.session.createRoom(QString::fromLatin1(name),
                                     [&](const auto &r, const auto &) { room = r; });
            QTRY_VERIFY(room);
            rooms.append(room->id);
        }
        alice.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&alice.window));
        ChatPage *page = alice.window.chatPage();
        page->openRoom(rooms[0]);
        QTest::keyClick(&alice.window, Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(page->currentRoom(), rooms[1]);
        QTest::keyClick(&alice.window, Qt::Key_Down, Qt::AltModifier);
        QTest::keyClick(&alice.window, Qt::Key_Down, Qt::AltModifier); // wraps around
        QCOMPARE(page->currentRoom(), rooms[0]);
        QTest::keyClick(&alice.window, Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(page->currentRoom(), rooms[2]);

        // Issue 10, bug 8: arrows in the room list open room after room and leave the focus in the list;
        // Enter goes on to the composer.
        auto *roomList = page->findChild<QListView *>(QStringLiteral("rooms"));
        QVERIFY(roomList);
        roomList->setFocus();
        QTRY_VERIFY(roomList->hasFocus());
        QTest::keyClick(roomList, Qt::Key_Up);
        QCOMPARE(page->currentRoom(), rooms[1]);
        QVERIFY(roomList->hasFocus());
        QTest::keyClick(roomList, Qt::Key_Up);
        QCOMPARE(page->currentRoom(), rooms[0]);
        // The row with the keyboard focus is outlined (on a selected row, in the selection's text colour).
        {
            const QRect row = roomList->visualRect(roomList->currentIndex());
            const QImage image = roomList->viewport()->grab().toImage();
            const QRgb ring = roomList->palette().color(QPalette::HighlightedText).rgb();
            int outlined = 0;
            for (int y = row.top() + 3; y < row.bottom() - 2; ++y)
                outlined += image.pixel(row.left() + 1, y) == ring;
            QVERIFY2(outlined >= row.height() - 6, qPrintable(QString::number(outlined)));
        }
        QTest::keyClick(roomList, Qt::Key_Return);
        QTRY_VERIFY(page->composer()->hasFocus());

        // Ctrl+K: type part of a name, Enter opens it. The dialog is modal, so it is driven from a timer.
        QTimer::singleShot(0, this, [] {
            QWidget *dialog = QApplication::activeModalWidget();
            QVERIFY(dialog && dialog->objectName() == QLatin1String("quickSwitcher"));
            QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("filter")), QStringLiteral("bet"));
            QTest::keyClick(dialog->findChild<QLineEdit *>(QStringLiteral("filter")), Qt::Key_Return);
        });
        QTest::keyClick(&alice.window, Qt::Key_K, Qt::ControlModifier);
        QCOMPARE(page->currentRoom(), rooms[1]);

        // Ctrl+J opens the join dialog; Escape closes it and nothing changes.
        QVERIFY(
            QTest::qWaitForWindowActive(&alice.window)); // keys come to the window once it is active again
        bool sawJoin = false;
        QTimer::singleShot(0, this, [&sawJoin] {
            QWidget *dialog = QApplication::activeModalWidget();
            sawJoin = dialog && dialog->objectName() == QLatin1String("joinRoomDialog");
            if (dialog)
                QTest::keyClick(dialog, Qt::Key_Escape);
        });
        QTest::keyClick(&alice.window, Qt::Key_J, Qt::ControlModifier);
        QVERIFY(sawJoin);
        QCOMPARE(page->currentRoom(), rooms[1]);
        QVERIFY(QTest::qWaitForWindowActive(&alice.window));

        // Ctrl+N creates a room and shows its code.
        QString shownCode;
        QTimer::singleShot(0, this, [&shownCode] {
            QWidget *dialog = QApplication::activeModalWidget();
            QVERIFY(dialog && dialog->objectName() == QLatin1String("createRoomDialog"));
            QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("roomName")),
                             QStringLiteral("Delta"));
            QTest::keyClick(dialog->findChild<QLineEdit *>(QStringLiteral("roomName")), Qt::Key_Return);
            auto *code = dialog->findChild<QLabel *>(QStringLiteral("accessCode"));
            QTRY_VERIFY(!code->text().isEmpty());
            shownCode = code->text();
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        QTest::keyClick(&alice.window, Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(shownCode.size(), 10);
        QCOMPARE(alice.session.rooms()->nameOf(page->currentRoom()), QStringLiteral("Delta"));
    }

    void chatViewFollowsOrMarksNewMessages()
    {
        MessageModel model(1, 1);
        const User bob{2, QStringLiteral("bob")};
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int id = 101; id <= 200; ++id)
            model.addStored(ChatMessage{id, 1, bob, QStringLiteral("message %1").arg(id), now, {}});
        ChatView view;
        view.resize(500, 300);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_VERIFY(view.isAtBottom());

        // At the bottom: a new message scrolls into view.
        model.addStored(ChatMessage{201, 1, bob, QStringLiteral("new while reading the end"), now, {}});
        QTRY_VERIFY(view.isAtBottom());
        QVERIFY(!view.newMessagesMarkerShown());

        // Scrolled up: the view stays put and offers a marker instead.
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum() / 2);
        const QModelIndex reading = view.indexAt(QPoint(10, 10));
        model.addStored(ChatMessage{202, 1, bob, QStringLiteral("new while reading the middle"), now, {}});
        QTRY_VERIFY(view.newMessagesMarkerShown());
        QCOMPARE(view.indexAt(QPoint(10, 10)), reading);
        QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("newMessages")), Qt::LeftButton);
        QTRY_VERIFY(view.isAtBottom());
        QVERIFY(!view.newMessagesMarkerShown());

        // Near the top it asks for older messages; when they come, what the user reads stays in place.
        QSignalSpy older(&view, &ChatView::olderWanted);
        view.verticalScrollBar()->setValue(0);
        QVERIFY(!older.isEmpty());
        view.verticalScrollBar()->setValue(5);
        // The message in the middle of the view is what the user reads: it must not move. (The top row may
        // change: the first message loses its day separator and header once older ones come above it.)
        const QPoint middle(10, view.viewport()->height() / 2);
        const qint64 readId = view.indexAt(middle).data(MessageModel::IdRole).toLongLong();
        const int readY = view.visualRect(view.indexAt(middle)).top();
        QList<ChatMessage> page;
        for (int id = 51; id <= 100; ++id)
            page.append(ChatMessage{id, 1, bob, QStringLiteral("older %1").arg(id), now, {}});
        model.addStored(page);
        const QModelIndex same = model.index(int(readId - 51));
        QCOMPARE(same.data(MessageModel::IdRole).toLongLong(), readId);
        QTRY_VERIFY2(
            qAbs(view.visualRect(same).top() - readY) <= 2,
            qPrintable(QStringLiteral("moved from %1 to %2").arg(readY).arg(view.visualRect(same).top())));
        QVERIFY(!view.isAtBottom());
    }

    void windowStateAndLastRoomAreRestored()
    {
        qint64 second = 0;
        QByteArray geometry;
        {
            ClientWindow alice(m_dir->path(), QStringLiteral("restore"), m_server->url());
            QVERIFY(alice.signIn(QStringLiteral("alice"), true));
            for (const char *name : {"One", "Two"}) {
                std::optional<Room> room;
                alice.session.createRoom(QString::fromLatin1(name),
                                         [&](const auto &r, const auto &) { room = r; });
                QTRY_VERIFY(room);
                second = room->id;
            }
            alice.window.resize(777, 555);
            alice.window.chatPage()->openRoom(second);
            alice.window.close();
            geometry = alice.settings.windowGeometry();
            QVERIFY(!geometry.isEmpty());
        }
        ClientWindow again(m_dir->path(), QStringLiteral("restore"), m_server->url());
        QSignalSpy synced(&again.session, &ChatSession::synced);
        QVERIFY(synced.wait());
        QCOMPARE(again.window.chatPage()->currentRoom(), second);
        QCOMPARE(again.window.size(), QSize(777, 555));
    }

    void aWindowFromABiggerScreenOpensOnThisOne()
    {
        // Issue 10, bug 16: a position saved on a bigger screen opened partly off-screen.
        const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
        {
            QWidget elsewhere;
            elsewhere.setGeometry(screen.right() - 100, screen.bottom() - 80, screen.width() + 300,
                                  screen.height() + 200);
            ClientSettings settings(QStringLiteral("big"), m_dir->path());
            settings.setWindowGeometry(elsewhere.saveGeometry());
            settings.sync();
        }
        ClientWindow again(m_dir->path(), QStringLiteral("big"), m_server->url());
        QVERIFY2(screen.contains(again.window.frameGeometry()),
                 qPrintable(QStringLiteral("%1,%2 %3×%4 on %5×%6")
                                .arg(again.window.frameGeometry().x())
                                .arg(again.window.frameGeometry().y())
                                .arg(again.window.frameGeometry().width())
                                .arg(again.window.frameGeometry().height())
                                .arg(screen.width())
                                .arg(screen.height())));
    }

    void translationsLoad_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("signIn");
        QTest::newRow("fr") << "fr"
                            << "Se connecter";
        QTest::newRow("de") << "de"
                            << "Anmelden";
    }

    void translationsLoad()
    {
        QFETCH(QString, language);
        QFETCH(QString, signIn);
        QTranslator translator;
        QVERIFY(translator.load(QLocale(language), QStringLiteral("natter"), QStringLiteral("_"),
                                QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        SignInPage page;
        QCOMPARE(page.findChild<QPushButton *>(QStringLiteral("signIn"))->accessibleName(), signIn);
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("signIn"))->text() !=
                QStringLiteral("&Sign in"));
        QCoreApplication::removeTranslator(&translator);
    }

    void longRoomNamesAreCutShort()
    {
        // Issue 10, bug 4: a 64-character name leaves the window able to be 800×600.
        ClientWindow alice(m_dir->path(), QStringLiteral("n"), m_server->url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        const QString name = QString(64, QLatin1Char('W'));
        std::optional<Room> room;
        alice.session.createRoom(name, [&](const auto &r, const auto &) { room = r; });
        QTRY_VERIFY(room);
        alice.window.chatPage()->openRoom(room->id);
        alice.window.resize(800, 600);
        QTRY_VERIFY(alice.find<QLabel>("roomEmptyHint")->isVisible()); // it names the room too
        // 640 wide: a 1280-pixel screen at scale factor 2. (The layout's minimum is what the window manager
        // is told.)
        const int least =
            std::max({alice.window.minimumSizeHint().width(), alice.window.minimumSize().width(),
                      alice.window.layout()->totalMinimumSize().width()});
        QVERIFY2(least <= 640, qPrintable(QString::number(least)));
        QTRY_COMPARE(alice.window.width(), 800);
        auto *title = alice.find<QLabel>("roomTitle");
        QVERIFY(title->text().endsWith(QChar(0x2026)));
        QCOMPARE(title->toolTip(), name);
        // The room list cuts it short too, rather than scrolling sideways.
        auto *rooms = alice.find<QListView>("rooms");
        QTRY_COMPARE(rooms->horizontalScrollBar()->maximum(), 0);
        QVERIFY(rooms->visualRect(rooms->model()->index(0, 0)).width() <= rooms->viewport()->width());
    }

    void datesFollowTheChosenLanguage()
    {
        // Issue 10, bug 7: --lang de gives German day names, not the system's language.
        const QLocale before;
        const QList<QTranslator *> installed =
            Translations::install(*QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany));
        const QString day = QLocale().toString(QDate(2026, 11, 2), QLocale::LongFormat);
        for (QTranslator *translator : installed) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QLocale::setDefault(before);
        QVERIFY2(day.contains(QLatin1String("Montag")) && day.contains(QLatin1String("November")),
                 qPrintable(day));
    }

    void everyErrorCodeHasPlainWords()
    {
        Translations::install(*QCoreApplication::instance(), QLocale(QLocale::English)); // as main() does
        QSet<QString> seen;
        for (int i = 0; i <= static_cast<int>(lastErrorCode); ++i) {
            const auto code = static_cast<ErrorCode>(i);
            const QString text =
                ErrorText::describe(ProtocolError{code, QStringLiteral("server text"), 3200}, false);
            QVERIFY2(!text.contains(errorCodeName(code)), qPrintable(text));
            QVERIFY(!text.contains(QLatin1String("server text")));
            seen.insert(text);
        }
        QVERIFY(seen.size() >= 10); // the user-facing codes each have their own words
        QCOMPARE(ErrorText::describe(ProtocolError{ErrorCode::RateLimited, {}, 3200}, false),
                 QStringLiteral("Too many attempts. Try again in 4 seconds."));
        QCOMPARE(ErrorText::describe(ProtocolError{ErrorCode::RateLimited, {}, 200}, false),
                 QStringLiteral("Too many attempts. Try again in 1 second."));
        QVERIFY(ErrorText::describe({}, true, QUrl(QStringLiteral("ws://chat.example:7447")))
                    .contains(QLatin1String("ws://chat.example:7447")));
    }

    void clickingAFailedMessageRetries()
    {
        MessageModel model(1, 1);
        const User me{1, QStringLiteral("me")};
        model.addPending(ChatMessage{0, 1, me, QStringLiteral("did not go"),
                                     QDateTime::currentMSecsSinceEpoch(), QStringLiteral("c-9")});
        ChatView view;
        view.resize(400, 200);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy retry(&view, &ChatView::retryRequested);
        const QPoint onMessage = view.visualRect(model.index(0)).center();
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, onMessage);
        QVERIFY(retry.isEmpty()); // pending: nothing to retry yet
        model.setStatus(QStringLiteral("c-9"), MessageModel::Status::Failed);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.visualRect(model.index(0)).center());
        QCOMPARE(retry.size(), 1);
        QCOMPARE(retry.first().first().toString(), QStringLiteral("c-9"));

        // Issue 10, bug 13: a refusal says why, and the menu (also by keyboard) retries or discards it.
        model.setStatus(QStringLiteral("c-9"), MessageModel::Status::Failed, int(ErrorCode::NotAMember));
        auto *delegate = qobject_cast<MessageDelegate *>(view.itemDelegate());
        const QString status = delegate->statusText(model.index(0));
        QVERIFY2(status.startsWith(QLatin1String("Not sent: ")) &&
                     status.contains(ErrorText::describe(ProtocolError{ErrorCode::NotAMember, {}, 0}, false)),
                 qPrintable(status));
        const std::unique_ptr<QMenu> menu(view.menuFor(model.index(0)));
        QSignalSpy discard(&view, &ChatView::discardRequested);
        menu->findChild<QAction *>(QStringLiteral("retryAction"))->trigger();
        QCOMPARE(retry.size(), 2);
        menu->findChild<QAction *>(QStringLiteral("discardAction"))->trigger();
        QCOMPARE(discard.size(), 1);
        QCOMPARE(discard.first().first().toString(), QStringLiteral("c-9"));
        model.discard(QStringLiteral("c-9"));
        QCOMPARE(model.rowCount(), 0);
    }

    void screenReadersHearWhatIsShown()
    {
        // Issue 10, bug 14: messages say who wrote them, when, and whether they were sent; status labels
        // say their state, and the access-code label its code.
        ClientWindow alice(m_dir->path(), QStringLiteral("a11y"), m_server->url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        std::optional<Room> room;
        alice.session.createRoom(QStringLiteral("Lounge"), [&](const auto &r, const auto &) { room = r; });
        QTRY_VERIFY(room);
        alice.window.chatPage()->openRoom(room->id);
        alice.session.send(room->id, QStringLiteral("hello there"));
        auto *view = alice.window.chatPage()->chatView();
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(view);
        QVERIFY(list);
        const auto spoken = [&] {
            QStringList all;
            for (int i = 0; i < list->childCount(); ++i)
                all.append(list->child(i)->text(QAccessible::Name));
            return all.join(QLatin1Char('|'));
        };
        QTRY_VERIFY2(spoken().contains(QLatin1String("alice at ")) &&
                         spoken().contains(QLatin1String(": hello there")),
                     qPrintable(spoken()));
        QTRY_VERIFY2(!spoken().contains(QLatin1String("Sending")), qPrintable(spoken())); // once stored

        const auto described = [&](const char *name) {
            auto *label = alice.find<QLabel>(name);
            return QAccessible::queryAccessibleInterface(label)->text(QAccessible::Description);
        };
        QVERIFY2(described("roomCode").contains(room->code), qPrintable(described("roomCode")));
        QVERIFY2(described("connectionStatus").startsWith(QLatin1String("Connected to")),
                 qPrintable(described("connectionStatus")));
        QCOMPARE(described("userStatus"), QStringLiteral("Signed in as alice"));
        m_server->stop();
        QTRY_VERIFY2(!described("connectionStatus").startsWith(QLatin1String("Connected")),
                     qPrintable(described("connectionStatus")));
    }

    void linksInMessages()
    {
        QCOMPARE(MessageDelegate::toHtml(QStringLiteral("see https://example.org/a?b=1. <b>x</b>")),
                 QStringLiteral("see <a href=\"https://example.org/a?b=1\">https://example.org/a?b=1</a>. "
                                "&lt;b&gt;x&lt;/b&gt;"));
        QCOMPARE(MessageDelegate::toHtml(QStringLiteral("a\nb")), QStringLiteral("a<br>b"));
        // Issue 10, bug 5: brackets the link opens are its own; www. is a link too.
        QCOMPARE(MessageDelegate::toHtml(QStringLiteral("https://en.wikipedia.org/wiki/Foo_(bar).")),
                 QStringLiteral("<a href=\"https://en.wikipedia.org/wiki/Foo_(bar)\">"
                                "https://en.wikipedia.org/wiki/Foo_(bar)</a>."));
        QCOMPARE(MessageDelegate::toHtml(QStringLiteral("(see https://example.org/x)")),
                 QStringLiteral("(see <a href=\"https://example.org/x\">https://example.org/x</a>)"));
        QCOMPARE(
            MessageDelegate::toHtml(QStringLiteral("[https://example.org/a_(b)_c]!")),
            QStringLiteral("[<a href=\"https://example.org/a_(b)_c\">https://example.org/a_(b)_c</a>]!"));
        QCOMPARE(MessageDelegate::toHtml(QStringLiteral("on www.example.org/page, see")),
                 QStringLiteral("on <a href=\"https://www.example.org/page\">www.example.org/page</a>, see"));
        QCOMPARE(MessageDelegate::toHtml(QStringLiteral("q https://e.org/?a=1&b=\"2\"")),
                 QStringLiteral(
                     "q <a href=\"https://e.org/?a=1&amp;b=\">https://e.org/?a=1&amp;b=</a>&quot;2&quot;"));
        QCOMPARE(MessageDelegate::toHtml(QStringLiteral("me@www.example.org and www.")),
                 QStringLiteral("me@www.example.org and www."));
    }
};

QTEST_MAIN(TestClientWidgets)
#include "tst_clientwidgets.moc"
