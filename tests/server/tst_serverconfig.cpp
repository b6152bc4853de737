// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"
#include "serverconfig.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

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
    }

    void fileThenFlags()
    {
        const QString path =
            writeConfig("[server]\nport=9000\nlisten=0.0.0.0\ndatabase=/tmp/x.sqlite\n"
                        "[security]\nscrypt_ln=12\n[limits]\nsend_burst=5\nsend_per_minute=30\n");
        const CommandLine parsed = parseCommandLine({QStringLiteral("natterd"), QStringLiteral("--config"),
                                                     path, QStringLiteral("--port"), QStringLiteral("0")});
        QCOMPARE(parsed.outcome, CommandLine::Outcome::Run);
        QCOMPARE(parsed.config.port, 0); // the flag wins over the file
        QCOMPARE(parsed.config.listenAddress, QHostAddress(QHostAddress::AnyIPv4));
        QCOMPARE(parsed.config.databasePath, QStringLiteral("/tmp/x.sqlite"));
        QCOMPARE(parsed.config.scrypt.logN, 12);
        QCOMPARE(parsed.config.sendLimit.burst, 5);
        QCOMPARE(parsed.config.sendLimit.perMinute, 30.0);
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
