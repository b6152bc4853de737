// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 10, "rough edges": closing to the tray, switching accounts, the offline banner.
#include "accountsmenu.h"
#include "chatpage.h"
#include "chatsession.h"
#include "clientfixture.h"
#include "clientsettings.h"
#include "clientwindow.h"
#include "connection.h"
#include "mainwindow.h"
#include "offlinebanner.h"
#include "reconnectbackoff.h"
#include "roomlistmodel.h"
#include "testclient.h"
#include "testserver.h"
#include "traynotifier.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <functional>

using namespace Natter;
using namespace Natter::Client;
using namespace Natter::Test;

namespace {
/// Runs the application's event loop, as main() does, with `action` run in it: QApplication::quit() and
/// closing the last window do something only there. Returns exec()'s code: 0 when the application quit,
/// `stillRunning` when `action` had to end the loop itself, -1 when nothing ended it within 10 s.
int runApplication(const std::function<void()> &action)
{
    QTimer guard; // a stack object, not singleShot: it must not fire into a later test's event loop
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, qApp, [] { QCoreApplication::exit(-1); });
    guard.start(10'000);
    QTimer::singleShot(0, qApp, action);
    const int code = QApplication::exec();
    // Closing the last window may have asked to quit once more: that must not close a later test's windows.
    QCoreApplication::removePostedEvents(qApp, QEvent::Quit);
    return code;
}
constexpr int stillRunning = 2;

struct Launch {
    QString program;
    QStringList arguments;
};
} // namespace

class TestClientTray : public QObject, public ClientFixture {
    Q_OBJECT

private slots:
    void init() { QVERIFY(setUp({QStringLiteral("alice"), QStringLiteral("bob")})); }

    void cleanup() { tearDown(); }

    void closingWithATrayHidesTheWindowAndKeepsRunning()
    {
        ClientWindow alice(m_dir->path(), QStringLiteral("a"), m_server->url());
        ClientWindow bob(m_dir->path(), QStringLiteral("b"), m_server->url());
        QVERIFY(!alice.window.tray()->inTray());     // offscreen has no tray...
        alice.window.tray()->setTrayAvailable(true); // ...a desktop with one is pretended
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        QVERIFY(bob.signIn(QStringLiteral("bob")));
        bob.window.hide(); // alice's is the only window shown: closing it would be closing the last one

        QSignalSpy lastClosed(qApp, &QGuiApplication::lastWindowClosed);
        bool closed = true;
        QCOMPARE(runApplication([&] {
                     closed = alice.window.close();
                     QCoreApplication::exit(stillRunning);
                 }),
                 stillRunning);
        QVERIFY(!closed);
        QVERIFY(!alice.window.isVisible());
        QCOMPARE(lastClosed.count(), 0);
        QCOMPARE(alice.window.tray()->noticeCount(), 1);
        QVERIFY(alice.settings.trayNoticeShown());
        if (auto *notice = alice.find<QMessageBox>("trayNotice")) // no balloons offscreen: a message box
            notice->close();

        // Hidden in the tray, messages still notify.
        std::optional<Room> room;
        alice.session.createRoom(QStringLiteral("Lounge"), [&](const auto &r, const auto &) { room = r; });
        QTRY_VERIFY(room);
        std::optional<Room> joined;
        bob.session.joinRoom(room->code, [&](const auto &r, const auto &) { joined = r; });
        QTRY_VERIFY(joined);
        alice.window.chatPage()->openRoom(room->id);
        bob.session.send(room->id, QStringLiteral("still there?"));
        QTRY_COMPARE(alice.window.tray()->notificationCount(), 1);

        // The icon's menu shows the window again; a second close says nothing more.
        QCOMPARE(alice.window.tray()->menu()->findChild<QAction *>(QStringLiteral("trayShow"))->text(),
                 QStringLiteral("&Show Natter"));
        alice.window.tray()->menu()->findChild<QAction *>(QStringLiteral("trayShow"))->trigger();
        QVERIFY(alice.window.isVisible());
        QVERIFY(!alice.window.close());
        QVERIFY(!alice.window.isVisible());
        QCOMPARE(alice.window.tray()->noticeCount(), 1);
    }

