// SPDX-License-Identifier: GPL-3.0-or-later
// The conversation on the window main() builds: two windows chatting, the composer, the chat view (following
// new messages, retrying failed ones, links), dates in the chosen language, and what screen readers hear.
#include "chatpage.h"
#include "chatsession.h"
#include "chatview.h"
#include "clientfixture.h"
#include "clientwindow.h"
#include "composer.h"
#include "errorcode.h"
#include "errortext.h"
#include "joinroomdialog.h"
#include "mainwindow.h"
#include "membermodel.h"
#include "messagedelegate.h"
#include "messagemodel.h"
#include "protocolerror.h"
#include "signinpage.h"
#include "testserver.h"
#include "translations.h"

#include <QAccessible>
#include <QAction>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>
#include <QVBoxLayout>
#include <cmath>
#include <memory>

using namespace Natter;
using namespace Natter::Client;
using namespace Natter::Test;

namespace {
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

class TestClientChat : public QObject, public ClientFixture {
    Q_OBJECT

private slots:
    void init() { QVERIFY(setUp({QStringLiteral("alice"), QStringLiteral("bob")})); }

    void cleanup() { tearDown(); }

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
        // Nothing sent yet: Alice's conversation holds only the line saying that Bob joined (which reaches
        // her on her own connection, not necessarily before Bob's answer reached him).
        QTRY_COMPARE(alice.session.messages(created->id)->rowCount(), 1);
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

    void composerMakesRoomForItsPlaceholder()
    {
        // In a narrow window the hint ("Enter sends, Shift+Enter…") wraps: all of it must show, not a line
        // and the top of the next.
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *composer = new Composer(&window);
        layout->addWidget(composer);
        layout->addStretch();
        window.resize(220, 300);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const int margin = int(std::ceil(composer->document()->documentMargin()));
        const auto wrapped = [&] {
            return composer->fontMetrics()
                .boundingRect(QRect(0, 0, composer->viewport()->width() - 2 * margin, 10'000),
                              Qt::TextWordWrap, composer->placeholderText())
                .height();
        };
        QVERIFY(wrapped() > composer->fontMetrics().lineSpacing()); // it does wrap at this width
        QTRY_VERIFY2(composer->viewport()->height() - 2 * margin >= wrapped(),
                     qPrintable(QStringLiteral("%1 px for %2 px of hint")
                                    .arg(composer->viewport()->height() - 2 * margin)
                                    .arg(wrapped())));
        // Wide again: back to one line.
        window.resize(1200, 300);
        QTRY_VERIFY(composer->viewport()->height() - 2 * margin < 2 * composer->fontMetrics().lineSpacing());
        // Typing replaces the hint: the text's own lines count.
        window.resize(220, 300);
        QTest::keyClicks(composer, QStringLiteral("hi"));
        QTRY_VERIFY(composer->viewport()->height() - 2 * margin < 2 * composer->fontMetrics().lineSpacing());
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

QTEST_MAIN(TestClientChat)
#include "tst_clientchat.moc"
