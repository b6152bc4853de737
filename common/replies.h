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

/// mark_read: the read position now stored (never behind an earlier one) and what is unread after it.
struct ReadMarkerReply {
    qint64 room = 0;
    qint64 read = 0;
    int unread = 0;
    QJsonObject toJson() const;
    static std::optional<ReadMarkerReply> fromJson(const QJsonObject &result);
};

/// One search result: the message, and its text with each match between U+0002 and U+0003.
struct SearchHit {
    ChatMessage message;
    QString marked;
    QJsonObject toJson() const;
    static std::optional<SearchHit> fromJson(const QJsonValue &value);
};

/// search.
struct SearchReply {
    QList<SearchHit> results; // newest first
    bool more = false;
    QJsonObject toJson() const;
    static std::optional<SearchReply> fromJson(const QJsonObject &result);
};

} // namespace Natter
