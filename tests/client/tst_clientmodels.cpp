// SPDX-License-Identifier: GPL-3.0-or-later
#include "membermodel.h"
#include "messagemodel.h"
#include "reconnectbackoff.h"
#include "roomlistmodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace Natter;
using namespace Natter::Client;

namespace {
const User kAlice{1, QStringLiteral("alice")};
const User kBob{2, QStringLiteral("bob")};
const qint64 kNoon = QDateTime(QDate(2026, 11, 2), QTime(12, 0)).toMSecsSinceEpoch();

ChatMessage message(qint64 id, const User &author, qint64 ts = kNoon, const QString &clientId = {})
{
    return ChatMessage{id, 7, author, QStringLiteral("m%1").arg(id), ts, clientId};
}

QList<qint64> ids(const MessageModel &model)
{
    QList<qint64> result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row).data(MessageModel::IdRole).toLongLong());
    return result;
}
} // namespace

class TestClientModels : public QObject {
    Q_OBJECT

private slots:
    void messagesStayInIdOrderWithoutDuplicates()
    {
        MessageModel model(7, kAlice.id);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.addStored(message(5, kBob)));
        QVERIFY(model.addStored(message(9, kBob)));
        QVERIFY(model.addStored(message(7, kAlice)));
        QVERIFY(!model.addStored(message(7, kAlice))); // the same id again: event and reply both came
        QCOMPARE(ids(model), (QList<qint64>{5, 7, 9}));
        QCOMPARE(model.oldestId(), 5);
        QCOMPARE(model.newestId(), 9);
        QCOMPARE(model.index(1).data(MessageModel::IsOwnRole).toBool(), true);
        QCOMPARE(model.index(0).data(MessageModel::IsOwnRole).toBool(), false);
        QCOMPARE(model.index(0).data(MessageModel::AuthorRole).toString(), QStringLiteral("bob"));
        QCOMPARE(model.index(0).data(Qt::DisplayRole).toString(), QStringLiteral("m5"));
    }

    void pendingBecomesStoredOnce()
    {
        MessageModel model(7, kAlice.id);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addStored(message(3, kBob));
        ChatMessage draft = message(0, kAlice, kNoon, QStringLiteral("c1"));
        model.addPending(draft);
        model.addPending(draft); // twice is still once
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1).data(MessageModel::StatusRole).value<MessageModel::Status>(),
                 MessageModel::Status::Pending);
        model.setStatus(QStringLiteral("c1"), MessageModel::Status::Failed);
        QCOMPARE(model.index(1).data(MessageModel::StatusRole).value<MessageModel::Status>(),
                 MessageModel::Status::Failed);

        model.addStored(message(4, kBob)); // someone else's message lands before our pending one
        QCOMPARE(ids(model), (QList<qint64>{3, 4, 0}));
        model.addStored(message(6, kAlice, kNoon, QStringLiteral("c1"))); // the server stored ours
        QCOMPARE(ids(model), (QList<qint64>{3, 4, 6}));
        QCOMPARE(model.index(2).data(MessageModel::StatusRole).value<MessageModel::Status>(),
                 MessageModel::Status::Sent);
        QVERIFY(!model.pendingMessage(QStringLiteral("c1")));
        // Someone else's message with the same client_id does not take our pending one.
        model.addPending(message(0, kAlice, kNoon, QStringLiteral("c2")));
        model.addStored(message(8, kBob, kNoon, QStringLiteral("c2")));
        QCOMPARE(ids(model), (QList<qint64>{3, 4, 6, 8, 0}));
    }

    void olderPageGoesOnTopInOneInsert()
    {
        MessageModel model(7, kAlice.id);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addStored(QList<ChatMessage>{message(50, kBob), message(51, kBob)});
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.addStored(QList<ChatMessage>{message(40, kBob), message(41, kBob), message(42, kBob)});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 2);
        QCOMPARE(ids(model), (QList<qint64>{40, 41, 42, 50, 51}));
        QVERIFY(model.hasOlder());
        model.setHasOlder(false);
        QVERIFY(!model.hasOlder());
    }

    void aWindowFurtherBackHoldsNewMessagesBack()
    {
        MessageModel model(7, kAlice.id);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addStored(QList<ChatMessage>{message(900, kBob), message(901, kBob)});
        model.addPending(message(0, kAlice, kNoon, QStringLiteral("c1")));
        // A search result far back: the window around it replaces what was held; the pending message stays.
        ChatMessage edited = message(11, kBob);
        edited.rev = 950;
        model.resetWindow({message(10, kBob), edited, message(12, kBob)}, true, true);
        QCOMPARE(ids(model), (QList<qint64>{10, 11, 12, 0}));
        QVERIFY(model.hasOlder());
        QVERIFY(model.hasNewer());
        QCOMPARE(model.newestRev(), 950);
        // New messages are not listed after the window (they would leave a gap), but count as new; our own
        // stored message takes its pending copy away.
        QVERIFY(model.addStored(message(902, kBob)));
        QVERIFY(model.addStored(message(903, kAlice, kNoon, QStringLiteral("c1"))));
        QCOMPARE(ids(model), (QList<qint64>{10, 11, 12}));
        QCOMPARE(model.countAfter(10, kAlice.id), std::nullopt); // it does not hold all that follows
        // A change to a message held still lands.
        ChatMessage again = message(12, kBob);
        again.text = QStringLiteral("changed");
        again.rev = 960;
        QVERIFY(!model.addStored(again));
        QCOMPARE(model.index(2).data(MessageModel::TextRole).toString(), QStringLiteral("changed"));
        // The page after the window goes in as one block at its end.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.addStored(QList<ChatMessage>{message(13, kBob), message(14, kBob)});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 3);
        QCOMPARE(ids(model), (QList<qint64>{10, 11, 12, 13, 14}));
        // Back at the newest page: live again.
        model.resetWindow({message(902, kBob), message(903, kAlice, kNoon, QStringLiteral("c1"))}, true,
                          false);
        QVERIFY(!model.hasNewer());
        QVERIFY(model.addStored(message(904, kBob)));
        QCOMPARE(ids(model), (QList<qint64>{902, 903, 904}));
        QCOMPARE(model.countAfter(902, kAlice.id), 1);
    }

    void daySeparatorsAndGrouping()
    {
        MessageModel model(7, kAlice.id);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 minute = 60'000;
        model.addStored(message(1, kBob, kNoon));
        model.addStored(message(2, kBob, kNoon + minute));             // same author, a minute later: grouped
        model.addStored(message(3, kAlice, kNoon + 2 * minute));       // other author: new group
        model.addStored(message(4, kAlice, kNoon + 30 * minute));      // half an hour later: new group
        model.addStored(message(5, kAlice, kNoon + 24 * 60 * minute)); // next day
        auto starts = [&](int row) { return model.index(row).data(MessageModel::StartsDayRole).toBool(); };
        auto continues = [&](int row) {
            return model.index(row).data(MessageModel::ContinuesGroupRole).toBool();
        };
        QVERIFY(starts(0));
        QVERIFY(!continues(0));
        QVERIFY(!starts(1));
        QVERIFY(continues(1));
        QVERIFY(!continues(2));
        QVERIFY(!continues(3));
        QVERIFY(starts(4));
        QVERIFY(!continues(4));
        QCOMPARE(model.index(0).data(MessageModel::TimestampRole).toDateTime().toMSecsSinceEpoch(), kNoon);
    }

    void roomList()
    {
        RoomListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy total(&model, &RoomListModel::totalUnreadChanged);
        model.setRooms({Room{1, QStringLiteral("One"), QStringLiteral("AAAAAAAAAA"), {}},
                        Room{2, QStringLiteral("Two"), QStringLiteral("BBBBBBBBBB"), {}}});
        model.incrementUnread(2);
        model.incrementUnread(2);
        model.incrementUnread(99); // not ours: ignored
        QCOMPARE(model.index(1).data(RoomListModel::UnreadRole).toInt(), 2);
        QCOMPARE(model.totalUnread(), 2);
        QCOMPARE(total.last().first().toInt(), 2);
        // After a sign-in or reconnect the server's counts hold: they survive restarts.
        Room two{2, QStringLiteral("Two"), QStringLiteral("BBBBBBBBBB"), {}};
        two.read = 40;
        two.unread = 5;
        model.setRooms({two});
        QCOMPARE(model.totalUnread(), 5);
        QCOMPARE(model.readOf(2), 40);
        model.setRead(2, 30, 9); // behind the position held: an old answer, ignored
        QCOMPARE(model.totalUnread(), 5);
        model.setRead(2, 44, 2);
        QCOMPARE(model.totalUnread(), 2);
        QCOMPARE(model.readOf(2), 44);
        model.updateRoom(2, QStringLiteral("Deux"), QStringLiteral("DDDDDDDDDD"));
        QCOMPARE(model.codeOf(2), QStringLiteral("DDDDDDDDDD"));
        QCOMPARE(model.nameOf(2), QStringLiteral("Deux"));
        model.addRoom(Room{3, QStringLiteral("Three"), QStringLiteral("CCCCCCCCCC"), {}});
        model.addRoom(Room{3, QStringLiteral("Third"), QStringLiteral("CCCCCCCCCC"), {}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.nameOf(3), QStringLiteral("Third"));
        model.clearUnread(2);
        QCOMPARE(model.totalUnread(), 0);
        model.removeRoom(2);
        QCOMPARE(model.ids(), QList<qint64>{3});
        QCOMPARE(model.idAt(0), 3);
        QCOMPARE(model.idAt(5), 0);
    }

    void members()
    {
        MemberModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMembers({{kBob, false}, {User{3, QStringLiteral("Carol")}, true}, {kAlice, true}});
        auto names = [&] {
            QStringList result;
            for (int row = 0; row < model.rowCount(); ++row)
                result.append(model.index(row).data().toString());
            return result;
        };
        QCOMPARE(names(), (QStringList{"alice", "bob", "Carol"}));
        QCOMPARE(model.onlineCount(), 2);
        model.setOnline(kBob.id, true);
        QCOMPARE(model.index(1).data(MemberModel::OnlineRole).toBool(), true);
        model.addMember({User{4, QStringLiteral("Ben")}, false});
        QCOMPARE(names(), (QStringList{"alice", "Ben", "bob", "Carol"}));
        model.removeMember(kAlice.id);
        QCOMPARE(names(), (QStringList{"Ben", "bob", "Carol"}));
        QVERIFY(!model.contains(kAlice.id));
    }

    void backoffDoublesWithJitterUpToTheCap()
    {
        double draw = 0.0;
        ReconnectBackoff backoff(1000, 60'000, [&draw] { return draw; });
        QCOMPARE(backoff.next(), 500); // lowest draw: half the step
        draw = 0.999999;
        QCOMPARE(backoff.next(), 1999); // second step: 2 s
        QCOMPARE(backoff.next(), 3999);
        for (int i = 0; i < 10; ++i)
            QVERIFY(backoff.next() <= 60'000);
        QCOMPARE(backoff.next(), 59999);
        draw = 0.0;
        QCOMPARE(backoff.next(), 30000); // jitter never goes below half the cap
        backoff.reset();
        QCOMPARE(backoff.next(), 500);
    }
};

QTEST_GUILESS_MAIN(TestClientModels)
#include "tst_clientmodels.moc"
