// SPDX-License-Identifier: GPL-3.0-or-later
#include "replies.h"

#include <QJsonArray>

namespace Natter {

namespace {
const QLatin1String kReplyUser{"user"};
const QLatin1String kToken{"token"};
const QLatin1String kReplyRoom{"room"};
const QLatin1String kRooms{"rooms"};
const QLatin1String kMessage{"message"};
const QLatin1String kMessages{"messages"};
const QLatin1String kMore{"more"};

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
    QJsonObject result{{kReplyUser, user.toJson()}};
    if (!token.isEmpty())
        result.insert(kToken, token);
    return result;
}

std::optional<SignedInReply> SignedInReply::fromJson(const QJsonObject &result)
{
    const auto user = User::fromJson(result.value(kReplyUser));
    const QJsonValue token = result.value(kToken);
    if (!user || !(token.isUndefined() || token.isString()))
        return std::nullopt;
    return SignedInReply{*user, token.toString()};
}

QJsonObject RoomReply::toJson() const
{
    return {{kReplyRoom, room.toJson()}};
}

std::optional<RoomReply> RoomReply::fromJson(const QJsonObject &result)
{
    const auto room = Room::fromJson(result.value(kReplyRoom));
    if (!room)
        return std::nullopt;
    return RoomReply{*room};
}

QJsonObject RoomsReply::toJson() const
{
    return {{kRooms, replyArrayOf(rooms)}};
}

std::optional<RoomsReply> RoomsReply::fromJson(const QJsonObject &result)
{
    auto rooms = replyListOf<Room>(result.value(kRooms));
    if (!rooms)
        return std::nullopt;
    return RoomsReply{std::move(*rooms)};
}

QJsonObject MessageReply::toJson() const
{
    return {{kMessage, message.toJson()}};
}

std::optional<MessageReply> MessageReply::fromJson(const QJsonObject &result)
{
    const auto message = ChatMessage::fromJson(result.value(kMessage));
    if (!message)
        return std::nullopt;
    return MessageReply{*message};
}

QJsonObject HistoryReply::toJson() const
{
    return {{kMessages, replyArrayOf(messages)}, {kMore, more}};
}

std::optional<HistoryReply> HistoryReply::fromJson(const QJsonObject &result)
{
    auto messages = replyListOf<ChatMessage>(result.value(kMessages));
    if (!messages || !result.value(kMore).isBool())
        return std::nullopt;
    return HistoryReply{std::move(*messages), result.value(kMore).toBool()};
}

} // namespace Natter
