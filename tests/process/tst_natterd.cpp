// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"
#include "natterdprocess.h"
#include "rawclient.h"
#include "testclient.h"
#include "tlscertificates.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>
#include <optional>

using namespace Natter::Test;

class TestNatterd : public QObject {
    Q_OBJECT

private slots:
    void acknowledgedMessagesSurviveKill9()
    {
        NatterdProcess natterd;
        QVERIFY2(natterd.start(), qPrintable(natterd.output()));

        TestClient client;
        QVERIFY(client.open(natterd.url()));
        QCOMPARE(replyCode(client.registerUser(QStringLiteral("alice"))), QStringLiteral("ok"));
        const qint64 room = client.request(QStringLiteral("create_room"), {{"name", "Durable"}})
                                .value("room")
                                .toObject()
                                .value("id")
                                .toInteger();
        QVERIFY(room > 0);

        constexpr int count = 500;
        QList<qint64> requests;
        for (int i = 0; i < count; ++i)
            requests.append(client.post(QStringLiteral("send"),
                                        {{"room", room}, {"text", QStringLiteral("m%1").arg(i)}}));
        QList<qint64> acknowledged;
        for (const qint64 request : requests) {
            const QJsonObject reply = client.waitForReply(request, 60000);
            QCOMPARE(replyCode(reply), QStringLiteral("ok"));
            acknowledged.append(reply.value("message").toObject().value("id").toInteger());
        }

        natterd.kill(); // the instant after the last ok: no shutdown code, no flush
        QVERIFY(client.waitForDisconnect());

        QVERIFY2(natterd.start(), qPrintable(natterd.output()));
        TestClient after;
        QVERIFY(after.open(natterd.url()));
        QCOMPARE(replyCode(after.login(QStringLiteral("alice"))), QStringLiteral("ok"));
        QList<qint64> stored;
        QStringList texts;
        QJsonObject page = after.request(QStringLiteral("history"), {{"room", room}, {"limit", 200}});
        while (true) {
            QCOMPARE(replyCode(page), QStringLiteral("ok"));
            QList<qint64> pageIds;
            QStringList pageTexts;
            for (const QJsonValue &message : page.value("messages").toArray()) {
                pageIds.append(message.toObject().value("id").toInteger());
                pageTexts.append(message.toObject().value("text").toString());
            }
            stored = pageIds + stored;
            texts = pageTexts + texts;
            if (!page.value("more").toBool() || pageIds.isEmpty())
                break;
            page = after.request(QStringLiteral("history"),
                                 {{"room", room}, {"before", pageIds.first()}, {"limit", 200}});
        }
        QCOMPARE(stored, acknowledged); // all of them, in order, and no others
        QCOMPARE(texts.first(), QStringLiteral("m0"));
        QCOMPARE(texts.last(), QStringLiteral("m%1").arg(count - 1));
        after.close();
        QCOMPARE(natterd.terminate(), 0);
    }

    void refusesADatabaseNewerThanItself()
    {
        NatterdProcess natterd;
        {
            QString error;
            const QSqlDatabase db = natterd.testDatabase().open(QStringLiteral("future"), &error);
            QSqlQuery query(db);
            if (TestDatabase::postgres()) {
                QVERIFY(query.exec(QStringLiteral("CREATE TABLE natter_schema (version INTEGER NOT NULL)")));
                QVERIFY(query.exec(QStringLiteral("INSERT INTO natter_schema (version) VALUES (999)")));
            } else {
                QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 999")));
            }
        }
        Natter::Server::Database::close(QStringLiteral("future"));
        QVERIFY(!natterd.start());
        QCOMPARE(natterd.exitCode(), 1);
        QVERIFY2(natterd.output().contains(QLatin1String("newer than this natterd")),
                 qPrintable(natterd.output()));
    }

