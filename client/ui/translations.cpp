// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Natter::Client {

QList<QTranslator *> Translations::install(QCoreApplication &app, const QLocale &locale)
{
    QLocale::setDefault(locale); // "Montag, 2. November" under --lang de, whatever the system says
    QList<QTranslator *> installed;
    const auto add = [&app, &installed](const QLocale &which, const QString &name, const QString &directory) {
        auto *translator = new QTranslator(&app);
        if (translator->load(which, name, QStringLiteral("_"), directory)) {
            QCoreApplication::installTranslator(translator);
            installed.append(translator);
        } else {
            delete translator;
        }
    };
    // Installed last is searched first: English plurals are the fallback beneath everything else.
    add(QLocale(QLocale::English), QStringLiteral("natter"), QStringLiteral(":/i18n"));
    add(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (locale.language() != QLocale::English)
        add(locale, QStringLiteral("natter"), QStringLiteral(":/i18n"));
    return installed;
}

} // namespace Natter::Client
