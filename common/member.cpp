// SPDX-License-Identifier: GPL-3.0-or-later
#include "member.h"

namespace Natter {

QJsonObject Member::toJson() const
{
    QJsonObject object = user.toJson();
    object.insert(QLatin1String("online"), online);
    return object;
}

std::optional<Member> Member::fromJson(const QJsonValue &value)
{
    const auto user = User::fromJson(value);
    const QJsonValue online = value.toObject().value(QLatin1String("online"));
    if (!user || !online.isBool())
        return std::nullopt;
    return Member{*user, online.toBool()};
}

} // namespace Natter
