// SPDX-License-Identifier: GPL-3.0-or-later
// The messaging features in the widgets, driven as a user would between two windows: reply, edit with Up,
// delete with confirmation, reaction chips, the typing line, @ completion, the "New" line, direct
// messages from the member list and the room settings dialog.
#include "chatpage.h"
#include "chatsession.h"
#include "chatview.h"
#include "clientfixture.h"
#include "clientwindow.h"
#include "composer.h"
#include "membermodel.h"
#include "messagedelegate.h"
#include "messagemodel.h"
#include "roomlistmodel.h"
#include "roomsettingsdialog.h"
#include "searchpanel.h"
#include "searchresultmodel.h"
#include "testclient.h"
#include "testserver.h"
#include "traynotifier.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCompleter>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>
#include <QUrl>

using namespace Natter;
using namespace Natter::Client;
using namespace Natter::Test;

namespace {
/// A point of the row of `messageId` where the view finds `part` (scanning its top band, right to left).
std::optional<QPoint> pointOf(ChatView *view, qint64 messageId, MessageDelegate::Part part)
{
    auto *model = qobject_cast<MessageModel *>(view->model());
    const QRect rect = view->visualRect(model->index(model->rowOf(messageId)));
    for (int y = rect.top(); y < rect.bottom(); y += 2) {
        for (int x = rect.right(); x > rect.left(); x -= 2) {
            if (view->partAt({x, y}).first == int(part))
                return QPoint(x, y);
        }
    }
    return std::nullopt;
}

/// The model's messages without the lines about the room ("bob joined"): the n-th, and how many.
QModelIndex nth(MessageModel *model, int n)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row);
        if (index.data(MessageModel::NoticeRole).value<MessageModel::Notice>() ==
                MessageModel::Notice::None &&
            n-- == 0)
            return index;
    }
    return {};
}

int count(MessageModel *model)
{
    int messages = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row).data(MessageModel::NoticeRole).value<MessageModel::Notice>() ==
            MessageModel::Notice::None)
            ++messages;
    }
    return messages;
}

/// Sends `count` messages "<prefix> N" to a room through `client` and waits for the last to be stored.
QString sendMany(TestClient &client, qint64 room, int count, const QString &prefix)
{
    qint64 last = 0;
    for (int i = 0; i < count; ++i)
        last = client.post(QStringLiteral("send"),
                           {{"room", room}, {"text", QStringLiteral("%1 %2").arg(prefix).arg(i)}});
    return replyCode(client.waitForReply(last));
}

QString text(const QModelIndex &index)
{
    return index.data(MessageModel::TextRole).toString();
}
} // namespace

