// SPDX-License-Identifier: GPL-3.0-or-later
#include "member.h"

namespace Natter {

QJsonObject Member::toJson() const
{
    QJsonObject object = user.toJson();
    object.insert(QLatin1String("online"), online);
    if (typing)
        object.insert(QLatin1String("typing"), true);
    return object;
}

std::optional<Member> Member::fromJson(const QJsonValue &value)
{
    const auto user = User::fromJson(value);
    const QJsonValue online = value.toObject().value(QLatin1String("online"));
    const QJsonValue typing = value.toObject().value(QLatin1String("typing"));
    if (!user || !online.isBool() || !(typing.isUndefined() || typing.isBool()))
        return std::nullopt;
    return Member{*user, online.toBool(), typing.toBool()};
}

} // namespace Natter
