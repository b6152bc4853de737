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
    return QJsonObject{{QLatin1String("id"), id},       {QLatin1String("name"), name},
                       {QLatin1String("code"), code},   {QLatin1String("members"), memberArray},
                       {QLatin1String("owner"), owner}, {QLatin1String("direct"), direct},
                       {QLatin1String("read"), read},   {QLatin1String("unread"), unread}};
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
    room.owner = object.value(QLatin1String("owner")).toInteger();
    room.direct = object.value(QLatin1String("direct")).toBool();
    room.read = object.value(QLatin1String("read")).toInteger();
    room.unread = object.value(QLatin1String("unread")).toInt();
    return room;
}

} // namespace Natter
