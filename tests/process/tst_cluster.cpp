// SPDX-License-Identifier: GPL-3.0-or-later
// Three natterd processes on one PostgreSQL database behind HAProxy running deploy/haproxy.cfg (issue 12):
// clients on different instances chat in one room; one instance is killed with SIGKILL while they send;
// its clients reconnect through the proxy to the others, catch up, and nothing acknowledged is lost or
// stored twice.
#include "haproxyprocess.h"
#include "natterdprocess.h"
#include "testclient.h"

#include <QJsonArray>
#include <QSslCertificate>
#include <QTest>

using namespace Natter::Test;

namespace {
constexpr int kSenders = 3;
constexpr int kPerSender = 150;
constexpr int kKillAfter = 150; // acknowledgements, all senders together
} // namespace

class TestCluster : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!TestDatabase::postgres())
            QSKIP("several instances share a PostgreSQL database (the *_postgres run)");
        if (HaproxyProcess::program().isEmpty() && qEnvironmentVariableIsEmpty("CI"))
            QSKIP("HAProxy is not installed (scripts/install-deps installs it)");
        QVERIFY2(!HaproxyProcess::program().isEmpty(), "HAProxy is not installed");
    }

    void threeInstancesOneChatSurviveAKill()
    {
        std::vector<std::unique_ptr<NatterdProcess>> instances;
        QList<quint16> ports;
        for (int i = 0; i < 3; ++i) {
            instances.push_back(std::make_unique<NatterdProcess>());
            if (i > 0)
                instances.back()->setDatabase(instances.front()->database());
            // Taken for dead after 2 s without a heartbeat (the default is 10 s).
            instances.back()->setServerSettings(
                "shared_database=true\ninstance_heartbeat_ms=500\ninstance_dead_after_ms=2000\n");
            QVERIFY2(instances.back()->start(), qPrintable(instances.back()->output()));
            ports.append(quint16(instances.back()->url().port()));
        }
        HaproxyProcess proxy;
        const QString error = proxy.start(QStringLiteral(NATTER_SOURCE_DIR "/deploy/haproxy.cfg"), ports);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_proxy = &proxy;

        // Three users, each connected through the proxy: leastconn spreads them over the instances.
        QStringList tokens;
        qint64 room = 0;
        QString code;
        for (int c = 0; c < kSenders; ++c) {
            m_clients.push_back(connectThroughProxy());
            QVERIFY2(m_clients.back(), qPrintable(proxy.output()));
            QCOMPARE(replyCode(m_clients.back()->registerUser(QStringLiteral("user%1").arg(c))),
                     QStringLiteral("ok"));
            tokens.append(m_clients.back()->token());
            if (c == 0) {
                const QJsonObject created =
                    m_clients.back()->request(QStringLiteral("create_room"), {{"name", "Cluster"}});
                room = created.value("room").toObject().value("id").toInteger();
                code = created.value("room").toObject().value("code").toString();
            } else {
                QCOMPARE(replyCode(m_clients.back()->request(QStringLiteral("join_room"), {{"code", code}})),
                         QStringLiteral("ok"));
            }
        }
        // Dora is connected straight to the instance that will be killed, and stays away afterwards: the
        // others must notice that instance is dead and tell her room she is offline.
        TestClient dora;
        QVERIFY(dora.open(instances[1]->url()));
        QCOMPARE(replyCode(dora.registerUser(QStringLiteral("dora"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(dora.request(QStringLiteral("join_room"), {{"code", code}})),
                 QStringLiteral("ok"));
        const qint64 doraId = dora.userId();
        for (auto &client : m_clients) {
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    for (const QJsonObject &event : client->eventsOfType(QStringLiteral("member_joined"))) {
                        if (event.value("user").toObject().value("id").toInteger() == doraId)
                            return event.value("online").toBool();
                    }
                    return false;
                }(),
                10'000);
        }
        for (auto &client : m_clients)
            client->clearEvents();
        QElapsedTimer sinceKill;
        qint64 doraOfflineAfterMs = -1;

        // Each sender keeps 5 sends in flight; after kKillAfter acknowledgements the second instance is
        // killed. A client that loses its connection reconnects through the proxy, resumes, reads what it
        // missed and sends again, with the same client_id, whatever was not acknowledged.
        QHash<QString, qint64> acknowledged;       // client_id -> message id
        std::vector<QList<qint64>> seen(kSenders); // message ids each user's connections received
        std::vector<QList<QPair<qint64, QString>>> inFlight(kSenders); // request id, client_id
        std::vector<QStringList> toSend(kSenders);
        for (int c = 0; c < kSenders; ++c) {
            for (int n = 0; n < kPerSender; ++n)
                toSend[c].append(QStringLiteral("s%1-m%2").arg(c).arg(n));
        }
        bool killed = false;
        QList<int> reconnected;
        const auto drain = [&](int c) { // events so far into seen[c]
            for (const QJsonObject &event : m_clients[c]->eventsOfType(kChatMessage))
                seen[c].append(event.value("message").toObject().value("id").toInteger());
            for (const QJsonObject &event : m_clients[c]->eventsOfType(QStringLiteral("presence"))) {
                if (event.value("user").toObject().value("id").toInteger() == doraId &&
                    !event.value("online").toBool() && doraOfflineAfterMs < 0 && sinceKill.isValid())
                    doraOfflineAfterMs = sinceKill.elapsed();
            }
            m_clients[c]->clearEvents();
        };
        QElapsedTimer time;
        time.start();
        while (acknowledged.size() < kSenders * kPerSender) {
            QVERIFY2(time.elapsed() < 120'000, "the cluster did not take every message in two minutes");
            for (int c = 0; c < kSenders; ++c) {
                TestClient *client = m_clients[c].get();
                // Replies that came.
                for (qsizetype i = 0; i < inFlight[c].size();) {
                    const auto [request, clientId] = inFlight[c].at(i);
                    if (!client->hasReply(request)) {
                        ++i;
                        continue;
                    }
                    const QJsonObject reply = client->waitForReply(request, 0);
                    QCOMPARE(replyCode(reply), QStringLiteral("ok"));
                    const qint64 id = reply.value("message").toObject().value("id").toInteger();
                    QVERIFY2(!acknowledged.contains(clientId) || acknowledged.value(clientId) == id,
                             qPrintable(clientId + QStringLiteral(" acknowledged twice with two ids")));
                    acknowledged.insert(clientId, id);
                    inFlight[c].removeAt(i);
                }
                if (!client->isConnected()) {
                    drain(c);
                    // What got no answer goes again, first.
                    for (auto it = inFlight[c].crbegin(); it != inFlight[c].crend(); ++it)
                        toSend[c].prepend(it->second);
                    inFlight[c].clear();
                    m_clients[c] = connectThroughProxy();
                    QVERIFY2(m_clients[c], qPrintable(proxy.output()));
                    QCOMPARE(
                        replyCode(m_clients[c]->request(QStringLiteral("resume"), {{"token", tokens[c]}})),
                        QStringLiteral("ok"));
                    if (seen[c].isEmpty()) {
                        for (const auto &message : readHistory(*m_clients[c], room))
                            seen[c].append(message.first);
                    } else {
                        for (const qint64 id : catchUp(*m_clients[c], room, seen[c].last()))
                            seen[c].append(id);
                    }
                    reconnected.append(c);
                    continue;
                }
                while (inFlight[c].size() < 5 && !toSend[c].isEmpty()) {
                    const QString clientId = toSend[c].takeFirst();
                    inFlight[c].append(
                        {client->post(QStringLiteral("send"),
                                      {{"room", room}, {"text", clientId}, {"client_id", clientId}}),
                         clientId});
                }
                drain(c);
            }
            if (!killed && acknowledged.size() >= kKillAfter) {
                instances[1]->kill();
                sinceKill.start();
                killed = true;
            }
            QTest::qWait(
                5); // lets replies and events arrive; the loop's own pace, not a wait for one of them
        }
        for (int c = 0; c < kSenders; ++c)
            drain(c);
        // Within the dead time and a heartbeat (2.5 s here), give or take the loop's pace.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int c = 0; c < kSenders; ++c)
                    drain(c);
                return doraOfflineAfterMs >= 0;
            }(),
            15'000);
        QVERIFY2(doraOfflineAfterMs < 8000, qPrintable(QString::number(doraOfflineAfterMs)));
        QVERIFY2(!reconnected.isEmpty(), "nobody was on the killed instance: the proxy did not spread them");
        QVERIFY2(reconnected.size() < kSenders, "everybody was on the killed instance");

        // The stored history: every acknowledged message once, nothing else, no client_id twice.
        const QList<QPair<qint64, QString>> history = readHistory(*m_clients.front(), room);
        QHash<QString, int> stored;
        QList<qint64> ids;
        for (const auto &[id, clientId] : history) {
            ++stored[clientId];
            ids.append(id);
        }
        QCOMPARE(stored.size(), kSenders * kPerSender);
        for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it)
            QVERIFY2(stored.value(it.key()) == 1, qPrintable(it.key()));
        // What each user received: the whole history in order, once. A client that reconnected reads it
        // partly twice (events racing its catch-up), and de-duplicates by id as the protocol says.
        for (int c = 0; c < kSenders; ++c) {
            QList<qint64> received = seen[c];
            if (reconnected.contains(c)) {
                std::sort(received.begin(), received.end());
                received.erase(std::unique(received.begin(), received.end()), received.end());
            }
            QCOMPARE(received, ids);
        }
        qInfo() << acknowledged.size()
                << "messages acknowledged through 3 instances, one killed with SIGKILL;" << reconnected.size()
                << "of" << kSenders << "users reconnected to the others; dora offline" << doraOfflineAfterMs
                << "ms after the kill";
        m_clients.clear();
        m_proxy = nullptr;
    }

private:
    std::unique_ptr<TestClient> connectThroughProxy()
    {
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        trusting.setCaCertificates(QSslCertificate::fromPath(m_proxy->certificatePath()));
        // Until the proxy marks a dead instance down (two failed checks), a connection may be sent to it.
        for (int attempt = 0; attempt < 40; ++attempt) {
            auto client = std::make_unique<TestClient>();
            client->setSslConfiguration(trusting);
            if (client->open(m_proxy->url(), 2000))
                return client;
            QTest::qWait(250);
        }
        return nullptr;
    }

    /// Ids of the messages after `afterId`, reading page by page.
    static QList<qint64> catchUp(TestClient &client, qint64 room, qint64 afterId)
    {
        QList<qint64> ids;
        while (true) {
            const QJsonObject page = client.request(QStringLiteral("history"),
                                                    {{"room", room}, {"after", afterId}, {"limit", 200}});
            for (const QJsonValue &message : chatMessagesOf(page))
                ids.append(message.toObject().value("id").toInteger());
            const QJsonArray all = page.value("messages").toArray();
            if (all.isEmpty() || !page.value("more").toBool())
                return ids;
            afterId = all.last().toObject().value("id").toInteger();
        }
    }

    /// The room's messages, oldest first, paging back from the newest.
    static QList<QPair<qint64, QString>> readHistory(TestClient &client, qint64 room)
    {
        QList<QPair<qint64, QString>> messages;
        std::optional<qint64> before;
        while (true) {
            QJsonObject request{{"room", room}, {"limit", 200}};
            if (before)
                request.insert(QStringLiteral("before"), *before);
            const QJsonObject page = client.request(QStringLiteral("history"), request);
            QList<QPair<qint64, QString>> older;
            for (const QJsonValue &value : chatMessagesOf(page)) {
                const QJsonObject message = value.toObject();
                older.append({message.value("id").toInteger(), message.value("client_id").toString()});
            }
            messages = older + messages;
            const QJsonArray all = page.value("messages").toArray();
            if (all.isEmpty() || !page.value("more").toBool())
                return messages;
            before = all.first().toObject().value("id").toInteger();
        }
    }

    HaproxyProcess *m_proxy = nullptr;
    std::vector<std::unique_ptr<TestClient>> m_clients;
};

QTEST_GUILESS_MAIN(TestCluster)
#include "tst_cluster.moc"
