// SPDX-License-Identifier: GPL-3.0-or-later
#include "mentions.h"

#include "validation.h"

namespace Natter::Server::Mentions {

QList<qint64> resolve(const QList<User> &members, const QString &text)
{
    if (!text.contains(QLatin1Char('@')))
        return {};
    const QStringList keys = Validation::mentionedKeys(text);
    QList<qint64> ids;
    for (const User &member : members) {
        if (keys.contains(Validation::usernameKey(member.username)))
            ids.append(member.id);
    }
    return ids;
}

QList<qint64> resolve(const std::function<QList<User>()> &members, const QString &text)
{
    if (!text.contains(QLatin1Char('@')))
        return {};
    return resolve(members(), text);
}

} // namespace Natter::Server::Mentions
