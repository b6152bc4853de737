// SPDX-License-Identifier: GPL-3.0-or-later
// TokenStore without a real keychain: KeychainTokenStore's order, fallback and migration over a keychain
// played by the test, the file store, and the choice of store where no session bus exists.
#include "clientsettings.h"
#include "filetokenstore.h"
#include "keychainbackend.h"
#include "keychaintokenstore.h"
#include "tokenstorechoice.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QPointer>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>

using namespace Natter::Client;
using Result = KeychainBackend::Result;

namespace {

const QUrl kServer(QStringLiteral("ws://chat.example.org:7447"));
const QUrl kOtherServer(QStringLiteral("ws://chat.example.org:7448"));

/// What the pretend keychain holds and how it behaves; owned by the test, shared by its backends.
struct Keyring {
    QMap<QString, QString> secrets;
    Result failure = Result::Ok; // anything else: every operation fails so
    int writeDelayMs = 0;        // writes slower than the rest, to see that order does not depend on speed
    int unanswered = 0;          // operations asked for and not answered yet, whatever the store believes
};

class FakeKeychain : public KeychainBackend {
public:
    explicit FakeKeychain(Keyring &keyring)
        : m_keyring(keyring)
    {}
    void read(const QString &key, Done done) override
    {
        answerLater(0, [this, key, done] {
            if (m_keyring.failure != Result::Ok)
                done(m_keyring.failure, {}, QStringLiteral("pretend failure"));
            else if (m_keyring.secrets.contains(key))
                done(Result::Ok, m_keyring.secrets.value(key), {});
            else
                done(Result::NotFound, {}, {});
        });
    }
    void write(const QString &key, const QString &secret, Done done) override
    {
        answerLater(m_keyring.writeDelayMs, [this, key, secret, done] {
            if (m_keyring.failure == Result::Ok)
                m_keyring.secrets.insert(key, secret);
            done(m_keyring.failure, {}, {});
        });
    }
    void remove(const QString &key, Done done) override
    {
        answerLater(0, [this, key, done] {
            if (m_keyring.failure != Result::Ok)
                done(m_keyring.failure, {}, {});
            else
                done(m_keyring.secrets.remove(key) ? Result::Ok : Result::NotFound, {}, {});
        });
    }

private:
    void answerLater(int ms, std::function<void()> answer)
    {
        ++m_keyring.unanswered;
        QTimer::singleShot(ms, this, [this, answer = std::move(answer)] {
            --m_keyring.unanswered;
            answer();
        });
    }
    Keyring &m_keyring;
};

/// Reads through the store and waits for the answer.
std::optional<QString> readBack(TokenStore &store, const QUrl &server)
{
    std::optional<QString> answer;
    QObject context;
    store.read(server, &context, [&](const QString &token) { answer = token; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 5000))
        return std::nullopt;
    return answer;
}

bool waitIdle(TokenStore &store)
{
    return QTest::qWaitFor([&] { return !store.busy(); }, 5000);
}

QByteArray fileContents(const ClientSettings &settings)
{
    QFile file(settings.filePath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList g_messages;
QtMessageHandler g_previousHandler = nullptr;
void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_messages.append(message);
    g_previousHandler(type, context, message);
}

} // namespace

class TestTokenStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Keyring m_keyring;
    std::unique_ptr<ClientSettings> m_settings;
    std::unique_ptr<KeychainTokenStore> m_store;

    void makeStore(const QString &profile = QStringLiteral("default"))
    {
        m_store.reset();
        m_settings = std::make_unique<ClientSettings>(profile, m_dir.path());
        m_store =
            std::make_unique<KeychainTokenStore>(*m_settings, std::make_unique<FakeKeychain>(m_keyring));
    }

private slots:
    void initTestCase()
    {
        // Nothing has used D-Bus yet in this process; the choice below must meet a session bus that is not
        // there, as on a machine without a desktop session.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/natter-test/bus");
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_keyring = {};
        QFile::remove(m_dir.filePath(QStringLiteral("default.ini")));
        QFile::remove(m_dir.filePath(QStringLiteral("other.ini")));
        makeStore();
    }

    void cleanup()
    {
        m_store.reset();
        m_settings.reset();
    }

