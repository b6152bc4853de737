// SPDX-License-Identifier: GPL-3.0-or-later
// Sessions: sign out everywhere, change password, tokens that expire after an idle time.
#include "database.h"
#include "testclient.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSqlQuery>
#include <QTest>
#include <memory>

using namespace Natter::Test;

class TestSessions : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    std::unique_ptr<TestClient> connect()
    {
        auto client = std::make_unique<TestClient>();
        if (!client->open(m_server->url()))
            return {};
        return client;
    }

    /// Sets when a session was last used, straight in the database (as if months had passed).
    bool setLastUsed(const QString &token, qint64 whenMs)
    {
        const QString name = QStringLiteral("test-backdoor");
        bool ok = false;
        {
            QString error;
            const QSqlDatabase db = m_server->database().open(name, &error);
            QSqlQuery query(db);
            query.prepare(QStringLiteral("UPDATE sessions SET last_used_at = ? WHERE token_hash = ?"));
            query.addBindValue(whenMs);
            query.addBindValue(QString::fromLatin1(
                QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex()));
            ok = query.exec() && query.numRowsAffected() == 1;
        }
        Natter::Server::Database::close(name);
        return ok;
    }

    qint64 lastUsed(const QString &token)
    {
        const QString name = QStringLiteral("test-reader");
        qint64 value = -1;
        {
            QString error;
            const QSqlDatabase db = m_server->database().open(name, &error);
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT last_used_at FROM sessions WHERE token_hash = ?"));
            query.addBindValue(QString::fromLatin1(
                QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex()));
            if (query.exec() && query.next())
                value = query.value(0).toLongLong();
        }
        Natter::Server::Database::close(name);
        return value;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        auto setup = connect();
        QVERIFY(setup);
        QCOMPARE(replyCode(setup->registerUser(QStringLiteral("alice"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(setup->registerUser(QStringLiteral("bob"))), QStringLiteral("ok"));
    }

    void cleanup() { m_server.reset(); }

    void logoutAllSignsOutEverySessionAndConnection()
    {
        auto first = connect(), second = connect(), resumed = connect(), bob = connect();
        QCOMPARE(replyCode(first->login(QStringLiteral("alice"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(second->login(QStringLiteral("alice"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(resumed->request(QStringLiteral("resume"), {{"token", first->token()}})),
                 QStringLiteral("ok"));
        QCOMPARE(replyCode(bob->login(QStringLiteral("bob"))), QStringLiteral("ok"));

        QCOMPARE(replyCode(first->request(QStringLiteral("logout_all"))), QStringLiteral("ok"));
        QVERIFY(second->waitForEvents(QStringLiteral("signed_out")));
        QVERIFY(resumed->waitForEvents(QStringLiteral("signed_out")));
        for (TestClient *client : {first.get(), second.get(), resumed.get()})
            QCOMPARE(replyCode(client->request(QStringLiteral("list_rooms"))),
                     QStringLiteral("unauthenticated"));
        for (const QString &token : {first->token(), second->token()})
            QCOMPARE(replyCode(resumed->request(QStringLiteral("resume"), {{"token", token}})),
                     QStringLiteral("invalid_token"));
        QCOMPARE(replyCode(bob->request(QStringLiteral("list_rooms"))),
                 QStringLiteral("ok")); // others untouched
        QVERIFY(bob->eventsOfType(QStringLiteral("signed_out")).isEmpty());
        QCOMPARE(replyCode(first->login(QStringLiteral("alice"))),
                 QStringLiteral("ok")); // a new sign-in works
    }

    void changingThePasswordSignsOutTheOtherSessions()
    {
        auto here = connect(), elsewhere = connect();
        QCOMPARE(replyCode(here->login(QStringLiteral("alice"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(elsewhere->login(QStringLiteral("alice"))), QStringLiteral("ok"));
        QCOMPARE(
            replyCode(here->request(QStringLiteral("change_password"), {{"current_password", "not-it-at-all"},
                                                                        {"new_password", "new-password-9"}})),
            QStringLiteral("bad_credentials"));
        QCOMPARE(replyCode(here->request(QStringLiteral("change_password"),
                                         {{"current_password", "password123"}, {"new_password", "short"}})),
                 QStringLiteral("weak_password"));
        QCOMPARE(replyCode(
                     here->request(QStringLiteral("change_password"), {{"current_password", "password123"}})),
                 QStringLiteral("bad_request"));
        QCOMPARE(
            replyCode(here->request(QStringLiteral("change_password"), {{"current_password", "password123"},
                                                                        {"new_password", "new-password-9"}})),
            QStringLiteral("ok"));
        QVERIFY(elsewhere->waitForEvents(QStringLiteral("signed_out")));
        QCOMPARE(replyCode(elsewhere->request(QStringLiteral("list_rooms"))),
                 QStringLiteral("unauthenticated"));
        QCOMPARE(replyCode(here->request(QStringLiteral("list_rooms"))),
                 QStringLiteral("ok")); // this one stays
        QCOMPARE(replyCode(elsewhere->request(QStringLiteral("resume"), {{"token", elsewhere->token()}})),
                 QStringLiteral("invalid_token"));
        auto later = connect();
        QCOMPARE(replyCode(later->request(QStringLiteral("resume"), {{"token", here->token()}})),
                 QStringLiteral("ok"));
        QCOMPARE(replyCode(later->login(QStringLiteral("alice"))), QStringLiteral("bad_credentials"));
        QCOMPARE(replyCode(later->login(QStringLiteral("alice"), QStringLiteral("new-password-9"))),
                 QStringLiteral("ok"));
        QCOMPARE(replyCode(later->request(QStringLiteral("change_password"))), QStringLiteral("bad_request"));
        auto anonymous = connect();
        QCOMPARE(
            replyCode(anonymous->request(QStringLiteral("change_password"),
                                         {{"current_password", "x"}, {"new_password", "new-password-9"}})),
            QStringLiteral("unauthenticated"));
    }

    void wrongCurrentPasswordsAreLimitedLikeLogins()
    {
        m_server->stop();
        m_server->config().loginAccountLimit = {2, 1};
        QVERIFY(m_server->start());
        auto client = connect();
        QCOMPARE(replyCode(client->login(QStringLiteral("alice"))), QStringLiteral("ok"));
        for (int i = 0; i < 2; ++i)
            QCOMPARE(replyCode(client->request(
                         QStringLiteral("change_password"),
                         {{"current_password", "guess-guess"}, {"new_password", "new-password-9"}})),
                     QStringLiteral("bad_credentials"));
        QCOMPARE(replyCode(client->request(
                     QStringLiteral("change_password"),
                     {{"current_password", "password123"}, {"new_password", "new-password-9"}})),
                 QStringLiteral("rate_limited"));
    }

    void tokensExpireAfterTheIdleTime()
    {
        auto client = connect();
        QCOMPARE(replyCode(client->login(QStringLiteral("alice"))), QStringLiteral("ok"));
        const QString token = client->token();
        client->close();
        const qint64 day = 24LL * 3600 * 1000;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(setLastUsed(token, now - 89 * day)); // within the 90 days: still good, and used again now
        auto again = connect();
        QCOMPARE(replyCode(again->request(QStringLiteral("resume"), {{"token", token}})),
                 QStringLiteral("ok"));
        again->close();
        QVERIFY(setLastUsed(token, now - 91 * day));
        auto late = connect();
        QCOMPARE(replyCode(late->request(QStringLiteral("resume"), {{"token", token}})),
                 QStringLiteral("invalid_token"));
    }

    void aResumeKeepsTheSessionAlive()
    {
        auto client = connect();
        QCOMPARE(replyCode(client->login(QStringLiteral("alice"))), QStringLiteral("ok"));
        const QString token = client->token();
        const qint64 day = 24LL * 3600 * 1000;
        QVERIFY(setLastUsed(token, QDateTime::currentMSecsSinceEpoch() - 89 * day));
        auto resumed = connect();
        QCOMPARE(replyCode(resumed->request(QStringLiteral("resume"), {{"token", token}})),
                 QStringLiteral("ok"));
        // The resume's touch is written behind the reply; once it is, two more days do not expire it.
        QTRY_VERIFY(lastUsed(token) > QDateTime::currentMSecsSinceEpoch() - day);
        m_server->stop();
        m_server->config().sessionIdleDays = 2;
        QVERIFY(m_server->start());
        auto later = connect();
        QCOMPARE(replyCode(later->request(QStringLiteral("resume"), {{"token", token}})),
                 QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestSessions)
#include "tst_sessions.moc"
