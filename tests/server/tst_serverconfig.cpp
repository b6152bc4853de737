// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"
#include "serverconfig.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Natter::Server;

class TestServerConfig : public QObject {
    Q_OBJECT

private slots:
    void defaults()
    {
        const ServerConfig config;
        QCOMPARE(config.port, 7447);
        QCOMPARE(config.listenAddress, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(config.scrypt.logN, 17);
        QVERIFY(config.loginLimit.enabled());
        QVERIFY(config.sendLimit.enabled());
        // The protocol promises that a vanished client is offline within 60 s.
        QVERIFY(config.idleTimeoutMs + config.pingIntervalMs <= 60'000);
        QVERIFY(config.idleTimeoutMs >= 2 * config.pingIntervalMs); // a live client misses no deadline
        QVERIFY(config.listenBacklog >= 4096);
        QCOMPARE(config.ioThreads, 0); // one per core
        QCOMPARE(config.resolvedIoThreads(), std::max(1, QThread::idealThreadCount()));
    }

    void fileThenFlags()
    {
        const QString path =
            writeConfig("[server]\nport=9000\nlisten=0.0.0.0\ndatabase=/tmp/x.sqlite\nio_threads=3\n"
                        "[security]\nscrypt_ln=12\n[limits]\nsend_burst=5\nsend_per_minute=30\n");
        const CommandLine parsed = parseCommandLine({QStringLiteral("natterd"), QStringLiteral("--config"),
                                                     path, QStringLiteral("--port"), QStringLiteral("0")});
        QCOMPARE(parsed.outcome, CommandLine::Outcome::Run);
        QCOMPARE(parsed.config.port, 0); // the flag wins over the file
        QCOMPARE(parsed.config.listenAddress, QHostAddress(QHostAddress::AnyIPv4));
        QCOMPARE(parsed.config.database, QStringLiteral("/tmp/x.sqlite"));
        QCOMPARE(parsed.config.scrypt.logN, 12);
        QCOMPARE(parsed.config.resolvedIoThreads(), 3);
        QCOMPARE(parsed.config.sendLimit.burst, 5);
        QCOMPARE(parsed.config.sendLimit.perMinute, 30.0);
    }

    void securityKeys()
    {
        const CommandLine parsed = parseCommandLine(
            {QStringLiteral("natterd"), QStringLiteral("--skip-integrity-check"), QStringLiteral("--config"),
             writeConfig("[server]\ntrusted_proxies=10.0.0.0/8, 192.0.2.7, ::1\n"
                         "[security]\nhash_queue=10\nhash_queue_per_address=2\n"
                         "[limits]\nlogin_account_burst=3\njoin_global_per_minute=7\nhistory_burst=9\n"
                         "create_room_burst=2\nmax_rooms_per_user=50\nmax_room_members=20\n"
                         "[connections]\nhandshake_timeout_ms=5000\nmax_handshakes_per_address=4\n"
                         "max_per_address=16\nauth_timeout_ms=20000\nmax_outgoing_kib=1024\n"
                         "max_requests_in_flight=8\naccept_retry_ms=250\n")});
        QCOMPARE(parsed.outcome, CommandLine::Outcome::Run);
        const ServerConfig &config = parsed.config;
        QVERIFY(!config.integrityCheck);
        QCOMPARE(config.trustedProxies.size(), 3);
        QVERIFY(QHostAddress(QStringLiteral("10.200.0.1")).isInSubnet(config.trustedProxies.at(0)));
        QVERIFY(QHostAddress(QStringLiteral("192.0.2.7")).isInSubnet(config.trustedProxies.at(1)));
        QVERIFY(!QHostAddress(QStringLiteral("192.0.2.8")).isInSubnet(config.trustedProxies.at(1)));
        QCOMPARE(config.hashQueue, 10);
        QCOMPARE(config.hashQueuePerAddress, 2);
        QCOMPARE(config.loginAccountLimit.burst, 3);
        QCOMPARE(config.joinGlobalLimit.perMinute, 7.0);
        QCOMPARE(config.historyLimit.burst, 9);
        QCOMPARE(config.createRoomLimit.burst, 2);
        QCOMPARE(config.maxRoomsPerUser, 50);
        QCOMPARE(config.maxRoomMembers, 20);
        QCOMPARE(config.gate.handshakeTimeoutMs, 5000);
        QCOMPARE(config.gate.maxHandshakesPerAddress, 4);
        QCOMPARE(config.gate.maxConnectionsPerAddress, 16);
        QCOMPARE(config.connection.authTimeoutMs, 20000);
        QCOMPARE(config.connection.maxOutgoingBytes, 1024 * 1024);
        QCOMPARE(config.connection.maxRequestsInFlight, 8);
        QCOMPARE(config.acceptRetryMs, 250);
        // Every limit is on by default.
        const ServerConfig defaults;
        for (const RateLimiter::Rule &rule :
             {defaults.loginAccountLimit, defaults.joinFailureLimit, defaults.joinGlobalLimit,
              defaults.historyLimit, defaults.createRoomLimit})
            QVERIFY(rule.enabled());
        QVERIFY(defaults.integrityCheck);
        QVERIFY(defaults.trustedProxies.isEmpty());
    }

    void tlsSettings()
    {
        QCOMPARE(ServerConfig().tlsMode, ServerConfig::TlsMode::Auto);
        CommandLine parsed = parseCommandLine(
            {QStringLiteral("natterd"), QStringLiteral("--config"), writeConfig("[tls]\nmode=OFF\n")});
        QCOMPARE(parsed.outcome, CommandLine::Outcome::Run);
        QCOMPARE(parsed.config.tlsMode, ServerConfig::TlsMode::Off);
        parsed = parseCommandLine({QStringLiteral("natterd"), QStringLiteral("--config"),
                                   writeConfig("[tls]\nmode=on\ncertificate=/c.pem\nprivate_key=/k.pem\n")});
        QCOMPARE(parsed.config.tlsMode, ServerConfig::TlsMode::On);
        QCOMPARE(parsed.config.tlsCertificate, QStringLiteral("/c.pem"));
        QCOMPARE(parsed.config.tlsPrivateKey, QStringLiteral("/k.pem"));
        // The flags mean "on" with those files.
        parsed = parseCommandLine({QStringLiteral("natterd"), QStringLiteral("--tls-cert"),
                                   QStringLiteral("/a.pem"), QStringLiteral("--tls-key"),
                                   QStringLiteral("/b.pem"), QStringLiteral("--fingerprint")});
        QCOMPARE(parsed.outcome, CommandLine::Outcome::ShowFingerprint);
        QCOMPARE(parsed.config.tlsMode, ServerConfig::TlsMode::On);
        QCOMPARE(parsed.config.tlsCertificate, QStringLiteral("/a.pem"));
    }

    void limitsCanBeSwitchedOff()
    {
        const CommandLine parsed = parseCommandLine({QStringLiteral("natterd"), QStringLiteral("--config"),
                                                     writeConfig("[limits]\nenabled=false\n")});
        QCOMPARE(parsed.outcome, CommandLine::Outcome::Run);
        QVERIFY(!parsed.config.loginLimit.enabled());
        QVERIFY(!parsed.config.registerLimit.enabled());
        QVERIFY(!parsed.config.joinLimit.enabled());
        QVERIFY(!parsed.config.sendLimit.enabled());
    }

    void databaseLocations()
    {
        QString error;
        const auto file = DatabaseLocation::parse(QStringLiteral("/var/lib/natter/natterd.sqlite"), &error);
        QVERIFY(file && !file->isPostgres());
        QCOMPARE(file->path, QStringLiteral("/var/lib/natter/natterd.sqlite"));
        QCOMPARE(DatabaseLocation::parse(QStringLiteral("sqlite:relative.db"), &error)->path,
                 QStringLiteral("relative.db"));

        const auto remote = DatabaseLocation::parse(
            QStringLiteral("postgresql://natter@db.example:5433/chat?sslmode=verify-full&connect_timeout=5"),
            &error);
        QVERIFY2(remote, qPrintable(error));
        QVERIFY(remote->isPostgres());
        QCOMPARE(remote->user, QStringLiteral("natter"));
        QCOMPARE(remote->host, QStringLiteral("db.example"));
        QCOMPARE(remote->port, 5433);
        QCOMPARE(remote->name, QStringLiteral("chat"));
        QCOMPARE(remote->connectOptions, QStringLiteral("sslmode=verify-full;connect_timeout=5"));

        const auto local =
            DatabaseLocation::parse(QStringLiteral("postgres://natter@/natter?host=/run/postgresql"), &error);
        QVERIFY2(local, qPrintable(error));
        QCOMPARE(local->host, QStringLiteral("/run/postgresql"));
        QCOMPARE(local->port, 5432);
        QCOMPARE(local->display(), QStringLiteral("postgresql://natter@/natter?host=/run/postgresql"));
        QCOMPARE(remote->display(), QStringLiteral("postgresql://natter@db.example:5433/chat"));
        // What natterd logs reads back as the same place.
        for (const auto &location : {*remote, *local}) {
            const auto again = DatabaseLocation::parse(location.display(), &error);
            QVERIFY2(again, qPrintable(location.display() + QLatin1Char(' ') + error));
            QCOMPARE(again->host, location.host);
            QCOMPARE(again->name, location.name);
            QCOMPARE(again->user, location.user);
            QCOMPARE(again->port, location.port);
        }

        // The password comes from the config, never from the URL.
        ServerConfig config;
        config.database = QStringLiteral("postgresql://natter@db/natter");
        config.databasePassword = QStringLiteral("secret");
        QCOMPARE(config.resolvedDatabase(&error)->password, QStringLiteral("secret"));
        QVERIFY(!config.resolvedDatabase(&error)->display().contains(QLatin1String("secret")));
        QCOMPARE(config.dataDirectory(),
                 QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)); // not beside a file
    }

    void databaseInTheConfigFile()
    {
        const CommandLine parsed = parseCommandLine(
            {QStringLiteral("natterd"), QStringLiteral("--config"),
             writeConfig(
                 "[server]\ndatabase=\"postgresql://natter@db/natter\"\ndatabase_password=s3cret\n")});
        QCOMPARE(parsed.outcome, CommandLine::Outcome::Run);
        QString error;
        const auto location = parsed.config.resolvedDatabase(&error);
        QVERIFY2(location && location->isPostgres(), qPrintable(error));
        QCOMPARE(location->password, QStringLiteral("s3cret"));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bad port") << QStringList{"--port", "70000"} << "--port";
        QTest::newRow("bad listen") << QStringList{"--listen", "example"} << "--listen";
        QTest::newRow("missing config")
            << QStringList{"--config", "/nonexistent/natterd.conf"} << "cannot read";
        QTest::newRow("unknown flag") << QStringList{"--frobnicate"} << "frobnicate";
        QTest::newRow("stray argument") << QStringList{"extra"} << "extra";
        QTest::newRow("cert without key") << QStringList{"--tls-cert", "/a.pem"} << "go together";
        QTest::newRow("password in the URL")
            << QStringList{"--database", "postgresql://natter:secret@db/natter"}
            << "must not hold a password";
        QTest::newRow("no database name")
            << QStringList{"--database", "postgresql://natter@db"} << "one database";
        QTest::newRow("unknown setting")
            << QStringList{"--database", "postgresql://natter@db/natter?sslmod=require"} << "sslmod";
        QTest::newRow("relative socket")
            << QStringList{"--database", "postgresql://natter@/natter?host=run"} << "socket directory";
        QTest::newRow("other scheme") << QStringList{"--database", "mysql://natter@db/natter"} << "mysql";
        QTest::newRow("mistyped scheme")
            << QStringList{"--database", "postgresql:/natter@db/natter"} << "postgresql://USER";
        QTest::newRow("setting smuggled in a value")
            << QStringList{"--database", "postgresql://natter@db/natter?application_name=x%09sslmode=disable"}
            << "plain value";
        QTest::newRow("empty setting")
            << QStringList{"--database", "postgresql://natter@db/natter?sslmode="} << "plain value";
        QTest::newRow("sqlite without a path") << QStringList{"--database", "sqlite:"} << "needs a path";
    }

    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        arguments.prepend(QStringLiteral("natterd"));
        const CommandLine parsed = parseCommandLine(arguments);
        QCOMPARE(parsed.outcome, CommandLine::Outcome::Error);
        QVERIFY2(parsed.text.contains(expected), qPrintable(parsed.text));
    }