    void keyNamesProfileAndServer()
    {
        QCOMPARE(KeychainTokenStore::service(), QStringLiteral("Natter"));
        QCOMPARE(KeychainTokenStore::key(QStringLiteral("default"), kServer),
                 QStringLiteral("default/chat.example.org:7447"));
        // As the client's addresses: the host in lower case, and Natter's port where the address names none.
        QCOMPARE(
            KeychainTokenStore::key(QStringLiteral("work"), QUrl(QStringLiteral("wss://Chat.Example.org"))),
            QStringLiteral("work/chat.example.org:7447"));
    }

    void writesReadsOverwritesAndForgetsInTheKeychain()
    {
        const QString key = KeychainTokenStore::key(QStringLiteral("default"), kServer);
        m_store->write(kServer, QStringLiteral("token-one"));
        QCOMPARE(readBack(*m_store, kServer), QStringLiteral("token-one"));
        QCOMPARE(m_keyring.secrets.value(key), QStringLiteral("token-one"));
        QVERIFY(m_settings->token(kServer).isEmpty());
        QVERIFY(!fileContents(*m_settings).contains("token-one"));

        m_store->write(kServer, QStringLiteral("token-two"));
        QCOMPARE(readBack(*m_store, kServer), QStringLiteral("token-two"));
        m_store->forget(kServer);
        QCOMPARE(readBack(*m_store, kServer), QString());
        QVERIFY(m_keyring.secrets.isEmpty());
    }

    void readNeverAnswersFromWithinTheCall()
    {
        bool answered = false;
        m_store->read(kServer, this, [&](const QString &) { answered = true; });
        QVERIFY(!answered);
        QTRY_VERIFY(answered);

        FileTokenStore file(*m_settings);
        answered = false;
        file.read(kServer, this, [&](const QString &) { answered = true; });
        QVERIFY(!answered);
        QTRY_VERIFY(answered);
    }

    void aForgetAfterAWriteWins()
    {
        m_keyring.writeDelayMs = 100; // the write answers long after the forget would have
        m_store->write(kServer, QStringLiteral("token-one"));
        m_store->forget(kServer);
        QVERIFY(m_store->busy());
        QSignalSpy idle(m_store.get(), &TokenStore::idle);
        QVERIFY(idle.wait());
        QTRY_COMPARE(m_keyring.unanswered, 0); // not only what the store waited for: every answer is in
        QVERIFY(m_keyring.secrets.isEmpty());
        QCOMPARE(readBack(*m_store, kServer), QString());
    }

    void aReadSeesTheWritesBeforeIt()
    {
        m_keyring.writeDelayMs = 50;
        m_store->write(kServer, QStringLiteral("token-one"));
        QCOMPARE(readBack(*m_store, kServer), QStringLiteral("token-one"));
    }

    void profilesAndServersDoNotCollide()
    {
        m_store->write(kServer, QStringLiteral("default-7447"));
        m_store->write(kOtherServer, QStringLiteral("default-7448"));
        QVERIFY(waitIdle(*m_store));
        ClientSettings otherSettings(QStringLiteral("other"), m_dir.path());
        KeychainTokenStore other(otherSettings, std::make_unique<FakeKeychain>(m_keyring));
        other.write(kServer, QStringLiteral("other-7447"));
        QVERIFY(waitIdle(other));
        QCOMPARE(m_keyring.secrets.size(), 3);
        QCOMPARE(readBack(*m_store, kServer), QStringLiteral("default-7447"));
        QCOMPARE(readBack(*m_store, kOtherServer), QStringLiteral("default-7448"));
        QCOMPARE(readBack(other, kServer), QStringLiteral("other-7447"));
        other.forget(kServer);
        QCOMPARE(readBack(*m_store, kServer), QStringLiteral("default-7447"));
    }

