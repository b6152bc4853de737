// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QLocale>

class QCoreApplication;
class QTranslator;

namespace Natter::Client {

/// Loads the client's translations: English plural forms first (so "%n seconds" reads right in any
/// language we lack), then Qt's own and Natter's catalogue for `locale`, which take precedence. Dates,
/// times and lists follow `locale` too (it becomes the default QLocale), not the system's language.
class Translations {
public:
    /// Returns the translators installed (owned by `app`), so that a test can take them out again.
    static QList<QTranslator *> install(QCoreApplication &app, const QLocale &locale);
};

} // namespace Natter::Client