    void theTrayNoticeIsRememberedAcrossRuns()
    {
        {
            ClientWindow first(m_dir->path(), QStringLiteral("once"), m_server->url());
            first.window.tray()->setTrayAvailable(true);
            QVERIFY(!first.window.close());
            QCOMPARE(first.window.tray()->noticeCount(), 1);
        }
        ClientWindow again(m_dir->path(), QStringLiteral("once"), m_server->url());
        again.window.tray()->setTrayAvailable(true);
        QVERIFY(!again.window.close());
        QVERIFY(!again.window.isVisible());
        QCOMPARE(again.window.tray()->noticeCount(), 0);
    }

    void closingWithoutATrayQuits()
    {
        ClientWindow alice(m_dir->path(), QStringLiteral("c"), m_server->url());
        QVERIFY(!alice.window.tray()->inTray());
        QSignalSpy lastClosed(qApp, &QGuiApplication::lastWindowClosed);
        bool closed = false;
        QCOMPARE(runApplication([&] { closed = alice.window.close(); }), 0);
        QVERIFY(closed);
        QCOMPARE(lastClosed.count(), 1);
        QCOMPARE(alice.window.tray()->noticeCount(), 0);
    }

    void quitFromTheTrayQuitsAndSavesState()
    {
        ClientWindow alice(m_dir->path(), QStringLiteral("q"), m_server->url());
        alice.window.tray()->setTrayAvailable(true);
        QVERIFY(!alice.window.close());
        alice.window.resize(700, 500); // in the tray: only quitting can save this
        const QByteArray geometry = alice.window.saveGeometry();
        QCOMPARE(runApplication([&] {
                     alice.window.tray()->menu()->findChild<QAction *>(QStringLiteral("trayQuit"))->trigger();
                 }),
                 0);
        QCOMPARE(ClientSettings(QStringLiteral("q"), m_dir->path()).windowGeometry(), geometry);
    }

    void quitWithTheWindowShownQuitsDespiteTheTray()
    {
        ClientWindow alice(m_dir->path(), QStringLiteral("q2"), m_server->url());
        alice.window.tray()->setTrayAvailable(true);
        auto *quit = alice.find<QAction>("quit");
        QCOMPARE(quit->shortcut(), QKeySequence(QKeySequence::Quit));
        alice.window.resize(720, 520);
        const QByteArray geometry = alice.window.saveGeometry();
        QCOMPARE(runApplication([quit] { quit->trigger(); }), 0);
        QVERIFY(!alice.window.isVisible());
        QCOMPARE(alice.window.tray()->noticeCount(), 0); // it quit, it did not go to the tray
        QCOMPARE(ClientSettings(QStringLiteral("q2"), m_dir->path()).windowGeometry(), geometry);
    }