    void acknowledgedMessagesSurviveTenCrashesExactlyOnce()
    {
        // Three clients send without pause; natterd is killed with SIGKILL after a random number of
        // acknowledgements, ten times. After each restart the clients resend what was not acknowledged with
        // the same client_id, as the desktop client does. In the end every acknowledged message is in the
        // history once, and no client_id twice.
        NatterdProcess natterd;
        QVERIFY2(natterd.start(), qPrintable(natterd.output()));
        constexpr int senders = 3;
        QStringList tokens;
        qint64 room = 0;
        {
            TestClient owner;
            QVERIFY(owner.open(natterd.url()));
            QCOMPARE(replyCode(owner.registerUser(QStringLiteral("sender0"))), QStringLiteral("ok"));
            tokens.append(owner.token());
            const QJsonObject created = owner.request(QStringLiteral("create_room"), {{"name", "Crash"}});
            room = created.value("room").toObject().value("id").toInteger();
            const QString code = created.value("room").toObject().value("code").toString();
            for (int i = 1; i < senders; ++i) {
                TestClient member;
                QVERIFY(member.open(natterd.url()));
                QCOMPARE(replyCode(member.registerUser(QStringLiteral("sender%1").arg(i))),
                         QStringLiteral("ok"));
                QCOMPARE(replyCode(member.request(QStringLiteral("join_room"), {{"code", code}})),
                         QStringLiteral("ok"));
                tokens.append(member.token());
            }
        }
        QHash<QString, qint64> acknowledged; // client_id -> message id
        QStringList unacknowledged;          // client_ids sent whose ok never came
        int nextMessage = 0;
        auto *random = QRandomGenerator::global();
        for (int round = 0; round < 10; ++round) {
            std::vector<std::unique_ptr<TestClient>> clients;
            for (const QString &token : tokens) {
                clients.push_back(std::make_unique<TestClient>());
                QVERIFY(clients.back()->open(natterd.url()));
                QCOMPARE(replyCode(clients.back()->request(QStringLiteral("resume"), {{"token", token}})),
                         QStringLiteral("ok"));
            }
            // What the last crash left unanswered goes again first (it may or may not be stored already).
            QHash<qint64, QString> pending; // request id -> client_id, for clients[0..]
            QList<QPair<TestClient *, qint64>> requests;
            const auto send = [&](TestClient *client, const QString &clientId) {
                const qint64 request = client->post(
                    QStringLiteral("send"), {{"room", room}, {"text", clientId}, {"client_id", clientId}});
                requests.append({client, request});
                pending.insert(qint64(requests.size() - 1), clientId);
            };
            for (const QString &clientId : std::as_const(unacknowledged))
                send(clients.at(clientId.section(QLatin1Char('-'), 0, 0).mid(1).toInt()).get(), clientId);
            unacknowledged.clear();
            const int killAfter = 20 + int(random->bounded(100));
            int acked = 0;
            int checked = 0;
            // Keep every sender 8 requests ahead until enough acknowledgements came, then kill at once.
            while (acked < killAfter) {
                for (int c = 0; c < senders; ++c) {
                    for (int k = 0; k < 8; ++k)
                        send(clients.at(c).get(), QStringLiteral("s%1-m%2").arg(c).arg(nextMessage++));
                }
                QVERIFY(QTest::qWaitFor(
                    [&] {
                        while (checked < requests.size() &&
                               requests.at(checked).first->hasReply(requests.at(checked).second))
                            ++checked;
                        return checked >= requests.size() - senders * 4;
                    },
                    20000));
                acked = checked;
            }
            natterd.kill();
            for (int i = 0; i < requests.size(); ++i) {
                const QString clientId = pending.value(i);
                const QJsonObject reply = requests.at(i).first->hasReply(requests.at(i).second)
                                              ? requests.at(i).first->waitForReply(requests.at(i).second, 0)
                                              : QJsonObject();
                if (replyCode(reply) == QLatin1String("ok")) {
                    const qint64 id = reply.value("message").toObject().value("id").toInteger();
                    QVERIFY2(!acknowledged.contains(clientId) || acknowledged.value(clientId) == id,
                             qPrintable(clientId));
                    acknowledged.insert(clientId, id);
                } else {
                    QVERIFY2(reply.isEmpty(), qPrintable(replyCode(reply)));
                    unacknowledged.append(clientId);
                }
            }
            clients.clear();
            QVERIFY2(natterd.start(), qPrintable(natterd.output()));
        }
        // Resend the last crash's leftovers, then read everything back.
        TestClient reader;
        QVERIFY(reader.open(natterd.url()));
        QCOMPARE(replyCode(reader.request(QStringLiteral("resume"), {{"token", tokens.first()}})),
                 QStringLiteral("ok"));
        QHash<QString, int> seen;
        QSet<qint64> ids;
        std::optional<qint64> before; // paging back from the newest
        while (true) {
            QJsonObject request{{"room", room}, {"limit", 200}};
            if (before)
                request.insert(QStringLiteral("before"), *before);
            const QJsonObject page = reader.request(QStringLiteral("history"), request);
            QCOMPARE(replyCode(page), QStringLiteral("ok"));
            const QJsonArray messages = page.value("messages").toArray();
            for (const QJsonValue &value : messages) {
                const QJsonObject message = value.toObject();
                if (message.contains(QStringLiteral("kind")))
                    continue; // a line about the room ("bob joined"), not a sent message
                ++seen[message.value("client_id").toString()];
                ids.insert(message.value("id").toInteger());
            }
            if (!page.value("more").toBool() || messages.isEmpty())
                break;
            before = messages.first().toObject().value("id").toInteger();
        }
        for (auto it = seen.cbegin(); it != seen.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key())); // no client_id stored twice
        for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it)
            QVERIFY2(ids.contains(it.value()) && seen.value(it.key()) == 1, qPrintable(it.key()));
        qInfo() << acknowledged.size() << "acknowledged messages survived 10 kills;" << seen.size()
                << "stored";
    }

    void aSecondNatterdOnTheSameDatabaseExits()
    {
        NatterdProcess first;
        QVERIFY2(first.start(), qPrintable(first.output()));
        NatterdProcess second;
        second.setDatabase(first.database());
        QVERIFY(!second.start());
        QCOMPARE(second.exitCode(), 1);
        QVERIFY2(second.output().contains(QLatin1String("in use by another natterd")),
                 qPrintable(second.output()));
        TestClient client;
        QVERIFY(client.open(first.url()));
        QCOMPARE(replyCode(client.registerUser(QStringLiteral("alice"))), QStringLiteral("ok"));
        // A lock left behind by a killed natterd does not keep the next one out.
        first.kill();
        QVERIFY2(second.start(), qPrintable(second.output()));
    }

    void aDamagedDatabaseIsRefusedAndNeverGivesAShortPage()
    {
        if (TestDatabase::postgres())
            QSKIP("damages an SQLite file; PostgreSQL checks its own pages");
        NatterdProcess natterd;
        QVERIFY2(natterd.start(), qPrintable(natterd.output()));
        constexpr int count = 2000;
        qint64 room = 0;
        {
            TestClient client;
            QVERIFY(client.open(natterd.url()));
            QCOMPARE(replyCode(client.registerUser(QStringLiteral("alice"))), QStringLiteral("ok"));
            room = client.request(QStringLiteral("create_room"), {{"name", "R"}})
                       .value("room")
                       .toObject()
                       .value("id")
                       .toInteger();
            QList<qint64> sends;
            for (int i = 0; i < count; ++i)
                sends.append(
                    client.post(QStringLiteral("send"),
                                {{"room", room}, {"text", QString(1000, QLatin1Char('a' + i % 26))}}));
            for (const qint64 send : sends)
                QCOMPARE(replyCode(client.waitForReply(send, 60000)), QStringLiteral("ok"));
        }
        QCOMPARE(natterd.terminate(), 0);

        // Garbage over every third page in the middle of the file, where the messages are.
        QFile file(natterd.databasePath());
        QVERIFY(file.open(QIODevice::ReadWrite));
        constexpr qint64 page = 4096;
        const qint64 pages = file.size() / page;
        QVERIFY(pages > 300);
        for (qint64 p = pages * 4 / 10; p < pages * 6 / 10; p += 3) {
            file.seek(p * page);
            file.write(QByteArray(page, char(0xAB)));
        }
        file.close();

        QVERIFY(!natterd.start());
        QCOMPARE(natterd.exitCode(), 1);
        QVERIFY2(natterd.output().contains(QLatin1String("is damaged")), qPrintable(natterd.output()));

        natterd.setExtraArguments({QStringLiteral("--skip-integrity-check")});
        QVERIFY2(natterd.start(), qPrintable(natterd.output()));
        TestClient client;
        QVERIFY(client.open(natterd.url()));
        QCOMPARE(replyCode(client.login(QStringLiteral("alice"))), QStringLiteral("ok"));
        qint64 received = 0;
        std::optional<qint64> before;
        bool failed = false;
        while (true) {
            QJsonObject request{{"room", room}, {"limit", 200}};
            if (before)
                request.insert(QStringLiteral("before"), *before);
            const QJsonObject reply = client.request(QStringLiteral("history"), request);
            if (replyCode(reply) == QLatin1String("internal_error")) {
                failed = true;
                break;
            }
            QCOMPARE(replyCode(reply), QStringLiteral("ok"));
            const QJsonArray messages = reply.value(QStringLiteral("messages")).toArray();
            received += messages.size();
            if (!reply.value(QStringLiteral("more")).toBool()) {
                QCOMPARE(received, count); // an end that is not the end would be a silent loss
                break;
            }
            QCOMPARE(messages.size(), 200);
            before = messages.first().toObject().value(QStringLiteral("id")).toInteger();
        }
        QVERIFY2(failed, "the damaged pages were never read: the test did not test anything");
    }

