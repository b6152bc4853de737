// SPDX-License-Identifier: GPL-3.0-or-later
#include "typingtracker.h"

#include <QTest>

using Natter::User;
using Natter::Server::TypingTracker;

class TestTypingTracker : public QObject {
    Q_OBJECT

private slots:
    void renewalsAreTold()
    {
        // Clients end an indication that is not renewed, so a renewal is told like a start.
        QList<bool> told;
        TypingTracker tracker(60'000, [&](qint64, const User &, bool typing) { told.append(typing); });
        const User alice{1, QStringLiteral("alice")};
        tracker.set(7, alice, true);
        tracker.set(7, alice, true);
        tracker.set(7, alice, false);
        tracker.set(7, alice, false);
        QCOMPARE(told, (QList<bool>{true, true, false}));
        QVERIFY(!tracker.isTyping(7, 1));
    }

    void typingElsewhereIsKeptPerInstance()
    {
        TypingTracker tracker(60'000, [](qint64, const User &, bool) {});
        tracker.setElsewhere(7, 1, QStringLiteral("a"), true);
        tracker.setElsewhere(7, 1, QStringLiteral("b"), true);
        QVERIFY(tracker.isTyping(7, 1));
        QVERIFY(!tracker.isTyping(8, 1));
        // One instance's end leaves the other's indication.
        tracker.setElsewhere(7, 1, QStringLiteral("a"), false);
        QVERIFY(tracker.isTyping(7, 1));
        // An instance that is gone sends no end.
        tracker.forgetInstance(QStringLiteral("b"));
        QVERIFY(!tracker.isTyping(7, 1));
        tracker.setElsewhere(7, 1, QStringLiteral("a"), true);
        tracker.forgetElsewhere(1);
        QVERIFY(!tracker.isTyping(7, 1));
    }

    void typingElsewhereRunsOutWhenItsEndIsLost()
    {
        // Twice the lifetime: the other instance's own end, sent when it runs out there, would come first.
        TypingTracker tracker(100, [](qint64, const User &, bool) {});
        tracker.setElsewhere(7, 1, QStringLiteral("a"), true);
        QVERIFY(tracker.isTyping(7, 1));
        QTRY_VERIFY_WITH_TIMEOUT(!tracker.isTyping(7, 1), 2'000);
    }
};

QTEST_GUILESS_MAIN(TestTypingTracker)
#include "tst_typingtracker.moc"