class TestClientMessaging : public QObject, public ClientFixture {
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(setUp({QStringLiteral("alice"), QStringLiteral("bob")}));
        m_alice = std::make_unique<ClientWindow>(m_dir->path(), QStringLiteral("alice"), m_server->url());
        m_bob = std::make_unique<ClientWindow>(m_dir->path(), QStringLiteral("bob"), m_server->url());
        QVERIFY(m_alice->signIn(QStringLiteral("alice")));
        QVERIFY(m_bob->signIn(QStringLiteral("bob")));
        std::optional<Room> created;
        m_alice->session.createRoom(QStringLiteral("Lounge"),
                                    [&](const auto &room, const auto &) { created = room; });
        QTRY_VERIFY(created);
        m_room = created->id;
        std::optional<Room> joined;
        m_bob->session.joinRoom(created->code, [&](const auto &room, const auto &) { joined = room; });
        QTRY_VERIFY(joined);
        m_alice->window.chatPage()->openRoom(m_room);
        m_bob->window.chatPage()->openRoom(m_room);
    }

    void cleanup()
    {
        m_alice.reset();
        m_bob.reset();
        tearDown();
    }

    void replyEditDeleteAndReact()
    {
        ChatPage *alicePage = m_alice->window.chatPage();
        ChatPage *bobPage = m_bob->window.chatPage();
        MessageModel *bobs = m_bob->session.messages(m_room);
        MessageModel *alices = m_alice->session.messages(m_room);

        // Bob writes; Alice sees him typing until his message arrives.
        auto *typing = alicePage->findChild<QLabel *>(QStringLiteral("typingLine"));
        QTest::keyClicks(bobPage->composer(), QStringLiteral("lunch at noon?"));
        QTRY_COMPARE(typing->text(), QStringLiteral("bob is typing…"));
        QTest::keyClick(bobPage->composer(), Qt::Key_Return);
        QTRY_COMPARE(count(alices), 1);
        QTRY_COMPARE(typing->text(), QString());
        const qint64 question = nth(alices, 0).data(MessageModel::IdRole).toLongLong();

        // Alice replies from the hover action; the bar says what she answers, Escape takes it back.
        ChatView *view = alicePage->chatView();
        const QRect row = view->visualRect(nth(alices, 0));
        QTest::mouseMove(view->viewport(), row.center());
        const auto reply = pointOf(view, question, MessageDelegate::Part::Reply);
        QVERIFY(reply);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, *reply);
        auto *bar = alicePage->findChild<QLabel *>(QStringLiteral("replyBarText"));
        QVERIFY(bar->isVisible());
        QVERIFY(bar->text().startsWith(QStringLiteral("Replying to bob")));
        QTest::keyClick(alicePage->composer(), Qt::Key_Escape);
        QVERIFY(!bar->isVisible());
        QCOMPARE(alicePage->replyingTo(), 0);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, *reply);
        QTest::keyClicks(alicePage->composer(), QStringLiteral("yes, see you thre"));
        QTest::keyClick(alicePage->composer(), Qt::Key_Return);
        QVERIFY(!bar->isVisible());
        QTRY_COMPARE(count(bobs), 2);
        QTRY_COMPARE(nth(bobs, 1).data(MessageModel::ReplyIdRole).toLongLong(), question);
        QCOMPARE(nth(bobs, 1).data(MessageModel::ReplyAuthorRole).toString(), QStringLiteral("bob"));
        QCOMPARE(nth(bobs, 1).data(MessageModel::ReplyExcerptRole).toString(),
                 QStringLiteral("lunch at noon?"));

        // Up in the empty composer edits her last message; Enter saves; Bob sees the new text, edited.
        QTRY_COMPARE(nth(alices, 1).data(MessageModel::StatusRole).value<MessageModel::Status>(),
                     MessageModel::Status::Sent);
        QTest::keyClick(alicePage->composer(), Qt::Key_Up);
        QCOMPARE(alicePage->composer()->toPlainText(), QStringLiteral("yes, see you thre"));
        QVERIFY(bar->text().startsWith(QStringLiteral("Editing")));
        QTest::keyClick(alicePage->composer(), Qt::Key_Backspace);
        QTest::keyClick(alicePage->composer(), Qt::Key_Backspace);
        QTest::keyClicks(alicePage->composer(), QStringLiteral("ere"));
        QTest::keyClick(alicePage->composer(), Qt::Key_Return);
        QTRY_COMPARE(text(nth(bobs, 1)), QStringLiteral("yes, see you there"));
        QVERIFY(nth(bobs, 1).data(MessageModel::EditedRole).toDateTime().isValid());
        QCOMPARE(count(bobs), 2); // an edit, not a new message

        // A reaction chip: Alice reacts, Bob clicks the chip to add his own, clicks again to take it back.
        m_alice->session.react(m_room, question, QStringLiteral("👍"), true);
        QTRY_COMPARE(nth(bobs, 0).data(MessageModel::ReactionsRole).toList().size(), 1);
        ChatView *bobView = bobPage->chatView();
        QTRY_VERIFY(pointOf(bobView, question, MessageDelegate::Part::Reaction));
        const QPoint chip = *pointOf(bobView, question, MessageDelegate::Part::Reaction);
        QCOMPARE(bobView->toolTipAt(chip), QStringLiteral("Reacted with 👍: alice")); // who, on hover
        QTest::mouseClick(bobView->viewport(), Qt::LeftButton, {}, chip);
        QTRY_COMPARE(
            nth(alices, 0).data(MessageModel::ReactionsRole).toList().first().toMap().value("count").toInt(),
            2);
        QVERIFY(
            nth(bobs, 0).data(MessageModel::ReactionsRole).toList().first().toMap().value("mine").toBool());
        QTRY_COMPARE(
            bobView->toolTipAt(chip),
            QStringLiteral("Reacted with 👍: %1").arg(QLocale().createSeparatedList({"alice", "bob"})));
        QTest::mouseClick(bobView->viewport(), Qt::LeftButton, {}, chip);
        QTRY_COMPARE(
            nth(alices, 0).data(MessageModel::ReactionsRole).toList().first().toMap().value("count").toInt(),
            1);

        // Delete asks first; Cancel keeps it, Delete makes it a tombstone everywhere.
        const qint64 answer = nth(alices, 1).data(MessageModel::IdRole).toLongLong();
        alicePage->confirmDelete(answer);
        auto *ask = alicePage->findChild<QMessageBox *>(QStringLiteral("deleteQuestion"));
        QVERIFY(ask);
        ask->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!alicePage->findChild<QMessageBox *>(QStringLiteral("deleteQuestion")));
        alicePage->confirmDelete(answer);
        ask = alicePage->findChild<QMessageBox *>(QStringLiteral("deleteQuestion"));
        for (QAbstractButton *button : ask->buttons()) {
            if (ask->buttonRole(button) == QMessageBox::DestructiveRole)
                button->click();
        }
        QTRY_VERIFY(nth(bobs, 1).data(MessageModel::DeletedRole).toBool());
        QCOMPARE(text(nth(bobs, 1)), QString());
    }

    void messageTextCanBeSelectedWithTheMouse()
    {
        m_alice->session.send(m_room, QStringLiteral("select these words please"));
        MessageModel *bobs = m_bob->session.messages(m_room);
        QTRY_COMPARE(count(bobs), 1);
        ChatView *view = m_bob->window.chatPage()->chatView();
        const QRect row = view->visualRect(nth(bobs, 0));
        // Where the delegate draws the text.
        auto *delegate = qobject_cast<MessageDelegate *>(view->itemDelegate());
        QStyleOptionViewItem option;
        option.initFrom(view);
        option.font = view->font();
        option.widget = view;
        option.rect = row;
        const QRect body = delegate->bodyRect(option, nth(bobs, 0));
        QVERIFY(row.contains(body));
        const QPoint start(body.left(), body.top() + QFontMetrics(view->font()).height() / 2);
        QCOMPARE(view->partAt(start + QPoint(20, 0)).first, int(MessageDelegate::Part::None));
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, start + QPoint(20, 0));
        QTest::mouseMove(view->viewport(), start + QPoint(120, 0));
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, start + QPoint(120, 0));
        auto *text = view->findChild<QTextBrowser *>(QStringLiteral("messageText"));
        QVERIFY(text && text->isVisible());
        const QString selected = text->textCursor().selectedText();
        QVERIFY2(!selected.isEmpty() && QStringLiteral("select these words please").contains(selected),
                 qPrintable(selected));
        // A click elsewhere ends it.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(row.center().x(), row.bottom() + 40));
        QVERIFY(!text->isVisible());
    }

    void mentionCompletionAndHighlight()
    {
        Composer *composer = m_bob->window.chatPage()->composer();
        QTRY_COMPARE(m_bob->session.members(m_room)->rowCount(), 2);
        QTest::keyClicks(composer, QStringLiteral("hi @al"));
        QTRY_VERIFY(composer->completer()->popup()->isVisible());
        QCOMPARE(composer->completer()->currentCompletion(), QStringLiteral("alice"));
        QTest::keyClick(composer->completer()->popup(), Qt::Key_Return);
        QCOMPARE(composer->toPlainText(), QStringLiteral("hi @alice "));
        QCOMPARE(m_bob->session.outboxSize(), 0); // choosing a name sends nothing
        // Tab chooses too, as in the big clients; it does not move the focus away.
        QTest::keyClicks(composer, QStringLiteral("and @a"));
        QTRY_VERIFY(composer->completer()->popup()->isVisible());
        // Room for a dozen characters, however short the names.
        QVERIFY(composer->completer()->popup()->width() >= composer->fontMetrics().averageCharWidth() * 12);
        QTest::keyClick(composer->completer()->popup(), Qt::Key_Tab);
        QCOMPARE(composer->toPlainText(), QStringLiteral("hi @alice and @alice "));
        QTest::keyClick(composer, Qt::Key_Return);
        MessageModel *alices = m_alice->session.messages(m_room);
        QTRY_COMPARE(count(alices), 1);
        QVERIFY(nth(alices, 0).data(MessageModel::MentionsMeRole).toBool());
    }

    void newLineAtTheReadPosition()
    {
        // Bob looks at another room while Alice writes; opening the room again shows where he left off.
        std::optional<Room> other;
        m_bob->session.createRoom(QStringLiteral("Other"),
                                  [&](const auto &room, const auto &) { other = room; });
        QTRY_VERIFY(other);
        m_alice->session.send(m_room, QStringLiteral("seen"));
        QTRY_COMPARE(count(m_bob->session.messages(m_room)), 1);
        // Bob's own message moves his read position too: what follows it is new, not his own words.
        m_bob->session.send(m_room, QStringLiteral("mine"));
        QTRY_COMPARE(count(m_bob->session.messages(m_room)), 2);
        QTRY_VERIFY(nth(m_bob->session.messages(m_room), 1).data(MessageModel::IdRole).toLongLong() > 0);
        const qint64 mine = nth(m_bob->session.messages(m_room), 1).data(MessageModel::IdRole).toLongLong();
        QTRY_COMPARE(m_bob->session.rooms()->readOf(m_room), mine);
        m_bob->window.chatPage()->openRoom(other->id);
        for (int i = 0; i < 3; ++i)
            m_alice->session.send(m_room, QStringLiteral("while away %1").arg(i));
        QTRY_COMPARE(m_bob->session.rooms()
                         ->index(m_bob->session.rooms()->rowOf(m_room))
                         .data(RoomListModel::UnreadRole)
                         .toInt(),
                     3);
        const qint64 seen = mine;
        m_bob->window.chatPage()->openRoom(m_room);
        QCOMPARE(m_bob->window.chatPage()->chatView()->newSince(), seen);
        QTRY_COMPARE(m_bob->session.rooms()->totalUnread(), 0);
        // The server keeps it: Alice's unread count for Bob's room is her own business, his is zero now.
        QTRY_COMPARE(m_bob->session.rooms()->readOf(m_room), m_bob->session.messages(m_room)->newestId());
    }

    void manyUnreadOpensAtTheNewLine()
    {
        // Bob reads up to here, then 120 messages come while he is away: more than the newest page holds.
        m_alice->session.send(m_room, QStringLiteral("read this"));
        QTRY_COMPARE(count(m_bob->session.messages(m_room)), 1);
        const qint64 read = nth(m_bob->session.messages(m_room), 0).data(MessageModel::IdRole).toLongLong();
        QTRY_COMPARE(m_bob->session.rooms()->readOf(m_room), read);
        m_bob.reset();
        TestClient alice;
        QVERIFY(alice.open(m_server->url()));
        QCOMPARE(replyCode(alice.login(QStringLiteral("alice"))), QStringLiteral("ok"));
        QCOMPARE(sendMany(alice, m_room, 120, QStringLiteral("while away")), QStringLiteral("ok"));

        ClientWindow bob(m_dir->path(), QStringLiteral("bob"), m_server->url());
        QVERIFY(bob.signIn(QStringLiteral("bob")));
        QCOMPARE(bob.session.rooms()->readOf(m_room), read);
        MessageModel *bobs = bob.session.messages(m_room);
        QVERIFY(bobs->rowOf(read) < 0); // the newest page does not reach back to it
        bob.window.chatPage()->openRoom(m_room);
        // The history around the read position comes, and the view opens at the "New" line.
        QTRY_VERIFY(bobs->rowOf(read) >= 0);
        ChatView *view = bob.window.chatPage()->chatView();
        QCOMPARE(view->newSince(), read);
        const QModelIndex firstNew = bobs->index(bobs->rowOf(read) + 1);
        QCOMPARE(firstNew.data(MessageModel::TextRole).toString(), QStringLiteral("while away 0"));
        QTRY_VERIFY(view->viewport()->rect().contains(view->visualRect(firstNew).topLeft()));
        QVERIFY(bobs->hasNewer());
        // The button to the latest stays at the bottom of the view while the view scrolls.
        auto *latest = view->findChild<QPushButton *>(QStringLiteral("newMessages"));
        QTRY_VERIFY(latest->isVisible());
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 2);
        QCOMPARE(latest->geometry().bottom(), view->viewport()->height() - 1 - 8);
    }

    void unreadBadgesSurviveARestart()
    {
        // Issue 10, bug 3: the badge comes from the read position the server keeps, so a restart keeps it.
        std::optional<Room> other;
        m_bob->session.createRoom(QStringLiteral("Other"),
                                  [&](const auto &room, const auto &) { other = room; });
        QTRY_VERIFY(other);
        m_bob->window.chatPage()->openRoom(other->id);
        for (int i = 0; i < 3; ++i)
            m_alice->session.send(m_room, QStringLiteral("while away %1").arg(i));
        const auto unreadIn = [this](ChatSession &session) {
            return session.rooms()
                ->index(session.rooms()->rowOf(m_room))
                .data(RoomListModel::UnreadRole)
                .toInt();
        };
        QTRY_COMPARE(unreadIn(m_bob->session), 3);
        m_bob.reset();
        ClientWindow again(m_dir->path(), QStringLiteral("bob"), m_server->url());
        QVERIFY(again.signIn(QStringLiteral("bob")));
        QCOMPARE(again.window.chatPage()->currentRoom(), other->id); // where he was
        QTRY_COMPARE(unreadIn(again.session), 3);
        QCOMPARE(again.session.rooms()->totalUnread(), 3);
    }

    void draftsStayWithTheirRoom()
    {
        // Issue 10, bug 2: a half-written message stays in its room, also across a restart.
        std::optional<Room> other;
        m_bob->session.createRoom(QStringLiteral("Other"),
                                  [&](const auto &room, const auto &) { other = room; });
        QTRY_VERIFY(other);
        ChatPage *page = m_bob->window.chatPage();
        page->openRoom(m_room);
        QTest::keyClicks(page->composer(), QStringLiteral("half a thought"));
        page->openRoom(other->id);
        QCOMPARE(page->composer()->toPlainText(), QString());
        QTest::keyClick(page->composer(), Qt::Key_Return); // nothing to send here
        QCOMPARE(m_bob->session.outboxSize(), 0);
        QTest::keyClicks(page->composer(), QStringLiteral("other words"));
        page->openRoom(m_room);
        QCOMPARE(page->composer()->toPlainText(), QStringLiteral("half a thought"));
        QCOMPARE(m_bob->settings.drafts(m_server->url()).value(other->id), QStringLiteral("other words"));

        m_bob.reset();
        ClientWindow again(m_dir->path(), QStringLiteral("bob"), m_server->url());
        QVERIFY(again.signIn(QStringLiteral("bob")));
        again.window.chatPage()->openRoom(other->id);
        QCOMPARE(again.window.chatPage()->composer()->toPlainText(), QStringLiteral("other words"));
        again.window.chatPage()->openRoom(m_room);
        QCOMPARE(again.window.chatPage()->composer()->toPlainText(), QStringLiteral("half a thought"));
        // Sent, it is no draft any more.
        QTest::keyClick(again.window.chatPage()->composer(), Qt::Key_Return);
        again.window.chatPage()->openRoom(other->id);
        QVERIFY(!again.settings.drafts(m_server->url()).contains(m_room));
    }

    void directMessageFromTheMemberList()
    {
        ChatPage *alicePage = m_alice->window.chatPage();
        QTRY_COMPARE(m_alice->session.members(m_room)->rowCount(), 2);
        alicePage->messageMember(m_bob->session.user().id);
        QTRY_VERIFY(m_alice->session.rooms()->isDirect(alicePage->currentRoom()));
        auto *bobsDirects = m_bob->window.chatPage()->findChild<QListView *>(QStringLiteral("directs"));
        QTRY_COMPARE(bobsDirects->model()->rowCount(), 1);
        QCOMPARE(bobsDirects->model()->index(0, 0).data(RoomListModel::NameRole).toString(),
                 QStringLiteral("alice"));
        auto *alicesRooms = alicePage->findChild<QListView *>(QStringLiteral("rooms"));
        QCOMPARE(alicesRooms->model()->rowCount(), 1); // listed apart from rooms
        QTest::keyClicks(alicePage->composer(), QStringLiteral("psst"));
        QTest::keyClick(alicePage->composer(), Qt::Key_Return);
        QTRY_COMPARE(m_bob->session.messages(alicePage->currentRoom())->rowCount(), 1);
    }

    void roomSettingsForOwnerAndMember()
    {
        ChatPage *alicePage = m_alice->window.chatPage();
        alicePage->showRoomSettings(m_room);
        auto *dialog = alicePage->findChild<RoomSettingsDialog *>(QStringLiteral("roomSettings"));
        QVERIFY(dialog);
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("roomName"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Parlour"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("rename")), Qt::LeftButton);
        QTRY_COMPARE(m_bob->session.rooms()->nameOf(m_room), QStringLiteral("Parlour"));
        const QString oldCode = m_alice->session.rooms()->codeOf(m_room);
        // A new code asks first (the old one stops working); Enter in the dialog never leaves the room.
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("newCode")), Qt::LeftButton);
        auto *ask = dialog->findChild<QMessageBox *>(QStringLiteral("newCodeQuestion"));
        QVERIFY(ask);
        ask->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!dialog->findChild<QMessageBox *>(QStringLiteral("newCodeQuestion")));
        QCOMPARE(m_alice->session.rooms()->codeOf(m_room), oldCode);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("newCode")), Qt::LeftButton);
        ask = dialog->findChild<QMessageBox *>(QStringLiteral("newCodeQuestion"));
        for (QAbstractButton *button : ask->buttons()) {
            if (ask->buttonRole(button) == QMessageBox::AcceptRole)
                button->click();
        }
        QTRY_VERIFY(m_bob->session.rooms()->codeOf(m_room) != oldCode);
        QTest::keyClick(dialog, Qt::Key_Return);
        QVERIFY(!alicePage->findChild<QMessageBox *>(QStringLiteral("leaveQuestion")));
        QCOMPARE(m_alice->session.rooms()->rowOf(m_room), 0);
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("code"))->text(),
                 m_alice->session.rooms()->codeOf(m_room));
        dialog->close();

        // Bob may copy the code but not change anything.
        m_bob->window.chatPage()->showRoomSettings(m_room);
        auto *bobs =
            m_bob->window.chatPage()->findChild<RoomSettingsDialog *>(QStringLiteral("roomSettings"));
        QVERIFY(!bobs->findChild<QPushButton *>(QStringLiteral("rename"))->isEnabled());
        QVERIFY(!bobs->findChild<QPushButton *>(QStringLiteral("newCode"))->isEnabled());
        QVERIFY(bobs->findChild<QPushButton *>(QStringLiteral("copyCode"))->isEnabled());
        QCOMPARE(bobs->findChild<QLabel *>(QStringLiteral("code"))->text(),
                 m_bob->session.rooms()->codeOf(m_room));

        // Leaving asks first: Cancel stays, Leave leaves.
        QTest::mouseClick(bobs->findChild<QPushButton *>(QStringLiteral("leave")), Qt::LeftButton);
        auto *leave = m_bob->window.chatPage()->findChild<QMessageBox *>(QStringLiteral("leaveQuestion"));
        QVERIFY(leave);
        leave->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!m_bob->window.chatPage()->findChild<QMessageBox *>(QStringLiteral("leaveQuestion")));
        QVERIFY(m_bob->session.rooms()->rowOf(m_room) >= 0);
        m_bob->window.chatPage()->confirmLeave(m_room);
        leave = m_bob->window.chatPage()->findChild<QMessageBox *>(QStringLiteral("leaveQuestion"));
        for (QAbstractButton *button : leave->buttons()) {
            if (leave->buttonRole(button) == QMessageBox::DestructiveRole)
                button->click();
        }
        QTRY_COMPARE(m_bob->session.rooms()->rowOf(m_room), -1);
    }

    void joinAndLeaveLinesInTheConversation()
    {
        MessageModel *alices = m_alice->session.messages(m_room);
        // Bob joined in init(): Alice's conversation says so.
        QTRY_COMPARE(alices->rowCount(), 1);
        QCOMPARE(alices->index(0).data(MessageModel::TextRole).toString(),
                 QStringLiteral("bob joined the room"));
        m_bob->session.send(m_room, QStringLiteral("hi"));
        QTRY_COMPARE(alices->rowCount(), 2);
        TestClient carol;
        QVERIFY(carol.open(m_server->url()));
        QCOMPARE(replyCode(carol.registerUser(QStringLiteral("carol"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(carol.request(QStringLiteral("join_room"),
                                         {{"code", m_alice->session.rooms()->codeOf(m_room)}})),
                 QStringLiteral("ok"));
        QTRY_COMPARE(alices->rowCount(), 3);
        QCOMPARE(alices->index(2).data(MessageModel::TextRole).toString(),
                 QStringLiteral("carol joined the room"));
        QCOMPARE(alices->index(2).data(MessageModel::NoticeRole).value<MessageModel::Notice>(),
                 MessageModel::Notice::Joined);
        QCOMPARE(carol.request(QStringLiteral("leave_room"), {{"room", m_room}}).value("type").toString(),
                 QStringLiteral("ok"));
        QTRY_COMPARE(alices->rowCount(), 4);
        QCOMPARE(alices->index(3).data(MessageModel::TextRole).toString(),
                 QStringLiteral("carol left the room"));
        // Messages still go in order after the lines; the lines are stored, so they are no messages to edit
        // or count as unread, but history and paging hold them.
        m_bob->session.send(m_room, QStringLiteral("bye carol"));
        QTRY_COMPARE(alices->rowCount(), 5);
        QCOMPARE(alices->index(4).data(MessageModel::TextRole).toString(), QStringLiteral("bye carol"));
        QCOMPARE(alices->oldestId(), alices->index(0).data(MessageModel::IdRole).toLongLong());
        QCOMPARE(alices->newestId(), alices->index(4).data(MessageModel::IdRole).toLongLong());
        QCOMPARE(alices->rowOf(alices->newestId()), 4);
        QCOMPARE(alices->countAfter(0, m_alice->session.user().id), 2);
        QCOMPARE(m_bob->session.messages(m_room)->lastOwnMessageId(),
                 nth(m_bob->session.messages(m_room), 1).data(MessageModel::IdRole).toLongLong());

        // A device that was not there reads the same lines from history.
        ClientWindow laptop(m_dir->path(), QStringLiteral("alice-laptop"), m_server->url());
        QVERIFY(laptop.signIn(QStringLiteral("alice")));
        MessageModel *later = laptop.session.messages(m_room);
        QTRY_COMPARE(later->rowCount(), 5);
        for (int row = 0; row < 5; ++row) {
            QCOMPARE(text(later->index(row)), text(alices->index(row)));
            QCOMPARE(later->index(row).data(MessageModel::NoticeRole),
                     alices->index(row).data(MessageModel::NoticeRole));
        }
    }

    void linksToMessagesOpenThem()
    {
        // What "Copy link to message" puts on the clipboard, pasted into another room, opens the message.
        m_alice->session.send(m_room, QStringLiteral("the plan"));
        MessageModel *bobs = m_bob->session.messages(m_room);
        QTRY_COMPARE(count(bobs), 1);
        const qint64 plan = nth(bobs, 0).data(MessageModel::IdRole).toLongLong();
        const QString link = QStringLiteral("natter://room/%1/message/%2").arg(m_room).arg(plan);
        QCOMPARE(ChatView::messageLink(QUrl(link)), (std::pair<qint64, qint64>{m_room, plan}));
        QCOMPARE(ChatView::messageLink(QUrl(QStringLiteral("natter://room/x/message/1"))), std::nullopt);
        QCOMPARE(ChatView::messageLink(QUrl(QStringLiteral("https://room/1/message/2"))), std::nullopt);
        QVERIFY(MessageDelegate::toHtml(QStringLiteral("see ") + link)
                    .contains(QStringLiteral("<a href=\"") + link));

        std::optional<Room> other;
        m_bob->session.createRoom(QStringLiteral("Other"),
                                  [&](const auto &room, const auto &) { other = room; });
        QTRY_VERIFY(other);
        m_bob->window.chatPage()->openRoom(other->id);
        m_bob->session.send(other->id, QStringLiteral("see ") + link);
        MessageModel *notes = m_bob->session.messages(other->id);
        QTRY_COMPARE(nth(notes, 0).data(MessageModel::StatusRole).value<MessageModel::Status>(),
                     MessageModel::Status::Sent);
        ChatView *view = m_bob->window.chatPage()->chatView();
        QTRY_VERIFY(pointOf(view, nth(notes, 0).data(MessageModel::IdRole).toLongLong(),
                            MessageDelegate::Part::Link));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          *pointOf(view, nth(notes, 0).data(MessageModel::IdRole).toLongLong(),
                                   MessageDelegate::Part::Link));
        QCOMPARE(m_bob->window.chatPage()->currentRoom(), m_room);
    }

    void mutedRoomsNotifyOnlyMentions()
    {
        std::optional<Room> other;
        m_bob->session.createRoom(QStringLiteral("Other"),
                                  [&](const auto &room, const auto &) { other = room; });
        QTRY_VERIFY(other);
        m_bob->window.chatPage()->openRoom(other->id); // the Lounge is out of view
        m_bob->session.rooms()->setMuted(m_room, true);
        QCOMPARE(m_bob->settings.mutedRooms(m_server->url()), QList<qint64>{m_room}); // kept on this device
        const QModelIndex lounge = m_bob->session.rooms()->index(m_bob->session.rooms()->rowOf(m_room));
        QCOMPARE(lounge.data(Qt::AccessibleTextRole).toString(), QStringLiteral("Lounge, muted"));
        m_alice->session.send(m_room, QStringLiteral("anyone?"));
        QTRY_COMPARE(m_bob->session.rooms()->totalUnread(), 1);
        QCOMPARE(m_bob->window.tray()->notificationCount(), 0);
        m_alice->session.send(m_room, QStringLiteral("@bob you there?"));
        QTRY_COMPARE(m_bob->window.tray()->notificationCount(), 1);
        m_bob->session.rooms()->setMuted(m_room, false);
        QCOMPARE(m_bob->settings.mutedRooms(m_server->url()), QList<qint64>{});
        m_alice->session.send(m_room, QStringLiteral("hello?"));
        QTRY_COMPARE(m_bob->window.tray()->notificationCount(), 2);
    }

    void searchOpensTheConversationAtTheMessage()
    {
        // An old message, far back behind more than a page of history, in a room Bob is not looking at.
        std::optional<Room> other;
        m_bob->session.createRoom(QStringLiteral("Other"),
                                  [&](const auto &room, const auto &) { other = room; });
        QTRY_VERIFY(other);
        m_bob->window.chatPage()->openRoom(other->id);
        TestClient alice;
        QVERIFY(alice.open(m_server->url()));
        QCOMPARE(replyCode(alice.login(QStringLiteral("alice"))), QStringLiteral("ok"));
        const qint64 needle =
            alice.request(QStringLiteral("send"), {{"room", m_room}, {"text", "the ancient aardvark"}})
                .value("message")
                .toObject()
                .value("id")
                .toInteger();
        QCOMPARE(sendMany(alice, m_room, 300, QStringLiteral("filler")), QStringLiteral("ok"));

        // Bob on another device, which holds only the newest page of the Lounge.
        ClientWindow laptop(m_dir->path(), QStringLiteral("bob-laptop"), m_server->url());
        QVERIFY(laptop.signIn(QStringLiteral("bob")));
        laptop.window.chatPage()->openRoom(other->id);
        MessageModel *bobs = laptop.session.messages(m_room);
        QVERIFY(bobs->rowOf(needle) < 0);
        laptop.find<QAction>("searchEverywhere")->trigger();
        SearchPanel *panel = laptop.window.chatPage()->searchPanel();
        auto *thisRoom = panel->findChild<QCheckBox *>(QStringLiteral("searchThisRoom"));
        QVERIFY(thisRoom->isEnabled() &&
                !thisRoom->isChecked()); // everywhere, and can narrow to the open room
        QVERIFY(panel->isVisible());
        auto *query = panel->findChild<QLineEdit *>(QStringLiteral("searchQuery"));
        QTest::keyClicks(query, QStringLiteral("aard"));
        QTest::keyClick(query, Qt::Key_Return);
        QTRY_COMPARE(panel->results()->rowCount(), 1);
        QCOMPARE(panel->results()->index(0).data(SearchResultModel::MarkedHtmlRole).toString(),
                 QStringLiteral("the ancient <b>aardvark</b>"));
        QCOMPARE(panel->results()->index(0).data(SearchResultModel::RoomNameRole).toString(),
                 QStringLiteral("Lounge"));
        auto *list = panel->findChild<QListView *>(QStringLiteral("searchResults"));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualRect(panel->results()->index(0)).center());
        QCOMPARE(laptop.window.chatPage()->currentRoom(), m_room);
        // The history around it is loaded, not everything between it and the newest message, and it is in
        // view; the button to go back to the latest messages shows.
        QTRY_VERIFY(bobs->rowOf(needle) >= 0);
        QVERIFY(bobs->hasNewer());
        QVERIFY(bobs->rowCount() < 300); // the 300 messages after it were not all loaded
        ChatView *view = laptop.window.chatPage()->chatView();
        QTRY_VERIFY(view->viewport()->rect().intersects(view->visualRect(bobs->index(bobs->rowOf(needle)))));
        auto *latest = view->findChild<QPushButton *>(QStringLiteral("newMessages"));
        QTRY_VERIFY(latest->isVisible());
        QCOMPARE(latest->text(), QStringLiteral("Jump to latest ↓"));

        // A new message does not land after the old window (it would leave a gap)...
        const qint64 fresh = alice.request(QStringLiteral("send"), {{"room", m_room}, {"text", "just now"}})
                                 .value("message")
                                 .toObject()
                                 .value("id")
                                 .toInteger();
        QTRY_COMPARE(m_bob->session.messages(m_room)->newestId(), fresh);
        QCOMPARE(bobs->rowOf(fresh), -1);
        // ...scrolling down brings the next page...
        const int held = bobs->rowCount();
        view->scrollToBottom();
        QTRY_VERIFY(bobs->rowCount() > held);
        QVERIFY(bobs->hasNewer());
        // ...sending from further back goes to the newest messages, with nothing missing between...
        Composer *composer = laptop.window.chatPage()->composer();
        QTest::keyClicks(composer, QStringLiteral("from the past"));
        QTest::keyClick(composer, Qt::Key_Return);
        QTRY_VERIFY(!bobs->hasNewer());
        QTRY_COMPARE(
            bobs->index(bobs->rowCount() - 1).data(MessageModel::StatusRole).value<MessageModel::Status>(),
            MessageModel::Status::Sent);
        QList<qint64> window;
        for (int row = 0; row < bobs->rowCount(); ++row)
            window.append(bobs->index(row).data(MessageModel::IdRole).toLongLong());
        QList<qint64> stored;
        for (const QJsonValue &message :
             alice.request(QStringLiteral("history"), {{"room", m_room}, {"limit", int(window.size())}})
                 .value("messages")
                 .toArray())
            stored.append(message.toObject().value("id").toInteger());
        QCOMPARE(window, stored);
        QVERIFY(bobs->rowOf(fresh) >= 0);
        // ...and so does the button, after going back again.
        laptop.window.chatPage()->openMessage(m_room, needle);
        QTRY_VERIFY(bobs->hasNewer());
        QTRY_VERIFY(latest->isVisible());
        QTest::mouseClick(latest, Qt::LeftButton);
        QTRY_VERIFY(!bobs->hasNewer());
        QCOMPARE(bobs->index(bobs->rowCount() - 1).data(MessageModel::TextRole).toString(),
                 QStringLiteral("from the past"));
        QTRY_VERIFY(!latest->isVisible());
        alice.request(QStringLiteral("send"), {{"room", m_room}, {"text", "live again"}});
        QTRY_COMPARE(bobs->index(bobs->rowCount() - 1).data(MessageModel::TextRole).toString(),
                     QStringLiteral("live again"));

        // In one room only: nothing from elsewhere.
        laptop.window.chatPage()->openRoom(other->id);
        laptop.find<QAction>("searchRoom")->trigger();
        QTest::keyClick(query, Qt::Key_Return);
        QTRY_COMPARE(panel->findChild<QLabel *>(QStringLiteral("searchStatus"))->text(),
                     QStringLiteral("No messages match."));
        QCOMPARE(panel->results()->rowCount(), 0);
    }

private:
    std::unique_ptr<ClientWindow> m_alice;
    std::unique_ptr<ClientWindow> m_bob;
    qint64 m_room = 0;
};

QTEST_MAIN(TestClientMessaging)
#include "tst_clientmessaging.moc"
