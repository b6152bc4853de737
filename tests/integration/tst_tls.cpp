// SPDX-License-Identifier: GPL-3.0-or-later
// natterd's own TLS: wss:// with certificates made at test time, the auto mode's choices, the handshake
// deadline for TLS, and reloading a renewed certificate without dropping anyone.
#include "rawclient.h"
#include "testclient.h"
#include "testserver.h"
#include "tlscertificates.h"
#include "tlsplan.h"

#include <QFile>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Natter::Server;
using namespace Natter::Test;

namespace {

QSslConfiguration trusting(const QString &certificatePath)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(QSslCertificate::fromPath(certificatePath));
    return configuration;
}

/// A TCP relay between one client and the server that can stop reading from the server: a TLS client that
/// stops reading, as seen by the server, while the real TLS client behind the relay stays a normal one.
/// (A QSslSocket of its own does not reliably stop: it goes on taking bytes from the kernel to decrypt.)
class StallingRelay {
public:
    bool listen(const QUrl &server)
    {
        m_server = server;
        QObject::connect(&m_listener, &QTcpServer::newConnection, [this] {
            m_downstream.reset(m_listener.nextPendingConnection());
            m_upstream = std::make_unique<QTcpSocket>();
            // A small window: what the server sends piles up on its side, not in this process's kernel.
            m_upstream->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
            QObject::connect(m_downstream.get(), &QTcpSocket::readyRead, m_upstream.get(),
                             [this] { m_upstream->write(m_downstream->readAll()); });
            QObject::connect(m_upstream.get(), &QTcpSocket::connected, m_upstream.get(),
                             [this] { m_upstream->write(m_downstream->readAll()); });
            QObject::connect(m_upstream.get(), &QTcpSocket::readyRead, m_downstream.get(), [this] {
                if (!m_stalled)
                    m_downstream->write(m_upstream->readAll());
            });
            m_upstream->connectToHost(m_server.host(), quint16(m_server.port()));
        });
        return m_listener.listen(QHostAddress::LocalHost);
    }
    QUrl url() const
    {
        QUrl url = m_server;
        url.setPort(m_listener.serverPort());
        return url;
    }
    /// From now on nothing more is read from the server.
    void stall()
    {
        m_stalled = true;
        m_upstream->setReadBufferSize(1);
    }

private:
    QUrl m_server;
    QTcpServer m_listener;
    std::unique_ptr<QTcpSocket> m_downstream;
    std::unique_ptr<QTcpSocket> m_upstream;
    bool m_stalled = false;
};

} // namespace

class TestTls : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    bool makeCertificate(const char *certificate, const char *key)
    {
        QString error;
        const bool made = TlsCertificates::generateSelfSigned(
            path(certificate), path(key), {QStringLiteral("localhost")}, {QHostAddress::LocalHost}, &error);
        if (!made)
            qWarning() << error;
        return made;
    }

    bool startTls()
    {
        if (!makeCertificate("cert.pem", "key.pem"))
            return false;
        m_server->config().tlsMode = ServerConfig::TlsMode::On;
        m_server->config().tlsCertificate = path("cert.pem");
        m_server->config().tlsPrivateKey = path("key.pem");
        return m_server->start();
    }