#ifdef Q_OS_LINUX
    void runningOutOfDescriptorsPausesAcceptingInsteadOfSpinning()
    {
        NatterdProcess natterd;
        // A budget of 80 - 32 reserved - 16 for Qt's accept queue: 32 sockets, fewer than the 80 below.
        natterd.setOpenFileLimit(80);
        // A handshake deadline far beyond the wait below: sockets must be freed when their peers leave,
        // not when their deadline comes.
        natterd.setConnectionSettings("handshake_timeout_ms=120000\n");
        QVERIFY2(natterd.start(), qPrintable(natterd.output()));
        // Silent sockets from many loopback addresses (each address has its own handshake cap) until
        // natterd's budget is spent; the rest wait in its listen queue.
        std::vector<std::unique_ptr<RawClient>> sockets;
        for (int i = 0; i < 80; ++i) {
            sockets.push_back(
                std::make_unique<RawClient>(QHostAddress(QStringLiteral("127.0.1.%1").arg(i + 1))));
            QVERIFY(sockets.back()->connectTo(natterd.url()));
        }
        QTRY_VERIFY_WITH_TIMEOUT(natterd.output().contains(QLatin1String("accepting paused")), 10000);
        // A measurement window, not a wait for an event: how much CPU does natterd burn while full?
        const qint64 before = cpuTicks(natterd.processId());
        QElapsedTimer window;
        window.start();
        QTest::qWait(2000);
        const double share =
            double(cpuTicks(natterd.processId()) - before) / 100.0 / (window.elapsed() / 1000.0);
        qInfo() << "natterd CPU while out of descriptors:" << share * 100 << "%";
        QVERIFY2(share < 0.25, qPrintable(QString::number(share)));
        // Paused at its budget, before the descriptors ran out: the database can still open its files.
        const qsizetype open = QDir(QStringLiteral("/proc/%1/fd").arg(natterd.processId()))
                                   .entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)
                                   .size();
        qInfo() << "natterd descriptors while full:" << open << "of 80";
        QVERIFY2(open <= 80 - 8, qPrintable(QString::number(open)));
        QVERIFY2(!natterd.output().contains(QLatin1String("cannot accept new connections")),
                 qPrintable(natterd.output().right(2000)));
        sockets.clear();
        QElapsedTimer resumed;
        resumed.start();
        TestClient client; // descriptors are free again: accepting has resumed
        QVERIFY2(client.open(natterd.url(), 30000), qPrintable(natterd.output().right(3000)));
        qInfo() << "accepting again after" << resumed.elapsed() << "ms";
        QCOMPARE(replyCode(client.registerUser(QStringLiteral("alice"))), QStringLiteral("ok"));
    }
