// SPDX-License-Identifier: GPL-3.0-or-later
// The token store against a real keychain: GNOME Keyring's Secret Service on a private session bus, set up
// by tests/support/run-with-keyring. Through QtKeychain, as the client uses it.
#include "clientsettings.h"
#include "keychainprobe.h"
#include "keychaintokenstore.h"
#include "qtkeychainbackend.h"
#include "tokenstorechoice.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>

using namespace Natter::Client;
using Result = KeychainBackend::Result;

namespace {

const QUrl kServer(QStringLiteral("ws://chat.example.org:7447"));
const QUrl kOtherServer(QStringLiteral("wss://chat.example.org:8443"));

std::optional<QString> readBack(TokenStore &store, const QUrl &server)
{
    std::optional<QString> answer;
    QObject context;
    store.read(server, &context, [&](const QString &token) { answer = token; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 20'000))
        return std::nullopt;
    return answer;
}

bool waitIdle(TokenStore &store)
{
    return QTest::qWaitFor([&] { return !store.busy(); }, 20'000);
}

/// What the keychain itself holds under a key, asked directly rather than through the store.
std::pair<Result, QString> inKeychain(const QString &key)
{
    QtKeychainBackend backend(KeychainTokenStore::service());
    std::optional<std::pair<Result, QString>> answer;
    backend.read(key, [&](Result result, const QString &secret, const QString &) {
        answer = {result, secret};
    });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 20'000))
        return {Result::Unavailable, QStringLiteral("no answer")};
    return *answer;
}

QByteArray fileContents(const ClientSettings &settings)
{
    QFile file(settings.filePath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestKeychain : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<TokenStore> storeFor(ClientSettings &settings)
    {
        std::unique_ptr<TokenStore> store = TokenStoreChoice::create(settings);
        return store->usesKeychain() ? std::move(store) : nullptr;
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet("NATTER_KEYRING_MISSING"))
            QSKIP(qPrintable(QStringLiteral("no keyring to test against: %1")
                                 .arg(qEnvironmentVariable("NATTER_KEYRING_MISSING"))));
        // Never the keychain of whoever runs the tests.
        QVERIFY2(qEnvironmentVariableIsSet("NATTER_KEYRING_SANDBOX"),
                 "run through tests/support/run-with-keyring, which gives the test a keyring of its own");
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        // A fallback to the file is a warning; here, with a keychain that works, there must be none.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    }

    void theSecretServiceIsFound()
    {
        const KeychainProbe::Finding finding = KeychainProbe::check();
        QVERIFY2(finding.available, qPrintable(finding.detail));
        QVERIFY2(finding.detail.contains(QLatin1String("org.freedesktop.secrets")),
                 qPrintable(finding.detail));
    }

    void writesReadsOverwritesAndForgets()
    {
        ClientSettings settings(QStringLiteral("default"), m_dir.path());
        settings.setServerUrl(kServer);
        const auto store = storeFor(settings);
        QVERIFY2(store, "the keychain was not chosen");
        const QString key = KeychainTokenStore::key(QStringLiteral("default"), kServer);

        store->write(kServer, QStringLiteral("first-token"));
        QVERIFY(waitIdle(*store));
        QCOMPARE(inKeychain(key), std::pair(Result::Ok, QStringLiteral("first-token")));
        QCOMPARE(readBack(*store, kServer), QStringLiteral("first-token"));
        settings.sync();
        QVERIFY(settings.token(kServer).isEmpty());
        QVERIFY(!fileContents(settings).contains("first-token"));
        QVERIFY(!fileContents(settings).contains("tokens"));

        store->write(kServer, QStringLiteral("second-token"));
        QCOMPARE(readBack(*store, kServer), QStringLiteral("second-token"));
        QCOMPARE(inKeychain(key), std::pair(Result::Ok, QStringLiteral("second-token")));

        store->forget(kServer);
        QCOMPARE(readBack(*store, kServer), QString());
        QCOMPARE(inKeychain(key).first, Result::NotFound);
        QVERIFY(!fileContents(settings).contains("second-token"));
    }

    void aForgetRightAfterAWriteWins()
    {
        ClientSettings settings(QStringLiteral("default"), m_dir.path());
        const auto store = storeFor(settings);
        QVERIFY(store);
        store->write(kServer, QStringLiteral("short-lived"));
        store->forget(kServer);
        QVERIFY(waitIdle(*store));
        QCOMPARE(inKeychain(KeychainTokenStore::key(QStringLiteral("default"), kServer)).first,
                 Result::NotFound);
        QCOMPARE(readBack(*store, kServer), QString());
    }

    void profilesAndServersDoNotCollide()
    {
        ClientSettings home(QStringLiteral("home"), m_dir.path());
        ClientSettings work(QStringLiteral("work"), m_dir.path());
        const auto homeStore = storeFor(home);
        const auto workStore = storeFor(work);
        QVERIFY(homeStore && workStore);
        homeStore->write(kServer, QStringLiteral("home-7447"));
        homeStore->write(kOtherServer, QStringLiteral("home-8443"));
        workStore->write(kServer, QStringLiteral("work-7447"));
        QVERIFY(waitIdle(*homeStore) && waitIdle(*workStore));
        QCOMPARE(readBack(*homeStore, kServer), QStringLiteral("home-7447"));
        QCOMPARE(readBack(*homeStore, kOtherServer), QStringLiteral("home-8443"));
        QCOMPARE(readBack(*workStore, kServer), QStringLiteral("work-7447"));
        workStore->forget(kServer);
        QCOMPARE(readBack(*workStore, kServer), QString());
        QCOMPARE(readBack(*homeStore, kServer), QStringLiteral("home-7447"));
        homeStore->forget(kServer);
        homeStore->forget(kOtherServer);
        QVERIFY(waitIdle(*homeStore));
    }

    void aTokenFromAnEarlierVersionMovesIntoTheKeychain()
    {
        ClientSettings settings(QStringLiteral("upgraded"), m_dir.path());
        settings.setToken(kServer, QStringLiteral("kept-by-0.1")); // where earlier versions kept it
        QVERIFY(fileContents(settings).contains("kept-by-0.1"));
        const auto store = storeFor(settings);
        QVERIFY(store);
        QCOMPARE(readBack(*store, kServer), QStringLiteral("kept-by-0.1"));
        QVERIFY(waitIdle(*store));
        QCOMPARE(inKeychain(KeychainTokenStore::key(QStringLiteral("upgraded"), kServer)),
                 std::pair(Result::Ok, QStringLiteral("kept-by-0.1")));
        QVERIFY(settings.token(kServer).isEmpty());
        QVERIFY(!fileContents(settings).contains("kept-by-0.1"));
        QCOMPARE(readBack(*store, kServer), QStringLiteral("kept-by-0.1")); // now from the keychain
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
