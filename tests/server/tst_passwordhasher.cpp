// SPDX-License-Identifier: GPL-3.0-or-later
#include "hashingpool.h"
#include "passwordhasher.h"

#include <QSignalSpy>
#include <QTest>

using namespace Natter::Server;

namespace {
// Cheap parameters: the algorithm is the same, only the cost differs.
const PasswordHasher::Parameters kFast{10, 8, 1};
} // namespace

class TestPasswordHasher : public QObject {
    Q_OBJECT

private slots:
    void hashHasPhcForm()
    {
        const PasswordHasher hasher(kFast);
        const QString phc = hasher.hash(QStringLiteral("correct horse"));
        QVERIFY2(phc.startsWith(QLatin1String("$scrypt$ln=10,r=8,p=1$")), qPrintable(phc));
        const auto parsed = PasswordHasher::parse(phc);
        QVERIFY(parsed);
        QCOMPARE(parsed->salt.size(), 16);
        QCOMPARE(parsed->hash.size(), 32);
        QVERIFY(!phc.contains(QLatin1String("correct horse")));
    }

    void verifiesRightAndRejectsWrong()
    {
        const PasswordHasher hasher(kFast);
        const QString phc = hasher.hash(QStringLiteral("pässwörd-1"));
        QVERIFY(hasher.verify(QStringLiteral("pässwörd-1"), phc));
        QVERIFY(!hasher.verify(QStringLiteral("pässwörd-2"), phc));
        QVERIFY(!hasher.verify(QString(), phc));
    }

    void saltsDiffer()
    {
        const PasswordHasher hasher(kFast);
        QVERIFY(hasher.hash(QStringLiteral("same password")) != hasher.hash(QStringLiteral("same password")));
    }

    void knownVector()
    {
        // RFC 7914 section 12: scrypt("password", "NaCl", N=1024, r=8, p=16), first 64 bytes.
        const QByteArray salt("NaCl");
        const QByteArray expected = QByteArray::fromHex("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e773"
                                                        "76634b3731622eaf30d92e22a3886ff109279d9830dac727afb9"
                                                        "4a83ee6d8360cbdfa2cc0640");
        const QString phc = QStringLiteral("$scrypt$ln=10,r=8,p=16$%1$%2")
                                .arg(QString::fromLatin1(salt.toBase64(QByteArray::OmitTrailingEquals)),
                                     QString::fromLatin1(expected.toBase64(QByteArray::OmitTrailingEquals)));
        QVERIFY(PasswordHasher(kFast).verify(QStringLiteral("password"), phc));
        QVERIFY(!PasswordHasher(kFast).verify(QStringLiteral("Password"), phc));
    }

    void parseRejectsMalformed_data()
    {
        QTest::addColumn<QString>("phc");
        QTest::newRow("empty") << QString();
        QTest::newRow("argon2") << QStringLiteral("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA");
        QTest::newRow("missing hash") << QStringLiteral("$scrypt$ln=10,r=8,p=1$c2FsdHNhbHQ");
        QTest::newRow("bad base64") << QStringLiteral("$scrypt$ln=10,r=8,p=1$c2Fs*HQ$aGFzaGhhc2hoYXNoaGFzaA");
        QTest::newRow("huge cost") << QStringLiteral("$scrypt$ln=40,r=8,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA");
        QTest::newRow("zero r") << QStringLiteral("$scrypt$ln=10,r=0,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA");
        QTest::newRow("short hash") << QStringLiteral("$scrypt$ln=10,r=8,p=1$c2FsdA$aGFzaA");
    }

    void parseRejectsMalformed()
    {
        QFETCH(QString, phc);
        QVERIFY(!PasswordHasher::parse(phc));
        QVERIFY(!PasswordHasher(kFast).verify(QStringLiteral("anything"), phc));
    }

    void parameterUpgrade()
    {
        const QString old = PasswordHasher({10, 4, 1}).hash(QStringLiteral("secret-pass"));
        const PasswordHasher current(kFast);
        QVERIFY(current.needsRehash(old));
        QVERIFY(current.verify(QStringLiteral("secret-pass"), old)); // old hashes keep working
        QVERIFY(!current.needsRehash(current.hash(QStringLiteral("secret-pass"))));
        QVERIFY(current.needsRehash(QStringLiteral("garbage")));
    }

    void poolRunsOffTheEventLoop()
    {
        HashingPool pool(kFast, {2, 64, 4});
        const QString key = QStringLiteral("127.0.0.1");
        QString phc;
        bool verified = false;
        bool needsRehash = true;
        bool unknownVerified = true;
        int done = 0;
        pool.hash(key, QStringLiteral("pool-password"), [&](const QString &result) {
            phc = result;
            ++done;
            pool.verify(key, QStringLiteral("pool-password"), phc, [&](bool ok, bool rehash) {
                verified = ok;
                needsRehash = rehash;
                ++done;
            });
        });
        pool.verify(key, QStringLiteral("pool-password"), QString(), [&](bool ok, bool) {
            unknownVerified = ok;
            ++done;
        });
        QCOMPARE(done, 0); // callbacks come through the event loop, never inline
        QTRY_COMPARE(done, 3);
        QVERIFY(verified);
        QVERIFY(!needsRehash);
        QVERIFY(!unknownVerified); // the dummy hash for an unknown user never matches
    }

    void poolQueueIsBoundedInTotalAndPerKey()
    {
        HashingPool pool(kFast, {1, 3, 2}); // one thread; 3 may wait; 2 per key, running included
        const QString a = QStringLiteral("a"), b = QStringLiteral("b"), c = QStringLiteral("c");
        int done = 0;
        const auto count = [&](const QString &) { ++done; };
        QVERIFY(pool.hash(a, QStringLiteral("password-1"), count));  // runs at once
        QVERIFY(pool.hash(a, QStringLiteral("password-2"), count));  // waits
        QVERIFY(!pool.hash(a, QStringLiteral("password-3"), count)); // a has 2
        QVERIFY(pool.hash(b, QStringLiteral("password-4"), count));
        QVERIFY(pool.hash(b, QStringLiteral("password-5"), count));
        QCOMPARE(pool.queued(), 3);
        QVERIFY(!pool.hash(c, QStringLiteral("password-6"), count)); // 3 waiting in total
        QTRY_COMPARE(done, 4);
        QCOMPARE(pool.queued(), 0);
        QVERIFY(pool.hash(c, QStringLiteral("password-7"), count)); // room again once they ran
        QTRY_COMPARE(done, 5);
    }

    void poolServesKeysInTurn()
    {
        // One address queues four sign-ins, another one: the second waits for one of the first's, not four.
        HashingPool pool(kFast, {1, 64, 4});
        QStringList order;
        for (int i = 0; i < 4; ++i) {
            QVERIFY(pool.hash(QStringLiteral("flood"), QStringLiteral("password-x"),
                              [&](const QString &) { order.append(QStringLiteral("flood")); }));
        }
        QVERIFY(pool.hash(QStringLiteral("user"), QStringLiteral("password-y"),
                          [&](const QString &) { order.append(QStringLiteral("user")); }));
        QTRY_COMPARE(order.size(), 5);
        QCOMPARE(order.indexOf(QStringLiteral("user")), 2); // the running one, one more of flood, then user
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