#endif

    void servesWssShowsItsFingerprintAndReloadsOnSighup()
    {
        QTemporaryDir dir;
        const QString certificate = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QString error;
        const auto makeCertificate = [&] {
            return Natter::Server::TlsCertificates::generateSelfSigned(
                certificate, key, {QStringLiteral("localhost")}, {QHostAddress::LocalHost}, &error);
        };
        QVERIFY2(makeCertificate(), qPrintable(error));
        const QString first =
            Natter::Server::TlsCertificates::fingerprint(QSslCertificate::fromPath(certificate).first());

        NatterdProcess natterd;
        natterd.setExtraArguments(
            {QStringLiteral("--tls-cert"), certificate, QStringLiteral("--tls-key"), key});
        QVERIFY2(natterd.start(), qPrintable(natterd.output()));
        QCOMPARE(natterd.url().scheme(), QStringLiteral("wss"));
        QTRY_VERIFY2(natterd.output().contains(QStringLiteral("natterd certificate sha256 ") + first),
                     qPrintable(natterd.output()));
        QProcess fingerprint;
        fingerprint.start(QStringLiteral(NATTERD_PATH),
                          {QStringLiteral("--tls-cert"), certificate, QStringLiteral("--tls-key"), key,
                           QStringLiteral("--fingerprint")});
        QVERIFY(fingerprint.waitForFinished(20000));
        QCOMPARE(fingerprint.exitCode(), 0);
        QCOMPARE(QString::fromLatin1(fingerprint.readAllStandardOutput()).trimmed(),
                 QStringLiteral("sha256 ") + first);

        const auto trusting = [&] {
            QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
            configuration.setCaCertificates(QSslCertificate::fromPath(certificate));
            return configuration;
        };
        TestClient client;
        client.setSslConfiguration(trusting());
        QVERIFY(client.open(natterd.url()));
        QCOMPARE(replyCode(client.registerUser(QStringLiteral("alice"))), QStringLiteral("ok"));

        QVERIFY2(makeCertificate(), qPrintable(error)); // renewed, as a certbot deploy hook would
        const QString second =
            Natter::Server::TlsCertificates::fingerprint(QSslCertificate::fromPath(certificate).first());
        QVERIFY(second != first);
        ::kill(pid_t(natterd.processId()), SIGHUP);
        QTRY_VERIFY2(
            natterd.output().contains(QStringLiteral("reloaded the TLS certificate; sha256 ") + second),
            qPrintable(natterd.output()));
        QCOMPARE(replyCode(client.request(QStringLiteral("list_rooms"))),
                 QStringLiteral("ok")); // not dropped
        TestClient renewed;
        renewed.setSslConfiguration(trusting());
        QVERIFY(renewed.open(natterd.url()));
        QCOMPARE(Natter::Server::TlsCertificates::fingerprint(renewed.peerCertificate()), second);
        QCOMPARE(natterd.terminate(), 0);
    }

    void sigtermShutsDownCleanly()
    {
        NatterdProcess natterd;
        QVERIFY2(natterd.start(), qPrintable(natterd.output()));
        TestClient client;
        QVERIFY(client.open(natterd.url()));
        QCOMPARE(replyCode(client.registerUser(QStringLiteral("bob"))), QStringLiteral("ok"));
        QCOMPARE(natterd.terminate(), 0);
        QVERIFY(client.waitForDisconnect());
        QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
        // SQLite removes the WAL file when the last connection closes cleanly.
        if (!TestDatabase::postgres())
            QVERIFY(!QFile::exists(natterd.databasePath() + QStringLiteral("-wal")));
        QVERIFY(natterd.start()); // and the database opens again
        QCOMPARE(natterd.terminate(), 0);
    }

private:
    /// utime + stime of a process, in clock ticks (100 a second on Linux).
    static qint64 cpuTicks(qint64 pid)
    {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            return -1;
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        return fields.value(11).toLongLong() + fields.value(12).toLongLong(); // fields 14 and 15 of stat
    }
};

QTEST_GUILESS_MAIN(TestNatterd)
#include "tst_natterd.moc"