private slots:
    void init() { m_server = std::make_unique<TestServer>(); }
    void cleanup() { m_server.reset(); }

    void chatOverWss()
    {
        QVERIFY(startTls());
        QCOMPARE(m_server->url().scheme(), QStringLiteral("wss"));
        QVERIFY(m_server->server().isTls());
        TestClient alice, bob;
        alice.setSslConfiguration(trusting(path("cert.pem")));
        bob.setSslConfiguration(trusting(path("cert.pem")));
        QVERIFY(alice.open(m_server->url()));
        QVERIFY(bob.open(m_server->url()));
        QCOMPARE(TlsCertificates::fingerprint(alice.peerCertificate()),
                 m_server->server().certificateFingerprint());
        QCOMPARE(replyCode(alice.registerUser(QStringLiteral("alice"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(bob.registerUser(QStringLiteral("bob"))), QStringLiteral("ok"));
        const QJsonObject room =
            alice.request(QStringLiteral("create_room"), {{"name", "Secret"}}).value("room").toObject();
        QCOMPARE(replyCode(bob.request(QStringLiteral("join_room"), {{"code", room.value("code")}})),
                 QStringLiteral("ok"));
        QCOMPARE(replyCode(alice.request(QStringLiteral("send"),
                                         {{"room", room.value("id")}, {"text", "over TLS"}})),
                 QStringLiteral("ok"));
        QVERIFY(bob.waitForEvents(kChatMessage));
    }

    void plainAndUntrustingClientsGetNothing()
    {
        QVERIFY(startTls());
        TestClient plain; // ws:// to a wss:// port: the server sees no TLS hello and drops it
        QUrl url = m_server->url();
        url.setScheme(QStringLiteral("ws"));
        QVERIFY(!plain.open(url, 3000));
        TestClient untrusting; // the system's CAs do not know a self-signed certificate
        QVERIFY(!untrusting.open(m_server->url(), 3000));
    }

    void aSilentTlsHandshakeIsClosedAtTheDeadline()
    {
        m_server->config().gate.handshakeTimeoutMs = 400;
        QVERIFY(startTls());
        RawClient silent;
        QVERIFY(silent.connectTo(m_server->url()));
        QTRY_COMPARE(m_server->server().handshakesInProgress(), 1);
        QVERIFY(silent.waitForDisconnect(5000));
        QTRY_COMPARE(m_server->server().handshakesInProgress(), 0);
    }

    void aTlsClientThatStopsReadingIsCutOff()
    {
        // The backlog of a TLS connection is mostly encrypted bytes, held by QSslSocket apart from
        // bytesToWrite(): the cap has to count them too.
        m_server->config().connection.maxOutgoingBytes = 1024 * 1024;
        m_server->config().idleTimeoutMs = 600'000; // so that only the cap can end it within the test
        QVERIFY(startTls());
        TestClient alice, bob, mallory;
        for (TestClient *client : {&alice, &bob, &mallory})
            client->setSslConfiguration(trusting(path("cert.pem")));
        StallingRelay relay;
        QVERIFY(relay.listen(m_server->url()));
        QVERIFY(alice.open(m_server->url()));
        QVERIFY(bob.open(m_server->url()));
        QVERIFY(mallory.open(relay.url()));
        QCOMPARE(replyCode(alice.registerUser(QStringLiteral("alice"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(bob.registerUser(QStringLiteral("bob"))), QStringLiteral("ok"));
        QCOMPARE(replyCode(mallory.registerUser(QStringLiteral("mallory"))), QStringLiteral("ok"));
        const QJsonObject room =
            alice.request(QStringLiteral("create_room"), {{"name", "Lounge"}}).value("room").toObject();
        const qint64 roomId = room.value(QStringLiteral("id")).toInteger();
        for (TestClient *member : {&bob, &mallory})
            QCOMPARE(replyCode(member->request(QStringLiteral("join_room"), {{"code", room.value("code")}})),
                     QStringLiteral("ok"));
        for (int sent = 0; sent < 200;) {
            QList<qint64> batch;
            for (int i = 0; i < 20; ++i, ++sent)
                batch.append(alice.post(QStringLiteral("send"),
                                        {{"room", roomId}, {"text", QString(4000, QLatin1Char('h'))}}));
            for (const qint64 send : batch)
                QCOMPARE(replyCode(alice.waitForReply(send, 30000)), QStringLiteral("ok"));
        }
        QCOMPARE(m_server->server().connectionCount(), 3);

        relay.stall();
        // 100 pages of 800 KB asked for at once: 80 MB if the server kept them all.
        for (int i = 0; i < 100; ++i)
            mallory.post(QStringLiteral("history"), {{"room", roomId}, {"limit", 200}});
        QTRY_COMPARE_WITH_TIMEOUT(m_server->server().connectionCount(), 2, 30000);
        bob.clearEvents();
        QCOMPARE(replyCode(alice.request(QStringLiteral("send"), {{"room", roomId}, {"text", "still here"}})),
                 QStringLiteral("ok"));
        QVERIFY(bob.waitForEvents(kChatMessage, 1, 1000));
    }

    void reloadServesTheNewCertificateAndKeepsConnections()
    {
        QVERIFY(startTls());
        TestClient before;
        before.setSslConfiguration(trusting(path("cert.pem")));
        QVERIFY(before.open(m_server->url()));
        QCOMPARE(replyCode(before.registerUser(QStringLiteral("alice"))), QStringLiteral("ok"));
        const QString oldFingerprint = m_server->server().certificateFingerprint();

        QVERIFY(makeCertificate("cert.pem", "key.pem")); // renewed in place, as certbot does
        QString error;
        QVERIFY2(m_server->server().reloadTls(&error), qPrintable(error));
        const QString newFingerprint = m_server->server().certificateFingerprint();
        QVERIFY(newFingerprint != oldFingerprint);

        TestClient after;
        after.setSslConfiguration(trusting(path("cert.pem")));
        QVERIFY(after.open(m_server->url()));
        QCOMPARE(TlsCertificates::fingerprint(after.peerCertificate()), newFingerprint);
        QVERIFY(before.isConnected());
        QCOMPARE(replyCode(before.request(QStringLiteral("list_rooms"))), QStringLiteral("ok"));

        // A broken renewal is refused and the served certificate stays.
        QFile broken(path("cert.pem"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("not a certificate");
        broken.close();
        QVERIFY(!m_server->server().reloadTls(&error));
        QVERIFY2(error.contains(QStringLiteral("no PEM certificate")), qPrintable(error));
        QCOMPARE(m_server->server().certificateFingerprint(), newFingerprint);
        TestClient still;
        QSslConfiguration anyCertificate = QSslConfiguration::defaultConfiguration();
        anyCertificate.setPeerVerifyMode(QSslSocket::VerifyNone);
        still.setSslConfiguration(anyCertificate);
        QVERIFY(still.open(m_server->url()));
        QCOMPARE(TlsCertificates::fingerprint(still.peerCertificate()), newFingerprint);
    }

    void aKeyThatIsNotTheCertificatesIsRefused()
    {
        QVERIFY(makeCertificate("a.pem", "a-key.pem"));
        QVERIFY(makeCertificate("b.pem", "b-key.pem"));
        QString error;
        QVERIFY(!TlsCertificates::load(path("a.pem"), path("b-key.pem"), &error));
        QVERIFY2(error.contains(QStringLiteral("does not belong")), qPrintable(error));
        QVERIFY(!TlsCertificates::load(path("missing.pem"), path("a-key.pem"), &error));
        QVERIFY2(error.contains(QStringLiteral("cannot read")), qPrintable(error));
        QVERIFY(TlsCertificates::load(path("a.pem"), path("a-key.pem"), &error));
        m_server->config().tlsMode = ServerConfig::TlsMode::On;
        m_server->config().tlsCertificate = path("a.pem");
        m_server->config().tlsPrivateKey = path("b-key.pem");
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("test server failed to start.*does not belong")));
        QVERIFY(!m_server->start());
    }

    void theAutoModeEncryptsEverythingButLoopback()
    {
        ServerConfig config;
        config.database = path("state/natterd.sqlite");
        TlsPlan plan = TlsPlan::forConfig(config);
        QVERIFY(!plan.enabled); // 127.0.0.1: nothing leaves the machine
        config.listenAddress = QHostAddress(QStringLiteral("::1"));
        QVERIFY(!TlsPlan::forConfig(config).enabled);

        config.listenAddress = QHostAddress::AnyIPv4;
        plan = TlsPlan::forConfig(config);
        QVERIFY(plan.enabled);
        QVERIFY(plan.selfSigned);
        QCOMPARE(plan.certificate, path("state/natterd-certificate.pem"));
        QString error;
        QVERIFY2(plan.prepare(config, &error), qPrintable(error));
        QCOMPARE(QFile::permissions(plan.privateKey) & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());
        const auto first = TlsCertificates::load(plan.certificate, plan.privateKey, &error);
        QVERIFY(first);
        const QSslCertificate certificate = first->localCertificate();
        QVERIFY(certificate.expiryDate() > QDateTime::currentDateTimeUtc().addYears(9)); // long-lived
        QCOMPARE(certificate.publicKey().algorithm(), QSsl::Ec);
        QVERIFY(plan.prepare(config, &error)); // the next start reuses it
        QCOMPARE(TlsCertificates::load(plan.certificate, plan.privateKey, &error)->localCertificate(),
                 certificate);

        config.tlsMode = ServerConfig::TlsMode::Off;
        QVERIFY(!TlsPlan::forConfig(config).enabled);
        config.tlsMode = ServerConfig::TlsMode::Auto;
        config.listenAddress = QHostAddress::LocalHost;
        config.tlsCertificate = path("a.pem");
        config.tlsPrivateKey = path("a-key.pem");
        plan = TlsPlan::forConfig(config);
        QVERIFY(plan.enabled); // given files are used, loopback or not
        QVERIFY(!plan.selfSigned);
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
