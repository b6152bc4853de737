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
    QString text;     // not blank; the 4000 code point limit is checked after membership
    QString clientId; // empty: none
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

/// Every request type of protocol v1, listed once: natterd's router, isKnownRequestType(), the fuzz targets
/// and the check of docs/protocol.md walk it. Each type has `type`, `Reply` (the shape of its ok result),
/// `needsAuth`, toJson() and decode().
using RequestTypes = std::tuple<RegisterRequest, LoginRequest, ResumeRequest, LogoutRequest, LogoutAllRequest,
                                ChangePasswordRequest, ListRoomsRequest, CreateRoomRequest, JoinRoomRequest,
                                LeaveRoomRequest, SendRequest, HistoryRequest>;

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
