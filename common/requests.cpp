// SPDX-License-Identifier: GPL-3.0-or-later
#include "requests.h"

#include "jsonfields.h"
#include "protocollimits.h"
#include "validation.h"

#include <QCoreApplication>

namespace Natter {

namespace {

ProtocolError error(ErrorCode code, const char *message)
{
    return ProtocolError{code, QCoreApplication::translate("Protocol", message)};
}

ProtocolError badRequest(const char *message)
{
    return error(ErrorCode::BadRequest, message);
}

const QLatin1String kUsername{"username"};
const QLatin1String kPassword{"password"};
const QLatin1String kToken{"token"};
const QLatin1String kCurrentPassword{"current_password"};
const QLatin1String kNewPassword{"new_password"};
const QLatin1String kName{"name"};
const QLatin1String kCode{"code"};
const QLatin1String kRoom{"room"};
const QLatin1String kText{"text"};
const QLatin1String kClientId{"client_id"};
const QLatin1String kBefore{"before"};
const QLatin1String kAfter{"after"};
const QLatin1String kLimit{"limit"};

/// An optional positive id: absent is fine, present must be valid. False when present and invalid.
bool optionalId(const QJsonObject &fields, QLatin1String key, std::optional<qint64> &out)
{
    const QJsonValue value = fields.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    out = JsonFields::positiveId(value);
    return out.has_value();
}

} // namespace

QJsonObject RegisterRequest::toJson() const
{
    return {{kUsername, username}, {kPassword, password}};
}

Decoded<RegisterRequest> RegisterRequest::decode(const QJsonObject &fields)
{
    const auto username = JsonFields::string(fields, kUsername);
    const auto password = JsonFields::string(fields, kPassword);
    if (!username || !password)
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"username\" and \"password\" must be strings."));
    if (!Validation::isValidUsername(*username))
        return error(
            ErrorCode::InvalidUsername,
            QT_TRANSLATE_NOOP("Protocol", "A username is 3 to 32 characters of A-Z, a-z, 0-9, _ . and -."));
    if (!Validation::isValidPassword(*password))
        return error(ErrorCode::WeakPassword,
                     QT_TRANSLATE_NOOP("Protocol", "A password is 8 to 1024 characters."));
    return RegisterRequest{*username, *password};
}

QJsonObject LoginRequest::toJson() const
{
    return {{kUsername, username}, {kPassword, password}};
}

Decoded<LoginRequest> LoginRequest::decode(const QJsonObject &fields)
{
    const auto username = JsonFields::string(fields, kUsername);
    const auto password = JsonFields::string(fields, kPassword);
    if (!username || !password)
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"username\" and \"password\" must be strings."));
    return LoginRequest{*username, *password};
}

QJsonObject ResumeRequest::toJson() const
{
    return {{kToken, token}};
}

Decoded<ResumeRequest> ResumeRequest::decode(const QJsonObject &fields)
{
    const auto token = JsonFields::string(fields, kToken);
    if (!token)
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"token\" must be a string."));
    return ResumeRequest{*token};
}

QJsonObject ChangePasswordRequest::toJson() const
{
    return {{kCurrentPassword, currentPassword}, {kNewPassword, newPassword}};
}

Decoded<ChangePasswordRequest> ChangePasswordRequest::decode(const QJsonObject &fields)
{
    const auto current = JsonFields::string(fields, kCurrentPassword);
    const auto replacement = JsonFields::string(fields, kNewPassword);
    if (!current || !replacement)
        return badRequest(
            QT_TRANSLATE_NOOP("Protocol", "\"current_password\" and \"new_password\" must be strings."));
    if (!Validation::isValidPassword(*replacement))
        return error(ErrorCode::WeakPassword,
                     QT_TRANSLATE_NOOP("Protocol", "A password is 8 to 1024 characters."));
    return ChangePasswordRequest{*current, *replacement};
}

