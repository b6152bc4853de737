// SPDX-License-Identifier: GPL-3.0-or-later
// Each attack of a hostile client, against the real server in-process: the limit holds, and a well-behaved
// pair of users chatting at the same time is not affected. Hostile sockets come from 127.0.0.2 and up, the
// well-behaved clients from 127.0.0.1; everything stays on loopback.
#include "rawclient.h"
#include "testclient.h"
#include "testserver.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTest>
#include <functional>
#include <memory>

using namespace Natter::Test;

namespace {

QHostAddress loopback(int last)
{
    return QHostAddress(QStringLiteral("127.0.0.%1").arg(last));
}

QJsonObject roomOf(const QJsonObject &reply)
{
    return reply.value(QStringLiteral("room")).toObject();
}

bool isPrivate(const QString &path)
{
    const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                      QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    return QFileInfo::exists(path) && !(QFile::permissions(path) & others);
}

} // namespace

class TestHostile : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_bob;
    qint64 m_room = 0;
    QString m_code;
    int m_chatted = 0;

    /// Starts the server with `configure` applied, and signs in alice and bob, who share a room.
    bool startWithChat(const std::function<void(Natter::Server::ServerConfig &)> &configure = {})
    {
        if (configure)
            configure(m_server->config());
        if (!m_server->start())
            return false;
        m_alice = std::make_unique<TestClient>();
        m_bob = std::make_unique<TestClient>();
        if (!m_alice->open(m_server->url()) || !m_bob->open(m_server->url()))
            return false;
        if (replyCode(m_alice->registerUser(QStringLiteral("alice"))) != QLatin1String("ok") ||
            replyCode(m_bob->registerUser(QStringLiteral("bob"))) != QLatin1String("ok"))
            return false;
        const QJsonObject room =
            roomOf(m_alice->request(QStringLiteral("create_room"), {{"name", "Lounge"}}));
        m_room = room.value(QStringLiteral("id")).toInteger();
        m_code = room.value(QStringLiteral("code")).toString();
        return replyCode(m_bob->request(QStringLiteral("join_room"), {{"code", m_code}})) ==
               QLatin1String("ok");
    }

    /// Alice sends `count` messages, a few at a time as a client does, each acknowledged.
    void fill(int count, const QString &text)
    {
        for (int sent = 0; sent < count;) {
            QList<qint64> batch;
            for (int i = 0; i < 20 && sent < count; ++i, ++sent)
                batch.append(m_alice->post(QStringLiteral("send"), {{"room", m_room}, {"text", text}}));
            for (const qint64 send : batch)
                QCOMPARE(replyCode(m_alice->waitForReply(send, 30000)), QStringLiteral("ok"));
        }
    }

    /// `raw` signs up as mallory and joins the room, answers read, with request ids 1 and 2.
    bool joinAsRawMember(RawClient &raw)
    {
        if (!raw.connectTo(m_server->url()) || !raw.handshake())
            return false;
        raw.sendText(R"({"type":"register","id":1,"username":"mallory","password":"password123"})");
        if (!raw.waitForText(R"("id":1)"))
            return false;
        raw.sendText(QStringLiteral(R"({"type":"join_room","id":2,"code":"%1"})").arg(m_code).toUtf8());
        return raw.waitForText(R"("id":2)");
    }

    /// Alice says something and bob hears it within a second: the well-behaved users are unaffected.
    void chatStillWorks()
    {
        const int before = int(m_bob->eventsOfType(kChatMessage).size());
        const QString text = QStringLiteral("still here %1").arg(++m_chatted);
        QCOMPARE(
            replyCode(m_alice->request(QStringLiteral("send"), {{"room", m_room}, {"text", text}}, 1000)),
            QStringLiteral("ok"));
        QVERIFY(m_bob->waitForEvents(kChatMessage, before + 1, 1000));
    }

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_chatted = 0;
    }

    void cleanup()
    {
        m_alice.reset();
        m_bob.reset();
        m_server.reset();
    }

    void silentAndSlowHandshakesAreClosedAtTheDeadline()
    {
        QVERIFY(startWithChat([](auto &config) { config.gate.handshakeTimeoutMs = 400; }));
        RawClient silent;
        QVERIFY(silent.connectTo(m_server->url()));
        RawClient slow;
        QVERIFY(slow.connectTo(m_server->url()));
        slow.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"); // and never the rest
        QTRY_COMPARE(m_server->server().handshakesInProgress(), 2);
        chatStillWorks();
        QVERIFY(silent.waitForDisconnect(5000));
        QVERIFY(slow.waitForDisconnect(5000));
        QTRY_COMPARE(m_server->server().handshakesInProgress(), 0);
        // A handshake that finishes in time is not touched by its deadline.
        RawClient quick;
        QVERIFY(quick.connectTo(m_server->url()));
        QVERIFY(quick.handshake());
        QTRY_COMPARE(m_server->server().handshakesInProgress(), 0);
        QTRY_COMPARE(m_server->server().connectionCount(), 3);
        chatStillWorks();
    }

    void handshakesAndConnectionsAreCappedPerAddress()
    {
        QVERIFY(startWithChat([](auto &config) {
            config.gate.maxHandshakesPerAddress = 3;
            config.gate.maxConnectionsPerAddress = 5;
        }));
        std::vector<std::unique_ptr<RawClient>> silent;
        for (int i = 0; i < 5; ++i) {
            silent.push_back(std::make_unique<RawClient>(loopback(2)));
            QVERIFY(silent.back()->connectTo(m_server->url()));
        }
        QVERIFY(silent[3]->waitForDisconnect(5000));
        QVERIFY(silent[4]->waitForDisconnect(5000));
        QCOMPARE(m_server->server().handshakesInProgress(), 3);
        QVERIFY(silent[0]->isConnected());
        chatStillWorks();
        TestClient fromElsewhere; // 127.0.0.1 is another address
        QVERIFY(fromElsewhere.open(m_server->url()));

        // Finished handshakes count against the connection cap of their address.
        std::vector<std::unique_ptr<RawClient>> open;
        for (int i = 0; i < 5; ++i) {
            open.push_back(std::make_unique<RawClient>(loopback(3)));
            QVERIFY(open.back()->connectTo(m_server->url()));
            QVERIFY(open.back()->handshake());
        }
        RawClient sixth(loopback(3));
        QVERIFY(sixth.connectTo(m_server->url()));
        QVERIFY(sixth.waitForDisconnect(5000));
        open.pop_back(); // one goes: its place is free again
        QTRY_COMPARE(m_server->server().connectionCount(), 3 + 4);
        RawClient again(loopback(3));
        QVERIFY(again.connectTo(m_server->url()));
        QVERIFY(again.handshake());
        chatStillWorks();
    }

    void handshakesAreCappedInTotal()
    {
        QVERIFY(startWithChat([](auto &config) { config.maxPendingConnections = 3; }));
        std::vector<std::unique_ptr<RawClient>> silent;
        for (int i = 0; i < 3; ++i) {
            silent.push_back(std::make_unique<RawClient>(loopback(10 + i)));
            QVERIFY(silent.back()->connectTo(m_server->url()));
        }
        QTRY_COMPARE(m_server->server().handshakesInProgress(), 3);
        RawClient fourth(loopback(20));
        QVERIFY(fourth.connectTo(m_server->url()));
        QVERIFY(fourth.waitForDisconnect(5000));
        chatStillWorks(); // established connections are not handshakes
    }

    void connectionsThatNeverSignInAreClosed()
    {
        QVERIFY(startWithChat([](auto &config) { config.connection.authTimeoutMs = 500; }));
        TestClient idle; // answers pings like any WebSocket library, but never signs in
        QVERIFY(idle.open(m_server->url()));
        TestClient leaving;
        QVERIFY(leaving.open(m_server->url()));
        QCOMPARE(replyCode(leaving.registerUser(QStringLiteral("carol"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(leaving.request(QStringLiteral("logout"))), QStringLiteral("ok"));
        QVERIFY(idle.waitForDisconnect(5000));
        QCOMPARE(int(idle.closeCode()), int(QWebSocketProtocol::CloseCodePolicyViolated));
        QVERIFY(leaving.waitForDisconnect(5000)); // signed out: the same deadline again
        QVERIFY(m_alice->isConnected());
        QVERIFY(m_bob->isConnected());
        chatStillWorks();
    }

    void aMemberThatNeverReadsIsCutOff()
    {
        QVERIFY(startWithChat([](auto &config) {
            config.connection.maxOutgoingBytes = 1024 * 1024;
            config.idleTimeoutMs = 600'000; // so that only the cap can end it within the test
        }));
        RawClient mallory;
        QVERIFY(joinAsRawMember(mallory));
        mallory.stopReading();
        QCOMPARE(m_server->server().connectionCount(), 3);

        // 3000 messages of 3000 characters: 9 MB to every member, more than the kernel buffers hold.
        constexpr int count = 3000;
        fill(count, QString(3000, QLatin1Char('x')));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->server().connectionCount(), 2, 30000);
        QVERIFY(m_bob->waitForEvents(kChatMessage, count, 30000));
        chatStillWorks();
    }

    void aMemberThatPausesReadingGetsEverythingInOrder()
    {
        QVERIFY(startWithChat([](auto &config) {
            config.connection.maxOutgoingBytes = 64 * 1024 * 1024;
            config.idleTimeoutMs = 600'000;
        }));
        RawClient mallory;
        QVERIFY(joinAsRawMember(mallory));
        mallory.stopReading();
        // 12 MB: more than the kernel's buffers take, so that natterd holds the rest and writes it as
        // mallory reads, partly written frames included.
        constexpr int count = 3000;
        const auto marker = [](int i) { return QStringLiteral("n%1 ").arg(i, 5, 10, QLatin1Char('0')); };
        const QString padding(3990, QLatin1Char('p'));
        for (int sent = 0; sent < count;) {
            QList<qint64> batch;
            for (int i = 0; i < 50 && sent < count; ++i, ++sent)
                batch.append(m_alice->post(QStringLiteral("send"),
                                           {{"room", m_room}, {"text", marker(sent) + padding}}));
            for (const qint64 send : batch)
                QCOMPARE(replyCode(m_alice->waitForReply(send, 30000)), QStringLiteral("ok"));
        }
        const auto textOf = [&](int i) {
            return "\"text\":\"" + marker(i).toUtf8() + padding.toUtf8() + "\"";
        };
        mallory.resumeReading();
        // Looked for at the end only: scanning 12 MB on every turn would starve the server in this thread.
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QByteArrayView received(mallory.received());
                return received.size() > 8192 && received.last(8192).contains(textOf(count - 1));
            },
            60000));
        // Every message whole, once and in order.
        QCOMPARE(mallory.received().count("\"text\":\"n"), count);
        qsizetype at = 0;
        for (int i = 0; i < count; ++i) {
            const qsizetype found = mallory.received().indexOf(textOf(i), at);
            QVERIFY2(found >= 0,
                     qPrintable(QStringLiteral("message %1 missing after offset %2").arg(i).arg(at)));
            at = found + textOf(i).size();
        }
        QVERIFY(mallory.isConnected());
        chatStillWorks();
    }

    void readersOverTheCapInOneDeliveryAreClosedAfterIt()
    {
        // Members that read, but are given more than twice the cap while one batch of messages is delivered:
        // closed, and not in the middle of the delivery to everyone, which walks the members' connections
        // (closing there took a connection out of the list being walked).
        QVERIFY(startWithChat([](auto &config) {
            config.connection.maxOutgoingBytes = 8 * 1024;
            config.idleTimeoutMs = 600'000;
        }));
        TestClient carol;
        QVERIFY(carol.open(m_server->url()));
        QCOMPARE(replyCode(carol.registerUser(QStringLiteral("carol"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(carol.request(QStringLiteral("join_room"), {{"code", m_code}})),
                 QStringLiteral("ok"));
        // Ten messages of 4000 characters sent at once are committed together and delivered in one go.
        for (int i = 0; i < 10; ++i)
            m_alice->post(QStringLiteral("send"),
                          {{"room", m_room}, {"text", QString(4000, QLatin1Char('a' + i))}});
        for (TestClient *member : {m_alice.get(), m_bob.get(), &carol}) {
            QVERIFY(member->waitForDisconnect(10000));
            QCOMPARE(int(member->closeCode()), int(QWebSocketProtocol::CloseCodePolicyViolated));
        }
        QTRY_COMPARE(m_server->server().connectionCount(), 0);
        // The server carries on, with every message stored.
        TestClient again;
        QVERIFY(again.open(m_server->url()));
        QCOMPARE(replyCode(again.login(QStringLiteral("carol"))), QStringLiteral("ok"));
        // The newest is the tenth (one page of all of them would itself pass this server's small cap).
        const QJsonArray newest = again.request(QStringLiteral("history"), {{"room", m_room}, {"limit", 1}})
                                      .value(QStringLiteral("messages"))
                                      .toArray();
        QCOMPARE(newest.size(), 1);
        QCOMPARE(newest.first().toObject().value(QStringLiteral("text")).toString(),
                 QString(4000, QLatin1Char('j')));
    }

    void pipelinedHistoryWithoutReadingIsCutOff()
    {
        QVERIFY(startWithChat([](auto &config) {
            config.connection.maxOutgoingBytes = 1024 * 1024;
            config.idleTimeoutMs = 600'000; // so that only the cap can end it within the test
        }));
        fill(200, QString(4000, QLatin1Char('h')));
        RawClient mallory;
        QVERIFY(joinAsRawMember(mallory));
        mallory.stopReading();
        // 100 pages of 800 KB asked for at once: 80 MB if the server kept them all.
        for (int i = 0; i < 100; ++i)
            mallory.sendText(QStringLiteral(R"({"type":"history","id":%1,"room":%2,"limit":200})")
                                 .arg(i + 3)
                                 .arg(m_room)
                                 .toUtf8());
        QTRY_COMPARE_WITH_TIMEOUT(m_server->server().connectionCount(), 2, 30000);
        chatStillWorks();
    }

    void requestsInFlightAreCapped()
    {
        QVERIFY(startWithChat([](auto &config) {
            config.connection.maxRequestsInFlight = 3;
            config.scrypt = {14, 8, 1}; // tens of milliseconds a hash: logins stay in flight
        }));
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        QList<qint64> logins;
        for (int i = 0; i < 10; ++i)
            logins.append(client.post(QStringLiteral("login"),
                                      {{"username", "alice"}, {"password", "wrong-password"}}));
        int limited = 0;
        for (const qint64 login : logins) {
            const QJsonObject reply = client.waitForReply(login, 30000);
            QVERIFY(!reply.isEmpty()); // every request is answered, one way or the other
            if (replyCode(reply) == QLatin1String("rate_limited"))
                ++limited;
            else
                QCOMPARE(replyCode(reply), QStringLiteral("bad_credentials"));
        }
        QVERIFY2(limited >= 5, qPrintable(QString::number(limited)));
        chatStillWorks();
    }

    void roomCreationIsRateLimited()
    {
        QVERIFY(startWithChat([](auto &config) { config.createRoomLimit = {3, 1}; }));
        // alice created one room already.
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("create_room"), {{"name", "Two"}})),
                 QStringLiteral("ok"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("create_room"), {{"name", "Three"}})),
                 QStringLiteral("ok"));
        const QJsonObject limited = m_alice->request(QStringLiteral("create_room"), {{"name", "Four"}});
        QCOMPARE(replyCode(limited), QStringLiteral("rate_limited"));
        QVERIFY(limited.value(QStringLiteral("retry_after_ms")).toInteger() > 0);
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("create_room"), {{"name", "Bob's"}})),
                 QStringLiteral("ok"));
        chatStillWorks();
    }

    void roomsPerUserAndMembersPerRoomHaveQuotas()
    {
        QVERIFY(startWithChat([](auto &config) {
            config.maxRoomsPerUser = 2;
            config.maxRoomMembers = 2;
        }));
        const QJsonObject second = m_alice->request(QStringLiteral("create_room"), {{"name", "Second"}});
        QCOMPARE(replyCode(second), QStringLiteral("ok"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("create_room"), {{"name", "Third"}})),
                 QStringLiteral("quota_exceeded"));
        const QJsonObject bobs = roomOf(m_bob->request(QStringLiteral("create_room"), {{"name", "Bob's"}}));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("join_room"), {{"code", bobs.value("code")}})),
                 QStringLiteral("quota_exceeded"));
        QCOMPARE(
            replyCode(m_alice->request(QStringLiteral("leave_room"), {{"room", roomOf(second).value("id")}})),
            QStringLiteral("ok"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("join_room"), {{"code", bobs.value("code")}})),
                 QStringLiteral("ok"));
        // The Lounge has alice and bob: full.
        TestClient carol;
        QVERIFY(carol.open(m_server->url()));
        QCOMPARE(replyCode(carol.registerUser(QStringLiteral("carol"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(carol.request(QStringLiteral("join_room"), {{"code", m_code}})),
                 QStringLiteral("quota_exceeded"));
        QCOMPARE(m_alice->request(QStringLiteral("list_rooms")).value("rooms").toArray().size(), 2);
        chatStillWorks();
    }

    void codeGuessingIsLimitedPerAddressNotPerAccount()
    {
        QVERIFY(startWithChat([](auto &config) { config.joinLimit = {4, 1}; })); // bob's join took one
        // Four fresh accounts from one address: new accounts do not bring new guesses.
        for (int i = 0; i < 4; ++i) {
            TestClient guesser;
            QVERIFY(guesser.open(m_server->url()));
            QCOMPARE(replyCode(guesser.registerUser(QStringLiteral("guesser%1").arg(i))),
                     QStringLiteral("ok"));
            const QString expected = i < 3 ? QStringLiteral("no_such_room") : QStringLiteral("rate_limited");
            QCOMPARE(replyCode(guesser.request(QStringLiteral("join_room"), {{"code", "AAAAAAAAA2"}})),
                     expected);
        }
        chatStillWorks();
    }

    void failedJoinsAreLimitedPerUserAndForEveryone()
    {
        QVERIFY(startWithChat([](auto &config) {
            config.joinFailureLimit = {2, 1};
            config.joinGlobalLimit = {3, 1};
        }));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("join_room"), {{"code", "AAAAAAAAA2"}})),
                 QStringLiteral("no_such_room"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("join_room"), {{"code", "AAAAAAAAA3"}})),
                 QStringLiteral("no_such_room"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("join_room"), {{"code", "AAAAAAAAA4"}})),
                 QStringLiteral("rate_limited")); // alice's own failures
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("join_room"), {{"code", "AAAAAAAAA5"}})),
                 QStringLiteral("no_such_room")); // bob has his own, and the server's third
        QCOMPARE(replyCode(m_bob->request(QStringLiteral("join_room"), {{"code", "AAAAAAAAA6"}})),
                 QStringLiteral("rate_limited")); // the whole server's failures are used up
        chatStillWorks();
    }

    void loginIsLimitedPerAccount()
    {
        QVERIFY(startWithChat([](auto &config) { config.loginAccountLimit = {2, 1}; }));
        for (int i = 0; i < 2; ++i) {
            TestClient attacker; // a new connection each time; the account is what counts
            QVERIFY(attacker.open(m_server->url()));
            QCOMPARE(replyCode(attacker.login(QStringLiteral("ALICE"), QStringLiteral("wrong-password"))),
                     QStringLiteral("bad_credentials"));
        }
        TestClient owner;
        QVERIFY(owner.open(m_server->url()));
        QCOMPARE(replyCode(owner.login(QStringLiteral("alice"))), QStringLiteral("rate_limited"));
        QCOMPARE(replyCode(owner.login(QStringLiteral("bob"))), QStringLiteral("ok"));
        // Sessions already open are not touched: resume is not a password attempt.
        TestClient resumed;
        QVERIFY(resumed.open(m_server->url()));
        QCOMPARE(replyCode(resumed.request(QStringLiteral("resume"), {{"token", m_alice->token()}})),
                 QStringLiteral("ok"));
        chatStillWorks();
    }

    void noResumeSurvivesALogout()
    {
        QVERIFY(startWithChat());
        for (int round = 0; round < 20; ++round) {
            TestClient owner;
            QVERIFY(owner.open(m_server->url()));
            QCOMPARE(replyCode(owner.login(QStringLiteral("bob"))), QStringLiteral("ok"));
            TestClient thief;
            QVERIFY(thief.open(m_server->url()));
            // The resume arrives while the logout is being written.
            const qint64 logout = owner.post(QStringLiteral("logout"));
            const qint64 resume = thief.post(QStringLiteral("resume"), {{"token", owner.token()}});
            QCOMPARE(replyCode(owner.waitForReply(logout)), QStringLiteral("ok"));
            QVERIFY(!thief.waitForReply(resume).isEmpty());
            QCOMPARE(replyCode(thief.request(QStringLiteral("list_rooms"))),
                     QStringLiteral("unauthenticated"));
            QCOMPARE(replyCode(thief.request(QStringLiteral("resume"), {{"token", owner.token()}})),
                     QStringLiteral("invalid_token"));
        }
        chatStillWorks();
    }

    void aSendBehindLeaveIsNotStored()
    {
        QVERIFY(startWithChat());
        for (int round = 0; round < 5; ++round) {
            const qint64 leave = m_bob->post(QStringLiteral("leave_room"), {{"room", m_room}});
            const qint64 send =
                m_bob->post(QStringLiteral("send"), {{"room", m_room}, {"text", "after leaving"}});
            QCOMPARE(replyCode(m_bob->waitForReply(leave)), QStringLiteral("ok"));
            QCOMPARE(replyCode(m_bob->waitForReply(send)), QStringLiteral("not_a_member"));
            QCOMPARE(replyCode(m_bob->request(QStringLiteral("join_room"), {{"code", m_code}})),
                     QStringLiteral("ok"));
        }
        const QJsonObject history = m_alice->request(QStringLiteral("history"), {{"room", m_room}});
        QCOMPARE(replyCode(history), QStringLiteral("ok"));
        QCOMPARE(chatMessagesOf(history).size(), 0);
        chatStillWorks();
    }

    void aSecondServerOnTheSameDatabaseIsRefused()
    {
        QVERIFY(startWithChat());
        Natter::Server::ChatServer second(m_server->config());
        QString error;
        QVERIFY(!second.start(&error));
        QVERIFY2(error.contains(QStringLiteral("in use by another natterd")), qPrintable(error));
        chatStillWorks();
    }

    void theDatabaseFilesArePrivate()
    {
        if (TestDatabase::postgres())
            QSKIP("about SQLite's files; PostgreSQL keeps its own");
        QTemporaryDir dir;
        const QString directory = dir.filePath(QStringLiteral("state/natter"));
        m_server->config().database = directory + QStringLiteral("/natterd.sqlite");
        QVERIFY(startWithChat());
        QVERIFY(isPrivate(directory));
        QVERIFY(isPrivate(dir.filePath(QStringLiteral("state")))); // a parent natterd made too
        for (const char *suffix : {"", "-wal", "-shm", ".lock"})
            QVERIFY2(isPrivate(m_server->config().database + QLatin1String(suffix)), suffix);
        chatStillWorks();
    }

    void forbiddenCharactersAreBadRequests()
    {
        QVERIFY(startWithChat());
        m_alice->sendText(
            QStringLiteral(R"({"type":"send","id":900,"room":%1,"text":"nul \u0000 here"})").arg(m_room));
        QCOMPARE(replyCode(m_alice->waitForReply(900)), QStringLiteral("bad_request"));
        m_alice->sendText(
            QStringLiteral(R"({"type":"send","id":901,"room":%1,"text":"lone \ud800 half"})").arg(m_room));
        QCOMPARE(replyCode(m_alice->waitForReply(901)), QStringLiteral("bad_request"));
        m_alice->sendText(QStringLiteral(R"({"type":"create_room","id":902,"name":"x\udc00"})"));
        QCOMPARE(replyCode(m_alice->waitForReply(902)), QStringLiteral("bad_request"));
        m_alice->sendText(QStringLiteral(R"({"type":"history","id":903,"room":9007199254740992})"));
        QCOMPARE(replyCode(m_alice->waitForReply(903)), QStringLiteral("bad_request"));
        // Control characters but tab and line breaks: U+0002/U+0003 would fake search highlights.
        QCOMPARE(
            replyCode(m_alice->request(QStringLiteral("send"),
                                       {{"room", m_room}, {"text", QStringLiteral("fake \u0002hit\u0003")}})),
            QStringLiteral("bad_request"));
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("rename_room"),
                                            {{"room", m_room}, {"name", QStringLiteral("\u202Eevil")}})),
                 QStringLiteral("bad_request"));
        // A real pair is fine.
        QCOMPARE(replyCode(m_alice->request(QStringLiteral("send"), {{"room", m_room}, {"text", "smile 😀"}})),
                 QStringLiteral("ok"));
        const QJsonObject history = m_bob->request(QStringLiteral("history"), {{"room", m_room}});
        QCOMPARE(chatMessagesOf(history).size(), 1);
    }

    void aTrustedProxyForwardsTheClientAddress()
    {
        QVERIFY(startWithChat([](auto &config) {
            config.trustedProxies = {QHostAddress::parseSubnet(QStringLiteral("127.0.0.1/32"))};
            config.gate.maxConnectionsPerAddress = 2;
        }));
        const auto through = [this](const char *forwardedFor) {
            QNetworkRequest request(m_server->url());
            request.setRawHeader("X-Forwarded-For", forwardedFor);
            return request;
        };
        TestClient first, second, third, other;
        QVERIFY(first.open(through("198.51.100.1, 203.0.113.7")));
        QVERIFY(second.open(through("203.0.113.7")));
        third.open(through("203.0.113.7"), 2000);
        QVERIFY(third.waitForDisconnect(5000));
        QCOMPARE(int(third.closeCode()), int(QWebSocketProtocol::CloseCodePolicyViolated));
        QVERIFY(other.open(through("203.0.113.8")));
        // An untrusted peer's header is ignored: 127.0.0.2 is itself the address.
        RawClient direct(loopback(2));
        QVERIFY(direct.connectTo(m_server->url()));
        QVERIFY(direct.handshake());
        chatStillWorks();
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
