// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatsession.h"
#include "clientsettings.h"
#include "connection.h"
#include "mainwindow.h"
#include "preferences.h"
#include "serveraddress.h"
#include "tokenstore.h"
#include "tokenstorechoice.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace Natter::Client;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("natter"));
    QApplication::setOrganizationName(QStringLiteral("Natter"));
    QApplication::setApplicationDisplayName(QStringLiteral("Natter"));
    QApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(NATTER_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/natter.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Natter: real-time chat on your own server."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(
        QStringLiteral("server"),
        QApplication::translate("main",
                                "Server to use, e.g. chat.example.org (wss://) or localhost (ws://)."),
        QStringLiteral("URL"));
    const QCommandLineOption profile(
        QStringLiteral("profile"),
        QApplication::translate("main",
                                "Settings profile: separate settings and stored session (default: default)."),
        QStringLiteral("NAME"), QStringLiteral("default"));
    const QCommandLineOption language(
        QStringLiteral("lang"),
        QApplication::translate("main", "Language, e.g. fr or de (default: the system's)."),
        QStringLiteral("CODE"));
    parser.addOptions({server, profile, language});
    parser.process(app);

    ClientSettings settings(parser.value(profile));
    // Language (--lang wins over the one chosen in Preferences), colours and font size, before any widget.
    Preferences preferences(settings);
    preferences.applyAtStart(parser.value(language));
    if (parser.isSet(server))
        settings.setServerUrl(ServerAddress::fromUserInput(parser.value(server)));
    const std::unique_ptr<TokenStore> tokens = TokenStoreChoice::create(settings);
    Connection connection;
    ChatSession session(connection);
    MainWindow window(connection, session, settings, *tokens, preferences);
    if (parser.isSet(language)) // an account switched to speaks the same language
        window.profileLauncher().setPassThrough({QStringLiteral("--lang"), parser.value(language)});
    window.show();
    window.start();
    const int status = app.exec();
    // A token written or forgotten just before quitting may still be on its way to the keychain.
    window.hide();
    tokens->finishPending(3000);
    return status;
}
