// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>

class QCoreApplication;

namespace Natter::Client {

/// Loads the client's translations: English plural forms first (so "%n seconds" reads right in any
/// language we lack), then Qt's own and Natter's catalogue for `locale`, which take precedence.
class Translations {
public:
    static void install(QCoreApplication &app, const QLocale &locale);
};

} // namespace Natter::Client
