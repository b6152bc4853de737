// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace Natter {

/// Stable error codes of protocol v1. The list only grows; the wire names never change.
enum class ErrorCode {
    BadRequest,
    UnknownType,
    Unauthenticated,
    InvalidUsername,
    WeakPassword,
    UsernameTaken,
    BadCredentials,
    InvalidToken,
    NoSuchRoom,
    NotAMember,
    TooLong,
    RateLimited,
    InternalError,
    QuotaExceeded,
    Forbidden,
    NoSuchMessage,
    NoSuchUser,
};
/// The last code: tests walk every code up to it.
inline constexpr ErrorCode lastErrorCode = ErrorCode::NoSuchUser;

/// The wire name of a code, e.g. "bad_request".
QString errorCodeName(ErrorCode code);
/// The code for a wire name; nullopt for a name this version does not know.
std::optional<ErrorCode> errorCodeFromName(const QString &name);

} // namespace Natter
