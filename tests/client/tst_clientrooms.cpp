// SPDX-License-Identifier: GPL-3.0-or-later
// Rooms on the window main() builds: the create and join dialogs, the room list and the keys that move
// through it, inviting with the room's code, unread counts and notifications, and the window's title, size
// and saved state.
#include "chatpage.h"
#include "chatsession.h"
#include "clientfixture.h"
#include "clientsettings.h"
#include "clientwindow.h"
#include "composer.h"
#include "createroomdialog.h"
#include "elidinglabel.h"
#include "joinroomdialog.h"
#include "mainwindow.h"
#include "roomlistmodel.h"
#include "testclient.h"
#include "testserver.h"
#include "traynotifier.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace Natter;
using namespace Natter::Client;
using namespace Natter::Test;

namespace {
int unreadOf(ClientWindow &client, qint64 roomId)
{
    RoomListModel *rooms = client.session.rooms();
    return rooms->index(rooms->rowOf(roomId), 0).data(RoomListModel::UnreadRole).toInt();
}
} // namespace

class TestClientRooms : public QObject, public ClientFixture {
    Q_OBJECT

private slots:
    void init() { QVERIFY(setUp({QStringLiteral("alice"), QStringLiteral("bob")})); }

    void cleanup() { tearDown(); }

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
        // A rename shows at once.
        alice.session.renameRoom(other->id, QStringLiteral("Renamed"), [](const auto &, const auto &) {});
        QTRY_COMPARE(alice.window.windowTitle(), QStringLiteral("Renamed"));
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

    void theRoomsMenuWaitsForASignIn()
    {
        ClientWindow alice(m_dir->path(), QStringLiteral("menu"), m_server->url());
        QVERIFY(alice.waitForForm());
        QAction *search = alice.find<QAction>("searchRoom");
        QVERIFY(search);
        QList<QAction *> actions =
            search->associatedObjects().isEmpty()
                ? QList<QAction *>{}
                : qobject_cast<QMenu *>(search->associatedObjects().first())->actions();
        QVERIFY(actions.size() >= 8);
        for (QAction *action : actions)
            QVERIFY2(!action->isEnabled() || action->isSeparator(), qPrintable(action->text()));
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        for (QAction *action : actions)
            QVERIFY2(action->isEnabled(), qPrintable(action->text()));
    }

    void theFocusEnteringAListOpensNoRoom()
    {
        ClientWindow alice(m_dir->path(), QStringLiteral("tab-a"), m_server->url());
        ClientWindow bob(m_dir->path(), QStringLiteral("tab-b"), m_server->url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        QVERIFY(bob.signIn(QStringLiteral("bob")));
        std::optional<Room> lounge;
        alice.session.createRoom(QStringLiteral("Lounge"), [&](const auto &r, const auto &) { lounge = r; });
        QTRY_VERIFY(lounge);
        std::optional<Room> joined;
        bob.session.joinRoom(lounge->code, [&](const auto &r, const auto &) { joined = r; });
        QTRY_VERIFY(joined);
        std::optional<Room> direct;
        bob.session.openDirect(alice.session.user().id, [&](const auto &r, const auto &) { direct = r; });
        QTRY_VERIFY(direct);
        bob.session.send(direct->id, QStringLiteral("psst"));
        QTRY_COMPARE(unreadOf(alice, direct->id), 1);

        alice.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&alice.window));
        ChatPage *page = alice.window.chatPage();
        page->openRoom(lounge->id);
        auto *rooms = page->findChild<QListView *>(QStringLiteral("rooms"));
        auto *directs = page->findChild<QListView *>(QStringLiteral("directs"));
        rooms->setFocus();
        QTRY_VERIFY(rooms->hasFocus());
        // Tab on to the direct messages: the focus arrives, nothing opens, nothing is marked read.
        QTest::keyClick(rooms, Qt::Key_Tab);
        QTRY_VERIFY(directs->hasFocus());
        QCOMPARE(page->currentRoom(), lounge->id);
        QCOMPARE(unreadOf(alice, direct->id), 1);
        // Typing there goes to the composer, in the room that is open.
        QTest::keyClicks(directs, QStringLiteral("Bye"));
        QCOMPARE(page->currentRoom(), lounge->id);
        QCOMPARE(page->composer()->toPlainText(), QStringLiteral("Bye"));
        QVERIFY(page->composer()->hasFocus());
        // Enter on the row with the cursor opens it.
        directs->setFocus();
        QTest::keyClick(directs, Qt::Key_Return);
        QCOMPARE(page->currentRoom(), direct->id);
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
        // It names the room too; shown once the empty history has come (slow when CI runs tests side by
        // side).
        QTRY_VERIFY_WITH_TIMEOUT(alice.find<QLabel>("roomEmptyHint")->isVisible(), 15000);
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

        // Narrower still, in a window shown as the user sees it: the title and the code are drawn cut short
        // with "…", never clipped mid-letter, and never as a shorter code that reads as another one.
        alice.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&alice.window));
        alice.window.resize(least, 600);
        auto *code = alice.window.chatPage()->findChild<ElidingLabel *>(QStringLiteral("roomCode"));
        QVERIFY(code);
        QVERIFY(code->text().contains(room->code));
        QTRY_VERIFY(alice.window.width() <= 640);
        for (auto *label :
             {code, alice.window.chatPage()->findChild<ElidingLabel *>(QStringLiteral("roomTitle"))}) {
            QVERIFY(label);
            const QString shown = label->shownText();
            QVERIFY2(shown == label->text() || shown.endsWith(QChar(0x2026)), qPrintable(shown));
            QVERIFY2(label->fontMetrics().horizontalAdvance(shown) <= label->contentsRect().width(),
                     qPrintable(shown));
        }
    }
};

QTEST_MAIN(TestClientRooms)
#include "tst_clientrooms.moc"
