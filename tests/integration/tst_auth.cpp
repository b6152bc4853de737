// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"
#include "testclient.h"
#include "testserver.h"
#include "userrepository.h"

#include <QTest>

using namespace Natter::Test;

class TestAuth : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
    }

    void cleanup() { m_server.reset(); }

    void helloOnConnect()
    {
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        QCOMPARE(client.hello().value("protocol").toInt(), 1);
        QVERIFY(client.hello().value("server").toString().startsWith(QLatin1String("natterd ")));
    }

    void registerAndLogin()
    {
        TestClient alice;
        QVERIFY(alice.open(m_server->url()));
        const QJsonObject registered = alice.registerUser(QStringLiteral("Alice"));
        QCOMPARE(replyCode(registered), QStringLiteral("ok"));
        QCOMPARE(registered.value("user").toObject().value("username").toString(), QStringLiteral("Alice"));
        QCOMPARE(alice.token().size(), 43); // 256 bits, base64url without padding
        QVERIFY(alice.userId() > 0);

        TestClient again;
        QVERIFY(again.open(m_server->url()));
        const QJsonObject loggedIn = again.login(QStringLiteral("aLICE")); // case-insensitive
        QCOMPARE(replyCode(loggedIn), QStringLiteral("ok"));
        QCOMPARE(loggedIn.value("user").toObject().value("username").toString(), QStringLiteral("Alice"));
        QCOMPARE(again.userId(), alice.userId());
        QVERIFY(again.token() != alice.token());
        QCOMPARE(replyCode(again.request(QStringLiteral("list_rooms"))), QStringLiteral("ok"));
    }

    void registerErrors()
    {
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        QCOMPARE(replyCode(client.registerUser(QStringLiteral("bob"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(client.registerUser(QStringLiteral("BOB"))), QStringLiteral("username_taken"));
        QCOMPARE(replyCode(client.registerUser(QStringLiteral("b"))), QStringLiteral("invalid_username"));
        QCOMPARE(replyCode(client.registerUser(QStringLiteral("bad name"))),
                 QStringLiteral("invalid_username"));
        QCOMPARE(replyCode(client.registerUser(QStringLiteral("carol"), QStringLiteral("short"))),
                 QStringLiteral("weak_password"));
        QCOMPARE(replyCode(client.request(QStringLiteral("register"), {{"username", "carol"}})),
                 QStringLiteral("bad_request"));
    }

    void loginErrorsLookTheSame()
    {
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        QCOMPARE(replyCode(client.registerUser(QStringLiteral("dave"))), QStringLiteral("ok"));
        const QJsonObject wrong = client.login(QStringLiteral("dave"), QStringLiteral("wrong-password"));
        const QJsonObject unknown = client.login(QStringLiteral("nobody"), QStringLiteral("wrong-password"));
        QCOMPARE(replyCode(wrong), QStringLiteral("bad_credentials"));
        QCOMPARE(replyCode(unknown), QStringLiteral("bad_credentials"));
        QCOMPARE(wrong.value("message"), unknown.value("message"));
        QCOMPARE(replyCode(client.request(QStringLiteral("login"), {{"username", "dave"}, {"password", 5}})),
                 QStringLiteral("bad_request"));
    }

    void resumeAndLogout()
    {
        TestClient first;
        QVERIFY(first.open(m_server->url()));
        QCOMPARE(replyCode(first.registerUser(QStringLiteral("erin"))), QStringLiteral("ok"));
        const QString token = first.token();

        TestClient second;
        QVERIFY(second.open(m_server->url()));
        const QJsonObject resumed = second.request(QStringLiteral("resume"), {{"token", token}});
        QCOMPARE(replyCode(resumed), QStringLiteral("ok"));
        QCOMPARE(resumed.value("user").toObject().value("id").toInteger(), first.userId());
        QVERIFY(!resumed.contains("token"));

        TestClient other; // a different session of the same user survives the logout
        QVERIFY(other.open(m_server->url()));
        QCOMPARE(replyCode(other.login(QStringLiteral("erin"))), QStringLiteral("ok"));

        QCOMPARE(replyCode(first.request(QStringLiteral("logout"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(first.request(QStringLiteral("list_rooms"))), QStringLiteral("unauthenticated"));
        QVERIFY(second.waitForEvents(QStringLiteral("signed_out")));
        QCOMPARE(replyCode(second.request(QStringLiteral("list_rooms"))), QStringLiteral("unauthenticated"));
        QCOMPARE(replyCode(other.request(QStringLiteral("list_rooms"))), QStringLiteral("ok"));
        QVERIFY(first.eventsOfType(QStringLiteral("signed_out")).isEmpty());

        TestClient late;
        QVERIFY(late.open(m_server->url()));
        QCOMPARE(replyCode(late.request(QStringLiteral("resume"), {{"token", token}})),
                 QStringLiteral("invalid_token"));
        QCOMPARE(replyCode(late.request(QStringLiteral("resume"), {{"token", "made-up"}})),
                 QStringLiteral("invalid_token"));
        QCOMPARE(replyCode(late.request(QStringLiteral("resume"), {{"token", 12}})),
                 QStringLiteral("bad_request"));
    }

    void everyRequestNeedsAuthentication_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonObject>("fields");
        QTest::newRow("logout") << "logout" << QJsonObject{};
        QTest::newRow("create_room") << "create_room" << QJsonObject{{"name", "x"}};
        QTest::newRow("join_room") << "join_room" << QJsonObject{{"code", "ABCDEFGHJK"}};
        QTest::newRow("leave_room") << "leave_room" << QJsonObject{{"room", 1}};
        QTest::newRow("list_rooms") << "list_rooms" << QJsonObject{};
        QTest::newRow("send") << "send" << QJsonObject{{"room", 1}, {"text", "hi"}};
        QTest::newRow("history") << "history" << QJsonObject{{"room", 1}};
    }

    void everyRequestNeedsAuthentication()
    {
        QFETCH(QString, type);
        QFETCH(QJsonObject, fields);
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        QCOMPARE(replyCode(client.request(type, fields)), QStringLiteral("unauthenticated"));
    }

    void fieldsAreCheckedBeforeAuthentication()
    {
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        QCOMPARE(replyCode(client.request(QStringLiteral("send"), {{"room", "one"}, {"text", "hi"}})),
                 QStringLiteral("bad_request"));
        QCOMPARE(replyCode(client.request(QStringLiteral("shout"))), QStringLiteral("unknown_type"));
    }

    void garbageFramesKeepTheConnection()
    {
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        client.sendText(QStringLiteral("this is not json"));
        client.sendText(QStringLiteral("[1,2,3]"));
        client.sendText(QStringLiteral("{\"id\":{},\"type\":\"login\"}"));
        client.sendBinary(QByteArray("\x01\x02", 2));
        QVERIFY(client.waitForEvents(QStringLiteral("error"), 4));
        for (const QJsonObject &error : client.eventsOfType(QStringLiteral("error"))) {
            QCOMPARE(error.value("code").toString(), QStringLiteral("bad_request"));
            QVERIFY(!error.contains("id"));
        }
        client.sendText(QStringLiteral("{\"id\":\"s1\",\"type\":7}"));
        // String ids come back as strings: the reply to a frame with a typed id but no string type.
        QVERIFY(client.waitForEvents(QStringLiteral("error"), 5));
        QVERIFY(client.isConnected());
        const QJsonObject numbered = client.request(QStringLiteral("list_rooms"));
        QCOMPARE(replyCode(numbered), QStringLiteral("unauthenticated"));
        QVERIFY(client.isConnected());
    }

    void stringIdsAreEchoed()
    {
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        client.sendText(QStringLiteral("{\"id\":\"abc\",\"type\":\"list_rooms\"}"));
        QVERIFY(client.waitForEvents(QStringLiteral("error")));
        const QJsonObject reply = client.eventsOfType(QStringLiteral("error")).first();
        QCOMPARE(reply.value("id").toString(), QStringLiteral("abc"));
        QCOMPARE(reply.value("code").toString(), QStringLiteral("unauthenticated"));
    }

    void oversizedFrameClosesWith1009()
    {
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        client.sendText(QString(70 * 1024, QLatin1Char('x')));
        QVERIFY(client.waitForDisconnect());
        QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);

        TestClient fine; // a frame just under the limit is only a bad request
        QVERIFY(fine.open(m_server->url()));
        fine.sendText(QString(60 * 1024, QLatin1Char('x')));
        QVERIFY(fine.waitForEvents(QStringLiteral("error")));
        QVERIFY(fine.isConnected());
    }

    void passwordHashIsUpgradedOnLogin()
    {
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        QCOMPARE(replyCode(client.registerUser(QStringLiteral("frank"))), QStringLiteral("ok"));
        client.close();

        m_server->config().scrypt = {11, 8, 1};
        QVERIFY(m_server->restart());
        TestClient later;
        QVERIFY(later.open(m_server->url()));
        QCOMPARE(replyCode(later.login(QStringLiteral("frank"))), QStringLiteral("ok"));
        QVERIFY(QTest::qWaitFor(
            [&] { return storedHash(QStringLiteral("frank")).contains(QLatin1String("ln=11")); }, 10000));
        later.close();
        QVERIFY(m_server->restart());
        TestClient third;
        QVERIFY(third.open(m_server->url()));
        QCOMPARE(replyCode(third.login(QStringLiteral("frank"))), QStringLiteral("ok"));
    }

private:
    QString storedHash(const QString &username);
    std::unique_ptr<TestServer> m_server;
};

QString TestAuth::storedHash(const QString &username)
{
    QString error;
    QString hash;
    {
        const QSqlDatabase db = m_server->database().open(QStringLiteral("peek"), &error);
        const auto account = Natter::Server::UserRepository(db).findByUsername(username);
        hash = account ? account->passwordHash : QString();
    }
    Natter::Server::Database::close(QStringLiteral("peek"));
    return hash;
}

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
