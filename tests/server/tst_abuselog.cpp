// SPDX-License-Identifier: GPL-3.0-or-later
#include "abuselog.h"

#include <QTest>

using namespace Natter::Server;

class TestAbuseLog : public QObject {
    Q_OBJECT

private slots:
    void oncePerAddressAndKindPerInterval()
    {
        qint64 now = 0;
        AbuseLog log(60'000, [&now] { return now; });
        const QString a = QStringLiteral("192.0.2.1"), b = QStringLiteral("192.0.2.2");
        QTest::ignoreMessage(QtWarningMsg, "192.0.2.1 failed sign-in");
        QVERIFY(log.report(a, QStringLiteral("failed sign-in")));
        for (int i = 0; i < 100; ++i)
            QVERIFY(!log.report(a, QStringLiteral("failed sign-in")));
        QTest::ignoreMessage(QtWarningMsg, "192.0.2.1 send rate-limited");
        QVERIFY(log.report(a, QStringLiteral("send rate-limited"))); // another kind
        QTest::ignoreMessage(QtWarningMsg, "192.0.2.2 failed sign-in");
        QVERIFY(log.report(b, QStringLiteral("failed sign-in"))); // another address
        now = 59'999;
        QVERIFY(!log.report(a, QStringLiteral("failed sign-in")));
        now = 60'000;
        QTest::ignoreMessage(QtWarningMsg, "192.0.2.1 failed sign-in (and 101 more since the last report)");
        QVERIFY(log.report(a, QStringLiteral("failed sign-in")));
    }

    void memoryIsBoundedByRecentEvents()
    {
        qint64 now = 0;
        AbuseLog log(1000, [&now] { return now; });
        QTest::failOnWarning(QRegularExpression(QStringLiteral("^$"))); // keep the output readable
        for (int i = 0; i < 500; ++i) {
            QTest::ignoreMessage(QtWarningMsg,
                                 qPrintable(QStringLiteral("10.0.%1.%2 x").arg(i / 256).arg(i % 256)));
            log.report(QStringLiteral("10.0.%1.%2").arg(i / 256).arg(i % 256), QStringLiteral("x"));
        }
        QCOMPARE(log.trackedKeys(), 500);
        now = 5000;
        QTest::ignoreMessage(QtWarningMsg, "10.9.9.9 x");
        log.report(QStringLiteral("10.9.9.9"), QStringLiteral("x"));
        QCOMPARE(log.trackedKeys(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAbuseLog)
#include "tst_abuselog.moc"
