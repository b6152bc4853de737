// SPDX-License-Identifier: GPL-3.0-or-later
#include "user.h"

#include "jsonfields.h"

namespace Natter {

QJsonObject User::toJson() const
{
    return QJsonObject{{QLatin1String("id"), id}, {QLatin1String("username"), username}};
}

std::optional<User> User::fromJson(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    const auto id = JsonFields::positiveId(object.value(QLatin1String("id")));
    const auto username = JsonFields::string(object, QLatin1String("username"));
    if (!id || !username)
        return std::nullopt;
    return User{*id, *username};
}

} // namespace Natter