    void badValuesInFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("port") << QByteArray("[server]\nport=-1\n");
        QTest::newRow("listen") << QByteArray("[server]\nlisten=nowhere\n");
        QTest::newRow("scrypt") << QByteArray("[security]\nscrypt_ln=40\n");
        QTest::newRow("limit") << QByteArray("[limits]\nlogin_burst=many\n");
        QTest::newRow("timeout") << QByteArray("[connections]\nidle_timeout_ms=1\n");
        QTest::newRow("io threads") << QByteArray("[server]\nio_threads=-1\n");
        QTest::newRow("proxy") << QByteArray("[server]\ntrusted_proxies=proxy.example\n");
        QTest::newRow("tls mode") << QByteArray("[tls]\nmode=sometimes\n");
        QTest::newRow("tls on without files") << QByteArray("[tls]\nmode=on\n");
        QTest::newRow("outgoing") << QByteArray("[connections]\nmax_outgoing_kib=1\n");
        QTest::newRow("quota") << QByteArray("[limits]\nmax_rooms_per_user=0\n");
        QTest::newRow("database") << QByteArray("[server]\ndatabase=\"postgresql://a:b@db/natter\"\n");
        QTest::newRow("comma unquoted") << QByteArray("[server]\ndatabase_password=one,two\n");
    }

    void badValuesInFile()
    {
        QFETCH(QByteArray, content);
        const CommandLine parsed =
            parseCommandLine({QStringLiteral("natterd"), QStringLiteral("--config"), writeConfig(content)});
        QCOMPARE(parsed.outcome, CommandLine::Outcome::Error);
    }

    void helpAndVersion()
    {
        QCOMPARE(parseCommandLine({QStringLiteral("natterd"), QStringLiteral("--help")}).outcome,
                 CommandLine::Outcome::ShowHelp);
        QCOMPARE(parseCommandLine({QStringLiteral("natterd"), QStringLiteral("--version")}).outcome,
                 CommandLine::Outcome::ShowVersion);
    }

private:
    QString writeConfig(const QByteArray &content)
    {
        const QString path = m_dir.filePath(QStringLiteral("natterd-%1.conf").arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write config");
        file.write(content);
        return path;
    }

    QTemporaryDir m_dir;
    int m_files = 0;
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
