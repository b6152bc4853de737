// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

namespace Natter::Server {

CommandLine parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "natterd", "Natter chat server: serves the Natter protocol over WebSocket."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QCoreApplication::translate("natterd", "Address to listen on (default 127.0.0.1)."),
        QStringLiteral("ADDR"));
    const QCommandLineOption port(
        QStringLiteral("port"),
        QCoreApplication::translate("natterd", "Port (default 7447; 0 picks a free one)."),
        QStringLiteral("N"));
    const QCommandLineOption database(
        QStringLiteral("database"),
        QCoreApplication::translate("natterd", "SQLite database file (default: in the data directory), or "
                                               "postgresql://USER@HOST:PORT/DBNAME."),
        QStringLiteral("PATH|URL"));
    const QCommandLineOption config(
        QStringLiteral("config"),
        QCoreApplication::translate("natterd", "INI file with settings (see docs/operations.md)."),
        QStringLiteral("FILE"));
    const QCommandLineOption skipIntegrityCheck(
        QStringLiteral("skip-integrity-check"),
        QCoreApplication::translate("natterd",
                                    "Start without checking the database file first (huge databases)."));
    const QCommandLineOption tlsCertificate(
        QStringLiteral("tls-cert"),
        QCoreApplication::translate("natterd", "TLS certificate chain (PEM); with --tls-key, serves wss://."),
        QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
                                    QCoreApplication::translate("natterd", "TLS private key (PEM)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption fingerprint(
        QStringLiteral("fingerprint"),
        QCoreApplication::translate("natterd",
                                    "Print the SHA-256 fingerprint of the TLS certificate and exit (making "
                                    "natterd's own certificate first if it would)."));
    parser.addOptions(
        {listen, port, database, config, skipIntegrityCheck, tlsCertificate, tlsKey, fingerprint});

    CommandLine result;
    if (!parser.parse(arguments)) {
        result.outcome = CommandLine::Outcome::Error;
        result.text = parser.errorText();
        return result;
    }
    if (parser.isSet(helpOption)) {
        result.outcome = CommandLine::Outcome::ShowHelp;
        result.text = parser.helpText();
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.outcome = CommandLine::Outcome::ShowVersion;
        result.text = QStringLiteral("natterd %1").arg(QCoreApplication::applicationVersion());
        return result;
    }
    const auto fail = [&result](const QString &message) {
        result.outcome = CommandLine::Outcome::Error;
        result.text = message;
        return result;
    };
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument: %1").arg(parser.positionalArguments().first()));

    if (parser.isSet(config)) {
        const QString path = parser.value(config);
        if (!QFileInfo(path).isReadable())
            return fail(QStringLiteral("cannot read the config file %1").arg(path));
        QSettings settings(path, QSettings::IniFormat);
        if (settings.status() != QSettings::NoError)
            return fail(QStringLiteral("the config file %1 is not valid INI").arg(path));
        QString error;
        if (!result.config.load(settings, &error))
            return fail(QStringLiteral("%1: %2").arg(path, error));
    }
    if (parser.isSet(listen) && !result.config.listenAddress.setAddress(parser.value(listen)))
        return fail(QStringLiteral("--listen needs an IP address, not %1").arg(parser.value(listen)));
    if (parser.isSet(port)) {
        bool ok = false;
        const uint value = parser.value(port).toUInt(&ok);
        if (!ok || value > 65535)
            return fail(
                QStringLiteral("--port needs a number from 0 to 65535, not %1").arg(parser.value(port)));
        result.config.port = quint16(value);
    }
    if (parser.isSet(database)) {
        result.config.database = parser.value(database);
        QString error;
        if (!DatabaseLocation::parse(result.config.database, &error))
            return fail(QStringLiteral("--database: %1").arg(error));
    }
    if (parser.isSet(skipIntegrityCheck))
        result.config.integrityCheck = false;
    if (parser.isSet(tlsCertificate) != parser.isSet(tlsKey))
        return fail(QStringLiteral("--tls-cert and --tls-key go together"));
    if (parser.isSet(tlsCertificate)) {
        result.config.tlsMode = ServerConfig::TlsMode::On;
        result.config.tlsCertificate = parser.value(tlsCertificate);
        result.config.tlsPrivateKey = parser.value(tlsKey);
    }
    if (parser.isSet(fingerprint))
        result.outcome = CommandLine::Outcome::ShowFingerprint;
    return result;
}

} // namespace Natter::Server