QJsonObject CreateRoomRequest::toJson() const
{
    return {{kName, name}};
}

Decoded<CreateRoomRequest> CreateRoomRequest::decode(const QJsonObject &fields)
{
    const auto name = JsonFields::string(fields, kName);
    const auto normalized = name ? Validation::normalizedRoomName(*name) : std::nullopt;
    if (!normalized)
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"name\" must be a string of 1 to 64 characters."));
    return CreateRoomRequest{*normalized};
}

QJsonObject JoinRoomRequest::toJson() const
{
    return {{kCode, code}};
}

Decoded<JoinRoomRequest> JoinRoomRequest::decode(const QJsonObject &fields)
{
    const auto code = JsonFields::string(fields, kCode);
    if (!code)
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"code\" must be a string."));
    return JoinRoomRequest{*code};
}

QJsonObject LeaveRoomRequest::toJson() const
{
    return {{kRoom, room}};
}

Decoded<LeaveRoomRequest> LeaveRoomRequest::decode(const QJsonObject &fields)
{
    const auto room = JsonFields::positiveId(fields.value(kRoom));
    if (!room)
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"room\" must be a positive integer."));
    return LeaveRoomRequest{*room};
}

QJsonObject SendRequest::toJson() const
{
    QJsonObject object{{kRoom, room}, {kText, text}};
    if (!clientId.isEmpty())
        object.insert(kClientId, clientId);
    return object;
}

Decoded<SendRequest> SendRequest::decode(const QJsonObject &fields)
{
    const auto room = JsonFields::positiveId(fields.value(kRoom));
    if (!room)
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"room\" must be a positive integer."));
    const auto text = JsonFields::string(fields, kText);
    if (!text)
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"text\" must be a string."));
    if (Validation::checkMessageText(*text) == Validation::TextCheck::Blank)
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"text\" must not be empty or only white space."));
    QString clientId;
    const QJsonValue clientIdValue = fields.value(kClientId);
    if (!clientIdValue.isUndefined() && !clientIdValue.isNull()) {
        clientId = clientIdValue.toString();
        const int length = Validation::codePointCount(clientId);
        if (!clientIdValue.isString() || length < 1 || length > Limits::clientIdMaxLength)
            return badRequest(
                QT_TRANSLATE_NOOP("Protocol", "\"client_id\" must be a string of 1 to 64 characters."));
    }
    return SendRequest{*room, *text, clientId};
}

QJsonObject HistoryRequest::toJson() const
{
    QJsonObject object{{kRoom, room}, {kLimit, limit}};
    if (before)
        object.insert(kBefore, *before);
    if (after)
        object.insert(kAfter, *after);
    return object;
}

Decoded<HistoryRequest> HistoryRequest::decode(const QJsonObject &fields)
{
    HistoryRequest request;
    const auto room = JsonFields::positiveId(fields.value(kRoom));
    if (!room)
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"room\" must be a positive integer."));
    request.room = *room;
    if (!optionalId(fields, kBefore, request.before) || !optionalId(fields, kAfter, request.after))
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"before\" and \"after\" must be message ids."));
    if (request.before && request.after)
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "Give \"before\" or \"after\", not both."));
    const QJsonValue limit = fields.value(kLimit);
    if (!limit.isUndefined() && !limit.isNull()) {
        const auto value = JsonFields::positiveId(limit);
        if (!value || *value > Limits::historyMaxLimit)
            return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"limit\" must be an integer from 1 to 200."));
        request.limit = static_cast<int>(*value);
    } else {
        request.limit = Limits::historyDefaultLimit;
    }
    return request;
}

namespace {
template <typename... R>
bool isOneOf(const QString &type, const std::tuple<R...> *)
{
    return ((type == R::type) || ...);
}
} // namespace

bool isKnownRequestType(const QString &type)
{
    return isOneOf(type, static_cast<const RequestTypes *>(nullptr));
}

} // namespace Natter
