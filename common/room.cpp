// SPDX-License-Identifier: GPL-3.0-or-later
#include "room.h"

#include "jsonfields.h"

#include <QJsonArray>

namespace Natter {

QJsonObject Room::toJson() const
{
    QJsonArray memberArray;
    for (const Member &member : members)
        memberArray.append(member.toJson());
    return QJsonObject{{QLatin1String("id"), id},
                       {QLatin1String("name"), name},
                       {QLatin1String("code"), code},
                       {QLatin1String("members"), memberArray}};
}

std::optional<Room> Room::fromJson(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    const auto id = JsonFields::positiveId(object.value(QLatin1String("id")));
    const auto name = JsonFields::string(object, QLatin1String("name"));
    const auto code = JsonFields::string(object, QLatin1String("code"));
    const QJsonValue members = object.value(QLatin1String("members"));
    if (!id || !name || !code || !members.isArray())
        return std::nullopt;
    Room room{*id, *name, *code, {}};
    for (const QJsonValue &entry : members.toArray()) {
        const auto member = Member::fromJson(entry);
        if (!member)
            return std::nullopt;
        room.members.append(*member);
    }
    return room;
}

} // namespace Natter
