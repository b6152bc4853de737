// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatserver.h"
#include "commandline.h"
#include "systemlimits.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

#ifdef Q_OS_UNIX
#include "unixsignalwatcher.h"
#endif

using namespace Natter::Server;

int main(int argc, char *argv[])
{
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
#endif
    // Scripts wait for this line; flush so a pipe sees it at once.
    out << "natterd listening on " << server.url().toString() << Qt::endl;
    return app.exec();
}
