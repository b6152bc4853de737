// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace Natter::Client {

/// The settings profiles (`natter --profile NAME`) kept in one directory, one ClientSettings file each.
class ProfileList {
public:
    struct Profile {
        QString name;
        QString username; // who last signed in with it; empty if nobody has yet
        QUrl server;
    };

    /// A name a new profile may take: 1 to 64 ASCII letters, digits, '-' and '_', so that it is a safe
    /// file name on every system and needs no quoting on a command line.
    static bool isValidName(const QString &name);
    /// Every profile whose settings file is in `directory`, sorted by name.
    static QList<Profile> in(const QString &directory);
};

} // namespace Natter::Client
