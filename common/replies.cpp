// SPDX-License-Identifier: GPL-3.0-or-later
#include "replies.h"

#include "jsonfields.h"
#include "jsonkeys.h"

#include <QJsonArray>

namespace Natter {

namespace {

/// Every element of an array through fromJson, or nullopt when the value is no array or one element fails.
template <typename T>
std::optional<QList<T>> replyListOf(const QJsonValue &value)
{
    if (!value.isArray())
        return std::nullopt;
    QList<T> items;
    const QJsonArray array = value.toArray();
    items.reserve(array.size());
    for (const QJsonValue &entry : array) {
        auto item = T::fromJson(entry);
        if (!item)
            return std::nullopt;
        items.append(std::move(*item));
    }
    return items;
}

template <typename T>
QJsonArray replyArrayOf(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(item.toJson());
    return array;
}
} // namespace

QJsonObject SignedInReply::toJson() const
{
    QJsonObject result{{JsonKeys::user, user.toJson()}};
    if (!token.isEmpty())
        result.insert(JsonKeys::token, token);
    return result;
}

std::optional<SignedInReply> SignedInReply::fromJson(const QJsonObject &result)
{
    const auto user = User::fromJson(result.value(JsonKeys::user));
    const QJsonValue token = result.value(JsonKeys::token);
    if (!user || !(token.isUndefined() || token.isString()))
        return std::nullopt;
    return SignedInReply{*user, token.toString()};
}

QJsonObject RoomReply::toJson() const
{
    return {{JsonKeys::room, room.toJson()}};
}

std::optional<RoomReply> RoomReply::fromJson(const QJsonObject &result)
{
    const auto room = Room::fromJson(result.value(JsonKeys::room));
    if (!room)
        return std::nullopt;
    return RoomReply{*room};
}

QJsonObject RoomsReply::toJson() const
{
    return {{JsonKeys::rooms, replyArrayOf(rooms)}};
}

std::optional<RoomsReply> RoomsReply::fromJson(const QJsonObject &result)
{
    auto rooms = replyListOf<Room>(result.value(JsonKeys::rooms));
    if (!rooms)
        return std::nullopt;
    return RoomsReply{std::move(*rooms)};
}

QJsonObject MessageReply::toJson() const
{
    return {{JsonKeys::message, message.toJson()}};
}

std::optional<MessageReply> MessageReply::fromJson(const QJsonObject &result)
{
    const auto message = ChatMessage::fromJson(result.value(JsonKeys::message));
    if (!message)
        return std::nullopt;
    return MessageReply{*message};
}

QJsonObject HistoryReply::toJson() const
{
    return {{JsonKeys::messages, replyArrayOf(messages)}, {JsonKeys::more, more}};
}

std::optional<HistoryReply> HistoryReply::fromJson(const QJsonObject &result)
{
    auto messages = replyListOf<ChatMessage>(result.value(JsonKeys::messages));
    if (!messages || !result.value(JsonKeys::more).isBool())
        return std::nullopt;
    return HistoryReply{std::move(*messages), result.value(JsonKeys::more).toBool()};
}

QJsonObject ReadMarkerReply::toJson() const
{
    return {{JsonKeys::room, room}, {QLatin1String("read"), read}, {QLatin1String("unread"), unread}};
}

std::optional<ReadMarkerReply> ReadMarkerReply::fromJson(const QJsonObject &result)
{
    const auto room = JsonFields::positiveId(result.value(JsonKeys::room));
    const QJsonValue read = result.value(QLatin1String("read"));
    const QJsonValue unread = result.value(QLatin1String("unread"));
    if (!room || !read.isDouble() || !unread.isDouble())
        return std::nullopt;
    return ReadMarkerReply{*room, read.toInteger(), unread.toInt()};
}

QJsonObject SearchHit::toJson() const
{
    return {{JsonKeys::message, message.toJson()}, {QLatin1String("marked"), marked}};
}

std::optional<SearchHit> SearchHit::fromJson(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    const auto message = ChatMessage::fromJson(object.value(JsonKeys::message));
    const auto marked = JsonFields::string(object, QLatin1String("marked"));
    if (!message || !marked)
        return std::nullopt;
    return SearchHit{*message, *marked};
}

QJsonObject SearchReply::toJson() const
{
    return {{QLatin1String("results"), replyArrayOf(results)}, {JsonKeys::more, more}};
}

std::optional<SearchReply> SearchReply::fromJson(const QJsonObject &result)
{
    auto results = replyListOf<SearchHit>(result.value(QLatin1String("results")));
    if (!results || !result.value(JsonKeys::more).isBool())
        return std::nullopt;
    return SearchReply{std::move(*results), result.value(JsonKeys::more).toBool()};
}

} // namespace Natter
