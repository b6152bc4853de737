// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilelist.h"

#include "clientsettings.h"

#include <QDir>
#include <QRegularExpression>

namespace Natter::Client {

bool ProfileList::isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return pattern.match(name).hasMatch();
}

QList<ProfileList::Profile> ProfileList::in(const QString &directory)
{
    QList<Profile> profiles;
    const QStringList files =
        QDir(directory).entryList({QStringLiteral("*.ini")}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &file : files) {
        const QString name = file.chopped(4);
        // Read through ClientSettings, which alone knows its keys. Another natter may hold the profile
        // open: nothing is changed here, so nothing is written back to its file.
        const ClientSettings settings(name, directory);
        profiles.append({name, settings.lastUsername(), settings.serverUrl()});
    }
    return profiles;
}

} // namespace Natter::Client