    void aFailingKeychainFallsBackToTheFile()
    {
        m_keyring.failure = Result::Unavailable;
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("keeping it in the settings file")));
        m_store->write(kServer, QStringLiteral("token-one"));
        QVERIFY(waitIdle(*m_store));
        QCOMPARE(m_settings->token(kServer), QStringLiteral("token-one"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("stays in the settings file")));
        QCOMPARE(readBack(*m_store, kServer), QStringLiteral("token-one"));
        QVERIFY(waitIdle(*m_store));
        QCOMPARE(m_settings->token(kServer), QStringLiteral("token-one"));

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("could not remove")));
        m_store->forget(kServer);
        QVERIFY(waitIdle(*m_store));
        QVERIFY(m_settings->token(kServer).isEmpty());
    }

    void aTokenInTheFileMovesIntoTheKeychain()
    {
        m_settings->setToken(kServer, QStringLiteral("from-an-earlier-version"));
        QCOMPARE(readBack(*m_store, kServer), QStringLiteral("from-an-earlier-version"));
        QVERIFY(waitIdle(*m_store));
        QVERIFY(m_settings->token(kServer).isEmpty());
        QVERIFY(!fileContents(*m_settings).contains("from-an-earlier-version"));
        QCOMPARE(m_keyring.secrets.value(KeychainTokenStore::key(QStringLiteral("default"), kServer)),
                 QStringLiteral("from-an-earlier-version"));
        QCOMPARE(readBack(*m_store, kServer), QStringLiteral("from-an-earlier-version"));
    }

    void aRefusalKeepsTheTokenNowhere()
    {
        m_keyring.failure = Result::DeniedByUser;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("refused")));
        m_store->write(kServer, QStringLiteral("token-one"));
        QVERIFY(waitIdle(*m_store));
        QVERIFY(m_settings->token(kServer).isEmpty());
        QVERIFY(m_keyring.secrets.isEmpty());
    }

    void theLogNeverHoldsTheToken()
    {
        g_messages.clear();
        g_previousHandler = qInstallMessageHandler(recordMessage);
        m_keyring.failure = Result::Unavailable;
        m_store->write(kServer, QStringLiteral("secret-token-value"));
        QVERIFY(waitIdle(*m_store));
        readBack(*m_store, kServer);
        m_store->forget(kServer);
        QVERIFY(waitIdle(*m_store));
        qInstallMessageHandler(g_previousHandler);
        QVERIFY(!g_messages.isEmpty());
        for (const QString &message : std::as_const(g_messages))
            QVERIFY2(!message.contains(QLatin1String("secret-token-value")), qPrintable(message));
    }

    void noAnswerOnceTheAskerIsGone()
    {
        auto *asker = new QObject;
        bool answered = false;
        m_store->read(kServer, asker, [&](const QString &) { answered = true; });
        delete asker;
        QVERIFY(waitIdle(*m_store));
        QVERIFY(!answered);
    }

    void theFileStoreWritesAtOnce()
    {
        FileTokenStore file(*m_settings);
        QVERIFY(!file.usesKeychain());
        file.write(kServer, QStringLiteral("token-one"));
        QCOMPARE(m_settings->token(kServer), QStringLiteral("token-one"));
        QCOMPARE(readBack(file, kServer), QStringLiteral("token-one"));
        file.forget(kServer);
        QVERIFY(m_settings->token(kServer).isEmpty());
    }

    void theSettingsFileIsPrivateFromItsFirstByte()
    {
        // Made 0600 before anything is written, so that no token is ever in a file others can read, not even
        // between QSettings writing it and ClientSettings::sync() restricting it.
        constexpr QFileDevice::Permissions kOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                     QFileDevice::ReadOther | QFileDevice::WriteOther;
        QCOMPARE(QFile::permissions(m_settings->filePath()) & kOthers, QFileDevice::Permissions());
        QSettings plain(m_settings->filePath(), QSettings::IniFormat); // a write that does not restrict
        plain.setValue(QStringLiteral("tokens/x"), QStringLiteral("secret"));
        plain.sync();
        QCOMPARE(plain.status(), QSettings::NoError);
        QCOMPARE(QFile::permissions(m_settings->filePath()) & kOthers, QFileDevice::Permissions());
    }

    void withoutASessionBusTheFileIsChosenAtOnce()
    {
        QElapsedTimer timer;
        timer.start();
        const std::unique_ptr<TokenStore> store = TokenStoreChoice::create(*m_settings);
        const qint64 decidedMs = timer.elapsed();
        QVERIFY(!store->usesKeychain());
        QVERIFY2(decidedMs < 500, qPrintable(QStringLiteral("took %1 ms").arg(decidedMs)));
        store->write(kServer, QStringLiteral("token-one"));
        QCOMPARE(m_settings->token(kServer), QStringLiteral("token-one"));
    }
};

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
