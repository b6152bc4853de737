// SPDX-License-Identifier: GPL-3.0-or-later
#include "events.h"

#include "jsonfields.h"
#include "jsonkeys.h"

namespace Natter {

namespace {

template <typename E>
QJsonObject eventFrame(std::initializer_list<QPair<QString, QJsonValue>> fields)
{
    QJsonObject object(fields);
    object.insert(JsonKeys::type, E::type);
    return object;
}
} // namespace

QJsonObject HelloEvent::toJson() const
{
    return eventFrame<HelloEvent>({{QLatin1String("protocol"), protocol}, {QLatin1String("server"), server}});
}

std::optional<HelloEvent> HelloEvent::fromJson(const QJsonObject &eventFrame)
{
    const QJsonValue protocol = eventFrame.value(QLatin1String("protocol"));
    if (!protocol.isDouble())
        return std::nullopt;
    return HelloEvent{protocol.toInt(), eventFrame.value(QLatin1String("server")).toString()};
}

QJsonObject MessageEvent::toJson() const
{
    return eventFrame<MessageEvent>({{QLatin1String("message"), message.toJson()}});
}

std::optional<MessageEvent> MessageEvent::fromJson(const QJsonObject &eventFrame)
{
    const auto message = ChatMessage::fromJson(eventFrame.value(QLatin1String("message")));
    if (!message)
        return std::nullopt;
    return MessageEvent{*message};
}

QJsonObject PresenceEvent::toJson() const
{
    return eventFrame<PresenceEvent>({{JsonKeys::user, user.toJson()}, {JsonKeys::online, online}});
}

std::optional<PresenceEvent> PresenceEvent::fromJson(const QJsonObject &eventFrame)
{
    const auto user = User::fromJson(eventFrame.value(JsonKeys::user));
    if (!user || !eventFrame.value(JsonKeys::online).isBool())
        return std::nullopt;
    return PresenceEvent{*user, eventFrame.value(JsonKeys::online).toBool()};
}

QJsonObject MemberJoinedEvent::toJson() const
{
    return eventFrame<MemberJoinedEvent>(
        {{JsonKeys::room, room}, {JsonKeys::user, member.user.toJson()}, {JsonKeys::online, member.online}});
}

std::optional<MemberJoinedEvent> MemberJoinedEvent::fromJson(const QJsonObject &eventFrame)
{
    const auto room = JsonFields::positiveId(eventFrame.value(JsonKeys::room));
    const auto user = User::fromJson(eventFrame.value(JsonKeys::user));
    if (!room || !user || !eventFrame.value(JsonKeys::online).isBool())
        return std::nullopt;
    return MemberJoinedEvent{*room, {*user, eventFrame.value(JsonKeys::online).toBool()}};
}

QJsonObject MemberLeftEvent::toJson() const
{
    return eventFrame<MemberLeftEvent>({{JsonKeys::room, room}, {JsonKeys::user, user.toJson()}});
}

std::optional<MemberLeftEvent> MemberLeftEvent::fromJson(const QJsonObject &eventFrame)
{
    const auto room = JsonFields::positiveId(eventFrame.value(JsonKeys::room));
    const auto user = User::fromJson(eventFrame.value(JsonKeys::user));
    if (!room || !user)
        return std::nullopt;
    return MemberLeftEvent{*room, *user};
}

QJsonObject SignedOutEvent::toJson() const
{
    return eventFrame<SignedOutEvent>({});
}

QJsonObject MessageChangedEvent::toJson() const
{
    return eventFrame<MessageChangedEvent>({{QLatin1String("message"), message.toJson()}});
}

std::optional<MessageChangedEvent> MessageChangedEvent::fromJson(const QJsonObject &eventFrame)
{
    const auto message = ChatMessage::fromJson(eventFrame.value(QLatin1String("message")));
    if (!message)
        return std::nullopt;
    return MessageChangedEvent{*message};
}

QJsonObject TypingEvent::toJson() const
{
    return eventFrame<TypingEvent>(
        {{JsonKeys::room, room}, {JsonKeys::user, user.toJson()}, {QLatin1String("typing"), typing}});
}

std::optional<TypingEvent> TypingEvent::fromJson(const QJsonObject &eventFrame)
{
    const auto room = JsonFields::positiveId(eventFrame.value(JsonKeys::room));
    const auto user = User::fromJson(eventFrame.value(JsonKeys::user));
    const QJsonValue typing = eventFrame.value(QLatin1String("typing"));
    if (!room || !user || !typing.isBool())
        return std::nullopt;
    return TypingEvent{*room, *user, typing.toBool()};
}

QJsonObject ReadMarkerEvent::toJson() const
{
    return eventFrame<ReadMarkerEvent>(
        {{JsonKeys::room, room}, {QLatin1String("read"), read}, {QLatin1String("unread"), unread}});
}

std::optional<ReadMarkerEvent> ReadMarkerEvent::fromJson(const QJsonObject &eventFrame)
{
    const auto room = JsonFields::positiveId(eventFrame.value(JsonKeys::room));
    const QJsonValue read = eventFrame.value(QLatin1String("read"));
    const QJsonValue unread = eventFrame.value(QLatin1String("unread"));
    if (!room || !read.isDouble() || !unread.isDouble())
        return std::nullopt;
    return ReadMarkerEvent{*room, read.toInteger(), unread.toInt()};
}

QJsonObject RoomJoinedEvent::toJson() const
{
    return eventFrame<RoomJoinedEvent>({{JsonKeys::room, room.toJson()}});
}

std::optional<RoomJoinedEvent> RoomJoinedEvent::fromJson(const QJsonObject &eventFrame)
{
    const auto room = Room::fromJson(eventFrame.value(JsonKeys::room));
    if (!room)
        return std::nullopt;
    return RoomJoinedEvent{*room};
}

QJsonObject RoomLeftEvent::toJson() const
{
    return eventFrame<RoomLeftEvent>({{JsonKeys::room, room}});
}

std::optional<RoomLeftEvent> RoomLeftEvent::fromJson(const QJsonObject &eventFrame)
{
    const auto room = JsonFields::positiveId(eventFrame.value(JsonKeys::room));
    if (!room)
        return std::nullopt;
    return RoomLeftEvent{*room};
}

QJsonObject RoomUpdatedEvent::toJson() const
{
    return eventFrame<RoomUpdatedEvent>(
        {{JsonKeys::room, room}, {QLatin1String("name"), name}, {QLatin1String("code"), code}});
}

std::optional<RoomUpdatedEvent> RoomUpdatedEvent::fromJson(const QJsonObject &eventFrame)
{
    const auto room = JsonFields::positiveId(eventFrame.value(JsonKeys::room));
    const auto name = JsonFields::string(eventFrame, QLatin1String("name"));
    const auto code = JsonFields::string(eventFrame, QLatin1String("code"));
    if (!room || !name || !code)
        return std::nullopt;
    return RoomUpdatedEvent{*room, *name, *code};
}

} // namespace Natter
