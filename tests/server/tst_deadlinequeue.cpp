// SPDX-License-Identifier: GPL-3.0-or-later
#include "deadlinequeue.h"

#include <QElapsedTimer>
#include <QTest>
#include <memory>

using Natter::Server::DeadlineQueue;

class TestDeadlineQueue : public QObject {
    Q_OBJECT

private slots:
    void deadlinesPassInOrderAfterTheirDelay()
    {
        QList<quint64> passed;
        QList<qint64> at;
        QElapsedTimer clock;
        clock.start();
        DeadlineQueue queue(100, [&](QObject *, quint64 ticket) {
            passed.append(ticket);
            at.append(clock.elapsed());
        });
        const quint64 first = queue.add(nullptr);
        const quint64 second = queue.add(nullptr);
        QTRY_COMPARE(passed.size(), 2);
        QCOMPARE(passed, (QList<quint64>{first, second}));
        QVERIFY(first != 0 && first != second);
        QVERIFY2(at.first() >= 100, qPrintable(QString::number(at.first())));
        // Later deadlines after a quiet spell get their full delay too.
        const qint64 third = clock.elapsed();
        const quint64 late = queue.add(nullptr);
        QTRY_COMPARE(passed.size(), 3);
        QCOMPARE(passed.last(), late);
        QVERIFY2(at.last() - third >= 100, qPrintable(QString::number(at.last() - third)));
    }

    void aDeletedTargetHearsNothing()
    {
        QList<QObject *> targets;
        DeadlineQueue queue(50, [&](QObject *target, quint64) { targets.append(target); });
        auto gone = std::make_unique<QObject>();
        QObject kept;
        queue.add(gone.get());
        queue.add(&kept);
        gone.reset();
        QTRY_COMPARE(targets.size(), 1);
        QCOMPARE(targets.first(), &kept);
    }

    void aDeadlineCanBeSetWhenOnePasses()
    {
        int passed = 0;
        std::unique_ptr<DeadlineQueue> queue;
        queue = std::make_unique<DeadlineQueue>(30, [&](QObject *, quint64) {
            if (++passed < 3)
                queue->add(nullptr);
        });
        queue->add(nullptr);
        QTRY_COMPARE(passed, 3);
    }
};

QTEST_GUILESS_MAIN(TestDeadlineQueue)
#include "tst_deadlinequeue.moc"
