// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatmessage.h"

#include "jsonfields.h"

namespace Natter {

QJsonObject ChatMessage::toJson() const
{
    QJsonObject object{{QLatin1String("id"), id},
                       {QLatin1String("room"), room},
                       {QLatin1String("author"), author.toJson()},
                       {QLatin1String("text"), text},
                       {QLatin1String("ts"), timestampMs}};
    if (!clientId.isEmpty())
        object.insert(QLatin1String("client_id"), clientId);
    return object;
}

std::optional<ChatMessage> ChatMessage::fromJson(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    const auto id = JsonFields::positiveId(object.value(QLatin1String("id")));
    const auto room = JsonFields::positiveId(object.value(QLatin1String("room")));
    const auto author = User::fromJson(object.value(QLatin1String("author")));
    const auto text = JsonFields::string(object, QLatin1String("text"));
    const QJsonValue ts = object.value(QLatin1String("ts"));
    const QJsonValue clientId = object.value(QLatin1String("client_id"));
    if (!id || !room || !author || !text || !ts.isDouble() ||
        !(clientId.isUndefined() || clientId.isString()))
        return std::nullopt;
    return ChatMessage{*id, *room, *author, *text, static_cast<qint64>(ts.toDouble()), clientId.toString()};
}

} // namespace Natter
