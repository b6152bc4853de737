// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratelimiter.h"

#include <QTest>

using namespace Natter::Server;

class TestRateLimiter : public QObject {
    Q_OBJECT

private slots:
    void burstThenWait()
    {
        qint64 now = 1000;
        RateLimiter limiter({3, 60}, [&now] { return now; }); // 3 at once, then one a second
        QCOMPARE(limiter.take(QStringLiteral("a")), 0);
        QCOMPARE(limiter.take(QStringLiteral("a")), 0);
        QCOMPARE(limiter.take(QStringLiteral("a")), 0);
        QCOMPARE(limiter.take(QStringLiteral("a")), 1000);
        QCOMPARE(limiter.take(QStringLiteral("b")), 0); // keys are independent
        now += 400;
        QCOMPARE(limiter.take(QStringLiteral("a")), 600);
        now += 600;
        QCOMPARE(limiter.take(QStringLiteral("a")), 0);
        QCOMPARE(limiter.take(QStringLiteral("a")), 1000);
        now += 10'000; // refills to the burst, not beyond
        for (int i = 0; i < 3; ++i)
            QCOMPARE(limiter.take(QStringLiteral("a")), 0);
        QVERIFY(limiter.take(QStringLiteral("a")) > 0);
    }

    void refundGivesATokenBack()
    {
        qint64 now = 0;
        RateLimiter limiter({1, 1}, [&now] { return now; });
        QCOMPARE(limiter.take(QStringLiteral("u")), 0);
        QVERIFY(limiter.take(QStringLiteral("u")) > 0);
        limiter.refund(QStringLiteral("u"));
        QCOMPARE(limiter.take(QStringLiteral("u")), 0);
    }

    void peekTakesNothing()
    {
        qint64 now = 0;
        RateLimiter limiter({1, 60}, [&now] { return now; });
        QCOMPARE(limiter.peek(QStringLiteral("k")), 0);
        QCOMPARE(limiter.peek(QStringLiteral("k")), 0);
        QCOMPARE(limiter.take(QStringLiteral("k")), 0);
        QCOMPARE(limiter.peek(QStringLiteral("k")), 1000);
        now = 400;
        QCOMPARE(limiter.peek(QStringLiteral("k")), 600);
        now = 1000;
        QCOMPARE(limiter.peek(QStringLiteral("k")), 0);
    }

    void disabledRuleAllowsEverything()
    {
        RateLimiter limiter({0, 0});
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(limiter.take(QStringLiteral("x")), 0);
        QCOMPARE(limiter.trackedKeys(), 0);
    }

    void fullBucketsAreForgotten()
    {
        qint64 now = 0;
        RateLimiter limiter({2, 60}, [&now] { return now; });
        for (int i = 0; i < 100; ++i)
            limiter.take(QString::number(i));
        QCOMPARE(limiter.trackedKeys(), 100);
        now += 120'000;
        limiter.take(QStringLiteral("fresh"));
        QCOMPARE(limiter.trackedKeys(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
