// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatmessage.h"
#include "room.h"

#include <QJsonObject>
#include <QList>
#include <optional>

namespace Natter {

/// The result fields of an `ok` reply, one struct per shape; each request names its own as `Reply`.
/// toJson() gives the result fields (Frames::ok adds "type" and "id"); fromJson() reads them back and is
/// nullopt when a field is missing or of the wrong type.

/// `ok` with no result fields.
struct EmptyReply {
    QJsonObject toJson() const { return {}; }
    static std::optional<EmptyReply> fromJson(const QJsonObject &) { return EmptyReply{}; }
};

/// register, login (with a token) and resume (without).
struct SignedInReply {
    User user;
    QString token; // empty for resume
    QJsonObject toJson() const;
    static std::optional<SignedInReply> fromJson(const QJsonObject &result);
};

/// create_room, join_room.
struct RoomReply {
    Room room;
    QJsonObject toJson() const;
    static std::optional<RoomReply> fromJson(const QJsonObject &result);
};

/// list_rooms.
struct RoomsReply {
    QList<Room> rooms;
    QJsonObject toJson() const;
    static std::optional<RoomsReply> fromJson(const QJsonObject &result);
};

/// send.
struct MessageReply {
    ChatMessage message;
    QJsonObject toJson() const;
    static std::optional<MessageReply> fromJson(const QJsonObject &result);
};

/// history.
struct HistoryReply {
    QList<ChatMessage> messages; // oldest first
    bool more = false;
    QJsonObject toJson() const;
    static std::optional<HistoryReply> fromJson(const QJsonObject &result);
};

} // namespace Natter
