// SPDX-License-Identifier: GPL-3.0-or-later
#include "errorcode.h"

#include <array>
#include <utility>

namespace Natter {

namespace {
constexpr std::array<std::pair<ErrorCode, const char *>, 17> kNames{{
    {ErrorCode::BadRequest, "bad_request"},
    {ErrorCode::UnknownType, "unknown_type"},
    {ErrorCode::Unauthenticated, "unauthenticated"},
    {ErrorCode::InvalidUsername, "invalid_username"},
    {ErrorCode::WeakPassword, "weak_password"},
    {ErrorCode::UsernameTaken, "username_taken"},
    {ErrorCode::BadCredentials, "bad_credentials"},
    {ErrorCode::InvalidToken, "invalid_token"},
    {ErrorCode::NoSuchRoom, "no_such_room"},
    {ErrorCode::NotAMember, "not_a_member"},
    {ErrorCode::TooLong, "too_long"},
    {ErrorCode::RateLimited, "rate_limited"},
    {ErrorCode::InternalError, "internal_error"},
    {ErrorCode::QuotaExceeded, "quota_exceeded"},
    {ErrorCode::Forbidden, "forbidden"},
    {ErrorCode::NoSuchMessage, "no_such_message"},
    {ErrorCode::NoSuchUser, "no_such_user"},
}};
} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const auto &[value, name] : kNames) {
        if (value == code)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("internal_error");
}

std::optional<ErrorCode> errorCodeFromName(const QString &name)
{
    for (const auto &[value, wireName] : kNames) {
        if (name == QLatin1String(wireName))
            return value;
    }
    return std::nullopt;
}

} // namespace Natter
