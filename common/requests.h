// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocolerror.h"
#include "replies.h"

#include <QLatin1String>
#include <optional>
#include <tuple>
#include <variant>

namespace Natter {

/// A typed request, or the error to answer instead. decode() checks field types and ranges (bad_request) and,
/// for register, the username and password rules; checks that need the server (authentication, membership,
/// the message length) are the server's.
template <typename T>
using Decoded = std::variant<T, ProtocolError>;

struct RegisterRequest {
    static constexpr QLatin1String type{"register"};
    using Reply = SignedInReply;
    static constexpr bool needsAuth = false;
    QString username;
    QString password;
    QJsonObject toJson() const;
    static Decoded<RegisterRequest> decode(const QJsonObject &fields);
};

struct LoginRequest {
    static constexpr QLatin1String type{"login"};
    using Reply = SignedInReply;
    static constexpr bool needsAuth = false;
    QString username;
    QString password;
    QJsonObject toJson() const;
    static Decoded<LoginRequest> decode(const QJsonObject &fields);
};

struct ResumeRequest {
    static constexpr QLatin1String type{"resume"};
    using Reply = SignedInReply;
    static constexpr bool needsAuth = false;
    QString token;
    QJsonObject toJson() const;
    static Decoded<ResumeRequest> decode(const QJsonObject &fields);
};

struct LogoutRequest {
    static constexpr QLatin1String type{"logout"};
    using Reply = EmptyReply;
    static constexpr bool needsAuth = true;
    QJsonObject toJson() const { return {}; }
    static Decoded<LogoutRequest> decode(const QJsonObject &) { return LogoutRequest{}; }
};

/// Signs out every session of the user, this connection's included.
struct LogoutAllRequest {
    static constexpr QLatin1String type{"logout_all"};
    using Reply = EmptyReply;
    static constexpr bool needsAuth = true;
    QJsonObject toJson() const { return {}; }
    static Decoded<LogoutAllRequest> decode(const QJsonObject &) { return LogoutAllRequest{}; }
};

/// Replaces the password; every other session of the user is signed out.
struct ChangePasswordRequest {
    static constexpr QLatin1String type{"change_password"};
    using Reply = EmptyReply;
    static constexpr bool needsAuth = true;
    QString currentPassword;
    QString newPassword;
    QJsonObject toJson() const;
    static Decoded<ChangePasswordRequest> decode(const QJsonObject &fields);
};

struct ListRoomsRequest {
    static constexpr QLatin1String type{"list_rooms"};
    using Reply = RoomsReply;
    static constexpr bool needsAuth = true;
    QJsonObject toJson() const { return {}; }
    static Decoded<ListRoomsRequest> decode(const QJsonObject &) { return ListRoomsRequest{}; }
};

struct CreateRoomRequest {
    static constexpr QLatin1String type{"create_room"};
    using Reply = RoomReply;
    static constexpr bool needsAuth = true;
    QString name; // trimmed by decode()
    QJsonObject toJson() const;
    static Decoded<CreateRoomRequest> decode(const QJsonObject &fields);
};

struct JoinRoomRequest {
    static constexpr QLatin1String type{"join_room"};
    using Reply = RoomReply;
    static constexpr bool needsAuth = true;
    QString code; // as sent; normalize before lookup
    QJsonObject toJson() const;
    static Decoded<JoinRoomRequest> decode(const QJsonObject &fields);
};

struct LeaveRoomRequest {
    static constexpr QLatin1String type{"leave_room"};
    using Reply = EmptyReply;
    static constexpr bool needsAuth = true;
    qint64 room = 0;
    QJsonObject toJson() const;
    static Decoded<LeaveRoomRequest> decode(const QJsonObject &fields);
};

struct SendRequest {
    static constexpr QLatin1String type{"send"};
    using Reply = MessageReply;
    static constexpr bool needsAuth = true;
    qint64 room = 0;
    QString text;       // not blank; the 4000 code point limit is checked after membership
    QString clientId;   // empty: none
    qint64 replyTo = 0; // the message this one answers; 0: none
    QJsonObject toJson() const;
    static Decoded<SendRequest> decode(const QJsonObject &fields);
};

struct HistoryRequest {
    static constexpr QLatin1String type{"history"};
    using Reply = HistoryReply;
    static constexpr bool needsAuth = true;
    qint64 room = 0;
    std::optional<qint64> before;
    std::optional<qint64> after;
    int limit = 50;
    QJsonObject toJson() const;
    static Decoded<HistoryRequest> decode(const QJsonObject &fields);
};

/// Changes the text of one's own message.
struct EditMessageRequest {
    static constexpr QLatin1String type{"edit_message"};
    using Reply = MessageReply;
    static constexpr bool needsAuth = true;
    qint64 room = 0;
    qint64 message = 0;
    QString text; // not blank; the length is checked after membership
    QJsonObject toJson() const;
    static Decoded<EditMessageRequest> decode(const QJsonObject &fields);
};

/// Deletes one's own message: it stays as a tombstone without text.
struct DeleteMessageRequest {
    static constexpr QLatin1String type{"delete_message"};
    using Reply = MessageReply;
    static constexpr bool needsAuth = true;
    qint64 room = 0;
    qint64 message = 0;
    QJsonObject toJson() const;
    static Decoded<DeleteMessageRequest> decode(const QJsonObject &fields);
};

/// Adds (on) or removes (!on) the user's reaction with one emoji.
struct ReactRequest {
    static constexpr QLatin1String type{"react"};
    using Reply = MessageReply;
    static constexpr bool needsAuth = true;
    qint64 room = 0;
    qint64 message = 0;
    QString emoji;
    bool on = true;
    QJsonObject toJson() const;
    static Decoded<ReactRequest> decode(const QJsonObject &fields);
};

/// The user is typing in a room (or stopped).
struct TypingRequest {
    static constexpr QLatin1String type{"typing"};
    using Reply = EmptyReply;
    static constexpr bool needsAuth = true;
    qint64 room = 0;
    bool typing = true;
    QJsonObject toJson() const;
    static Decoded<TypingRequest> decode(const QJsonObject &fields);
};

/// Moves the user's read position in a room forward to a message.
struct MarkReadRequest {
    static constexpr QLatin1String type{"mark_read"};
    using Reply = ReadMarkerReply;
    static constexpr bool needsAuth = true;
    qint64 room = 0;
    qint64 message = 0;
    QJsonObject toJson() const;
    static Decoded<MarkReadRequest> decode(const QJsonObject &fields);
};

/// Messages of a room that changed (were sent, edited, deleted or reacted to) after a change counter.
struct ChangesRequest {
    static constexpr QLatin1String type{"changes"};
    using Reply = HistoryReply;
    static constexpr bool needsAuth = true;
    qint64 room = 0;
    qint64 since = 0;
    int limit = 50;
    QJsonObject toJson() const;
    static Decoded<ChangesRequest> decode(const QJsonObject &fields);
};

struct RenameRoomRequest {
    static constexpr QLatin1String type{"rename_room"};
    using Reply = RoomReply;
    static constexpr bool needsAuth = true;
    qint64 room = 0;
    QString name; // trimmed by decode()
    QJsonObject toJson() const;
    static Decoded<RenameRoomRequest> decode(const QJsonObject &fields);
};

/// Gives a room a new access code; the old one stops working.
struct NewCodeRequest {
    static constexpr QLatin1String type{"new_code"};
    using Reply = RoomReply;
    static constexpr bool needsAuth = true;
    qint64 room = 0;
    QJsonObject toJson() const;
    static Decoded<NewCodeRequest> decode(const QJsonObject &fields);
};

/// The direct conversation with another user, created on first use.
struct OpenDirectRequest {
    static constexpr QLatin1String type{"open_direct"};
    using Reply = RoomReply;
    static constexpr bool needsAuth = true;
    qint64 user = 0;
    QJsonObject toJson() const;
    static Decoded<OpenDirectRequest> decode(const QJsonObject &fields);
};

/// Full-text search over the messages of the user's rooms, or of one room; newest first.
struct SearchRequest {
    static constexpr QLatin1String type{"search"};
    using Reply = SearchReply;
    static constexpr bool needsAuth = true;
    QString query;
    std::optional<qint64> room;
    std::optional<qint64> before;
    int limit = 20;
    QJsonObject toJson() const;
    static Decoded<SearchRequest> decode(const QJsonObject &fields);
};

/// Every request type of protocol v1, listed once: natterd's router, isKnownRequestType(), the fuzz targets
/// and the check of docs/protocol.md walk it. Each type has `type`, `Reply` (the shape of its ok result),
/// `needsAuth`, toJson() and decode().
using RequestTypes =
    std::tuple<RegisterRequest, LoginRequest, ResumeRequest, LogoutRequest, LogoutAllRequest,
               ChangePasswordRequest, ListRoomsRequest, CreateRoomRequest, JoinRoomRequest, LeaveRoomRequest,
               SendRequest, HistoryRequest, EditMessageRequest, DeleteMessageRequest, ReactRequest,
               TypingRequest, MarkReadRequest, ChangesRequest, RenameRoomRequest, NewCodeRequest,
               OpenDirectRequest, SearchRequest>;

/// Every request type of protocol v1.
bool isKnownRequestType(const QString &type);

/// A request frame for the client: the request's fields plus "type" and "id".
template <typename T>
QJsonObject requestFrame(const T &request, const QJsonValue &id)
{
    QJsonObject frame = request.toJson();
    frame.insert(QLatin1String("type"), T::type);
    frame.insert(QLatin1String("id"), id);
    return frame;
}

} // namespace Natter
