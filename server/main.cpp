// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatserver.h"
#include "commandline.h"
#include "systemlimits.h"
#include "tlscertificates.h"
#include "tlsplan.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

#ifdef Q_OS_UNIX
#include "unixsignalwatcher.h"
#endif

using namespace Natter::Server;

int main(int argc, char *argv[])
{
#ifdef Q_OS_UNIX
    // Qt's own poll()-based event dispatcher instead of GLib's, unless the environment chooses: with GLib
    // every socket notifier that is switched on or off walks a list of all of them, which at thousands of
    // connections was a fifth of natterd's time, and a loaded server fell from 800 k to 400 k deliveries/s
    // (bench/run, docs/performance.md). QT_NO_GLIB set to an empty value keeps GLib.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("natterd"));
    QCoreApplication::setOrganizationName(QStringLiteral("Natter"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));

    const CommandLine commandLine = parseCommandLine(QCoreApplication::arguments());
    QTextStream out(stdout);
    QTextStream err(stderr);
    switch (commandLine.outcome) {
    case CommandLine::Outcome::ShowHelp:
    case CommandLine::Outcome::ShowVersion:
        out << commandLine.text << Qt::endl;
        return 0;
    case CommandLine::Outcome::Error:
        err << "natterd: " << commandLine.text << Qt::endl;
        return 2;
    case CommandLine::Outcome::ShowFingerprint: {
        const TlsPlan plan = TlsPlan::forConfig(commandLine.config);
        if (!plan.enabled) {
            err << "natterd: TLS is off with this configuration (plain ws:// on a loopback address, or "
                   "tls/mode=off)"
                << Qt::endl;
            return 1;
        }
        QString error;
        const auto tls = plan.prepare(commandLine.config, &error)
                             ? TlsCertificates::load(plan.certificate, plan.privateKey, &error)
                             : std::nullopt;
        if (!tls) {
            err << "natterd: " << error << Qt::endl;
            return 1;
        }
        out << "sha256 " << TlsCertificates::fingerprint(tls->localCertificate()) << Qt::endl;
        return 0;
    }
    case CommandLine::Outcome::Run:
        break;
    }

    SystemLimits::raiseOpenFileLimit();
    ChatServer server(commandLine.config);
    QString error;
    if (!server.start(&error)) {
        err << "natterd: " << error << Qt::endl;
        return 1;
    }
#ifdef Q_OS_UNIX
    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &app, [&server](int) {
        server.stop();
        QCoreApplication::quit();
    });
    QObject::connect(&signalWatcher, &UnixSignalWatcher::reloadRequested, &app, [&server, &err] {
        QString error;
        if (!server.reloadTls(&error))
            err << "natterd: cannot reload the TLS certificate: " << error << Qt::endl;
    });
#endif
    // Scripts wait for this line; flush so a pipe sees it at once. The fingerprint is what users compare
    // when their client asks whether to trust a self-signed certificate.
    out << "natterd listening on " << server.url().toString() << Qt::endl;
    if (server.isTls())
        out << "natterd certificate sha256 " << server.certificateFingerprint() << Qt::endl;
    return app.exec();
}
