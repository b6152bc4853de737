// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatmessage.h"
#include "member.h"
#include "room.h"

#include <QJsonObject>
#include <optional>
#include <tuple>

namespace Natter {

/// Frames the server sends unasked. Each has its wire `type`, toJson() (the whole frame, "type"
/// included) and fromJson() (nullopt for a frame of that type with a field missing or of the wrong type).

struct HelloEvent {
    static constexpr QLatin1String type{"hello"};
    int protocol = 0;
    QString server;
    QJsonObject toJson() const;
    static std::optional<HelloEvent> fromJson(const QJsonObject &frame);
};

struct MessageEvent {
    static constexpr QLatin1String type{"message"};
    ChatMessage message;
    QJsonObject toJson() const;
    static std::optional<MessageEvent> fromJson(const QJsonObject &frame);
};

struct PresenceEvent {
    static constexpr QLatin1String type{"presence"};
    User user;
    bool online = false;
    QJsonObject toJson() const;
    static std::optional<PresenceEvent> fromJson(const QJsonObject &frame);
};

struct MemberJoinedEvent {
    static constexpr QLatin1String type{"member_joined"};
    qint64 room = 0;
    Member member;
    QJsonObject toJson() const;
    static std::optional<MemberJoinedEvent> fromJson(const QJsonObject &frame);
};

struct MemberLeftEvent {
    static constexpr QLatin1String type{"member_left"};
    qint64 room = 0;
    User user;
    QJsonObject toJson() const;
    static std::optional<MemberLeftEvent> fromJson(const QJsonObject &frame);
};

/// Sent to a connection whose session the server ended (logout elsewhere, logout_all, change_password).
struct SignedOutEvent {
    static constexpr QLatin1String type{"signed_out"};
    QJsonObject toJson() const;
    static std::optional<SignedOutEvent> fromJson(const QJsonObject &) { return SignedOutEvent{}; }
};

/// A message that members already have was edited, deleted or reacted to: its whole new state.
struct MessageChangedEvent {
    static constexpr QLatin1String type{"message_changed"};
    ChatMessage message;
    QJsonObject toJson() const;
    static std::optional<MessageChangedEvent> fromJson(const QJsonObject &frame);
};

struct TypingEvent {
    static constexpr QLatin1String type{"typing"};
    qint64 room = 0;
    User user;
    bool typing = false;
    QJsonObject toJson() const;
    static std::optional<TypingEvent> fromJson(const QJsonObject &frame);
};

/// The user's read position in a room moved (on another of their connections).
struct ReadMarkerEvent {
    static constexpr QLatin1String type{"read_marker"};
    qint64 room = 0;
    qint64 read = 0;
    int unread = 0;
    QJsonObject toJson() const;
    static std::optional<ReadMarkerEvent> fromJson(const QJsonObject &frame);
};

/// The user is now in a room: joined or created on another connection, or a direct conversation opened.
struct RoomJoinedEvent {
    static constexpr QLatin1String type{"room_joined"};
    Room room;
    QJsonObject toJson() const;
    static std::optional<RoomJoinedEvent> fromJson(const QJsonObject &frame);
};

/// The user left a room on another connection.
struct RoomLeftEvent {
    static constexpr QLatin1String type{"room_left"};
    qint64 room = 0;
    QJsonObject toJson() const;
    static std::optional<RoomLeftEvent> fromJson(const QJsonObject &frame);
};

/// A room was renamed or got a new access code.
struct RoomUpdatedEvent {
    static constexpr QLatin1String type{"room_updated"};
    qint64 room = 0;
    QString name;
    QString code;
    QJsonObject toJson() const;
    static std::optional<RoomUpdatedEvent> fromJson(const QJsonObject &frame);
};

/// Every event of protocol v1 after the handshake, listed once: the client's dispatch table and the docs
/// check walk it. (hello is the handshake and is read before any event.)
using EventTypes = std::tuple<MessageEvent, PresenceEvent, MemberJoinedEvent, MemberLeftEvent, SignedOutEvent,
                              MessageChangedEvent, TypingEvent, ReadMarkerEvent, RoomJoinedEvent,
                              RoomLeftEvent, RoomUpdatedEvent>;

} // namespace Natter
