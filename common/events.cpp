// SPDX-License-Identifier: GPL-3.0-or-later
#include "events.h"

#include "jsonfields.h"

namespace Natter {

namespace {
const QLatin1String kEventType{"type"};
const QLatin1String kEventRoom{"room"};
const QLatin1String kEventUser{"user"};
const QLatin1String kEventOnline{"online"};

template <typename E>
QJsonObject frame(std::initializer_list<QPair<QString, QJsonValue>> fields)
{
    QJsonObject object(fields);
    object.insert(kEventType, E::type);
    return object;
}
} // namespace

QJsonObject HelloEvent::toJson() const
{
    return frame<HelloEvent>({{QLatin1String("protocol"), protocol}, {QLatin1String("server"), server}});
}

std::optional<HelloEvent> HelloEvent::fromJson(const QJsonObject &frame)
{
    const QJsonValue protocol = frame.value(QLatin1String("protocol"));
    if (!protocol.isDouble())
        return std::nullopt;
    return HelloEvent{protocol.toInt(), frame.value(QLatin1String("server")).toString()};
}

QJsonObject MessageEvent::toJson() const
{
    return frame<MessageEvent>({{QLatin1String("message"), message.toJson()}});
}

std::optional<MessageEvent> MessageEvent::fromJson(const QJsonObject &frame)
{
    const auto message = ChatMessage::fromJson(frame.value(QLatin1String("message")));
    if (!message)
        return std::nullopt;
    return MessageEvent{*message};
}

QJsonObject PresenceEvent::toJson() const
{
    return frame<PresenceEvent>({{kEventUser, user.toJson()}, {kEventOnline, online}});
}

std::optional<PresenceEvent> PresenceEvent::fromJson(const QJsonObject &frame)
{
    const auto user = User::fromJson(frame.value(kEventUser));
    if (!user || !frame.value(kEventOnline).isBool())
        return std::nullopt;
    return PresenceEvent{*user, frame.value(kEventOnline).toBool()};
}

QJsonObject MemberJoinedEvent::toJson() const
{
    return frame<MemberJoinedEvent>({{kEventRoom, room}, {kEventUser, member.user.toJson()}, {kEventOnline, member.online}});
}

std::optional<MemberJoinedEvent> MemberJoinedEvent::fromJson(const QJsonObject &frame)
{
    const auto room = JsonFields::positiveId(frame.value(kEventRoom));
    const auto user = User::fromJson(frame.value(kEventUser));
    if (!room || !user || !frame.value(kEventOnline).isBool())
        return std::nullopt;
    return MemberJoinedEvent{*room, {*user, frame.value(kEventOnline).toBool()}};
}

QJsonObject MemberLeftEvent::toJson() const
{
    return frame<MemberLeftEvent>({{kEventRoom, room}, {kEventUser, user.toJson()}});
}

std::optional<MemberLeftEvent> MemberLeftEvent::fromJson(const QJsonObject &frame)
{
    const auto room = JsonFields::positiveId(frame.value(kEventRoom));
    const auto user = User::fromJson(frame.value(kEventUser));
    if (!room || !user)
        return std::nullopt;
    return MemberLeftEvent{*room, *user};
}

QJsonObject SignedOutEvent::toJson() const
{
    return frame<SignedOutEvent>({});
}

} // namespace Natter