    void accountsMenuListsProfilesAndSwitches()
    {
        {
            ClientSettings work(QStringLiteral("work"), m_dir->path());
            work.setServerUrl(QUrl(QStringLiteral("wss://chat.example.org")));
            work.setLastUsername(QStringLiteral("bob"));
            ClientSettings fresh(QStringLiteral("fresh"), m_dir->path()); // nobody signed in yet
        }
        ClientWindow alice(m_dir->path(), QStringLiteral("home"), m_server->url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        std::optional<Launch> launched;
        alice.window.profileLauncher().setStart([&](const QString &program, const QStringList &arguments) {
            launched = Launch{program, arguments};
            return true;
        });
        alice.window.profileLauncher().setPassThrough({QStringLiteral("--lang"), QStringLiteral("fr")});

        auto *menu = alice.find<AccountsMenu>("accountsMenu");
        QVERIFY(menu);
        emit menu->aboutToShow(); // as opening it does
        const auto profile = [menu](const char *name) {
            return menu->findChild<QAction *>(QStringLiteral("profile:") + QLatin1String(name));
        };
        QVERIFY(profile("work") && profile("fresh") && profile("home"));
        QCOMPARE(profile("work")->text(), QStringLiteral("work (bob on chat.example.org)"));
        QCOMPARE(profile("fresh")->text(), QStringLiteral("fresh (localhost:7447)"));
        QCOMPARE(profile("home")->text(),
                 QStringLiteral("home (alice on 127.0.0.1:%1)").arg(m_server->url().port()));
        QVERIFY(profile("home")->isChecked());
        QVERIFY(!profile("work")->isChecked());

        profile("home")->trigger(); // the one in use: nothing to do
        QVERIFY(!launched);

        // A natter that cannot be started says so, and this one stays.
        alice.window.profileLauncher().setStart([](const QString &, const QStringList &) { return false; });
        profile("work")->trigger();
        QVERIFY(alice.window.statusBar()->currentMessage().contains(QLatin1String("could not be started")));
        QVERIFY(alice.window.isVisible());

        alice.window.profileLauncher().setStart([&](const QString &program, const QStringList &arguments) {
            launched = Launch{program, arguments};
            return true;
        });
        alice.window.resize(640, 480);
        const QByteArray geometry = alice.window.saveGeometry();
        QCOMPARE(runApplication([&] { profile("work")->trigger(); }), 0); // and this natter quits
        QVERIFY(launched);
        QCOMPARE(launched->program, QCoreApplication::applicationFilePath());
        QCOMPARE(launched->arguments, (QStringList{QStringLiteral("--profile"), QStringLiteral("work"),
                                                   QStringLiteral("--lang"), QStringLiteral("fr")}));
        QCOMPARE(ClientSettings(QStringLiteral("home"), m_dir->path()).windowGeometry(), geometry);
    }

    void addAccountAsksForAValidNewName()
    {
        {
            ClientSettings work(QStringLiteral("work"), m_dir->path());
        }
        ClientWindow alice(m_dir->path(), QStringLiteral("home"), m_server->url());
        std::optional<Launch> launched;
        alice.window.profileLauncher().setStart([&](const QString &program, const QStringList &arguments) {
            launched = Launch{program, arguments};
            return true;
        });
        bool checked = false;
        QTimer::singleShot(0, this, [&checked] {
            // Whatever fails below, the dialog goes, or the test would hang in its exec().
            const auto closeDialog = qScopeGuard([] {
                if (QWidget *modal = QApplication::activeModalWidget())
                    modal->close();
            });
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->objectName(), QStringLiteral("addAccountDialog"));
            auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("profileName"));
            auto *add = dialog->findChild<QPushButton *>(QStringLiteral("add"));
            auto *error = dialog->findChild<QLabel *>(QStringLiteral("error"));
            QVERIFY(!add->isEnabled()); // empty
            QTest::keyClicks(name, QStringLiteral("my work!"));
            QCOMPARE(name->text(), QStringLiteral("mywork")); // the space and '!' are refused
            QVERIFY(add->isEnabled());
            name->clear();
            QTest::keyClicks(name, QStringLiteral("WORK"));
            QVERIFY(!add->isEnabled()); // taken (one file where names ignore case)
            QVERIFY(error->isVisible());
            name->clear();
            QTest::keyClicks(name, QStringLiteral("side-project_2"));
            QVERIFY(add->isEnabled());
            QVERIFY(!error->isVisible());
            checked = true;
            QTest::mouseClick(add, Qt::LeftButton);
        });
        alice.find<QAction>("addAccount")->trigger();
        QVERIFY(checked);
        QVERIFY(launched);
        QCOMPARE(launched->arguments,
                 (QStringList{QStringLiteral("--profile"), QStringLiteral("side-project_2")}));
        // The new profile starts on this one's server.
        QCOMPARE(ClientSettings(QStringLiteral("side-project_2"), m_dir->path()).serverUrl(),
                 m_server->url());
    }

    void offlineBannerSaysWhenAndReconnectsNow()
    {
        ClientWindow alice(m_dir->path(), QStringLiteral("o"), m_server->url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        auto *banner = alice.find<OfflineBanner>("offlineBanner");
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());
        QVERIFY(!banner->accessibleName().isEmpty());
        QCOMPARE(banner->backgroundRole(), QPalette::ToolTipBase); // the palette's, dark ones too

        // A wait far longer than the test: only "Reconnect now" can bring the connection back in time.
        alice.connection.setBackoff(ReconnectBackoff(60'000, 60'000));
        m_server->stop();
        QTRY_VERIFY(banner->isVisible());
        QTRY_COMPARE(alice.connection.state(), Connection::State::WaitingToReconnect);
        QVERIFY(alice.connection.reconnectInMs() > 20'000);
        QTRY_VERIFY2(banner->text().startsWith(QLatin1String("Offline: trying again in ")),
                     qPrintable(banner->text()));
        QVERIFY(banner->text().endsWith(QStringLiteral(" s…")));
        QCOMPARE(banner->accessibleDescription(), banner->text());
        auto *reconnect = banner->findChild<QPushButton *>(QStringLiteral("reconnectNow"));
        QVERIFY(reconnect->isVisible() && reconnect->isEnabled());

        QVERIFY(m_server->restart());
        QSignalSpy online(&alice.connection, &Connection::online);
        QTest::mouseClick(reconnect, Qt::LeftButton);
        QVERIFY(online.wait(10'000)); // well before the 30 s or more the backoff would wait
        QVERIFY(!banner->isVisible());
        QCOMPARE(alice.session.state(), ChatSession::State::SignedIn);
    }

    void reconnectNowDoesNotLengthenTheWait()
    {
        ClientWindow alice(m_dir->path(), QStringLiteral("again"), m_server->url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        auto *reconnect = alice.find<QPushButton>("reconnectNow");
        // Half-way jitter: waits of 3 s, then 6, 12, 24 s as attempts fail.
        alice.connection.setBackoff(ReconnectBackoff(4'000, 60'000, [] { return 0.5; }));
        m_server->stop();
        QTRY_COMPARE(alice.connection.state(), Connection::State::WaitingToReconnect);
        // The wait the backoff has reached (sometimes a second attempt has failed already by now).
        // (A coarse QTimer may run up to 5 % long: 3 s can read as 3150 ms.)
        int bound = 3'300;
        while (alice.connection.reconnectInMs() > bound)
            bound *= 2;
        for (int i = 0; i < 3; ++i) {
            QSignalSpy waiting(&alice.connection, &Connection::countdown);
            QTest::mouseClick(reconnect, Qt::LeftButton); // the server is still down
            QVERIFY(waiting.wait());
            QCOMPARE(alice.connection.state(), Connection::State::WaitingToReconnect);
            QVERIFY2(alice.connection.reconnectInMs() <= bound,
                     qPrintable(QString::number(alice.connection.reconnectInMs())));
        }
    }

    void bannerAndStatusBarCountTheSameSeconds()
    {
        ClientWindow alice(m_dir->path(), QStringLiteral("count"), m_server->url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        auto *banner = alice.find<OfflineBanner>("offlineBanner");
        auto *status = alice.find<QLabel>("connectionStatus");
        alice.connection.setBackoff(ReconnectBackoff(4'000, 4'000));
        m_server->stop();
        QTRY_COMPARE(alice.connection.state(), Connection::State::WaitingToReconnect);
        // Look every 50 ms through three seconds of countdown, as a user glancing from one to the other.
        static const QRegularExpression seconds(QStringLiteral("in (\\d+) s"));
        int looks = 0;
        int differ = 0;
        QTimer glance;
        glance.setInterval(50);
        connect(&glance, &QTimer::timeout, this, [&] {
            if (alice.connection.state() != Connection::State::WaitingToReconnect)
                return;
            const QString inBanner = seconds.match(banner->text()).captured(1);
            const QString inStatus = seconds.match(status->text()).captured(1);
            ++looks;
            if (inBanner.isEmpty() || inBanner != inStatus) {
                ++differ;
                qWarning() << "banner:" << banner->text() << "status bar:" << status->text();
            }
        });
        glance.start();
        QTRY_VERIFY_WITH_TIMEOUT(looks >= 50, 10'000); // two and a half seconds of glances
        QCOMPARE(differ, 0);
    }
};

QTEST_MAIN(TestClientTray)
#include "tst_clienttray.moc"
