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
const QLatin1String kMessage{"message"};
const QLatin1String kReplyTo{"reply_to"};
const QLatin1String kEmoji{"emoji"};
const QLatin1String kOn{"on"};
const QLatin1String kTyping{"typing"};
const QLatin1String kSince{"since"};
const QLatin1String kUser{"user"};
const QLatin1String kQuery{"query"};

ProtocolError roomNotAnId()
{
    return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"room\" must be a positive integer."));
}

ProtocolError messageNotAnId()
{
    return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"message\" must be a positive integer."));
}

/// A bool field that may be left out (then `fallback`). False when present and not a bool.
bool optionalBool(const QJsonObject &fields, QLatin1String key, bool fallback, bool &out)
{
    const QJsonValue value = fields.value(key);
    out = fallback;
    if (value.isUndefined() || value.isNull())
        return true;
    out = value.toBool();
    return value.isBool();
}

/// An optional "limit" from 1 to `max`; `fallback` when absent. False when present and out of range.
bool optionalLimit(const QJsonObject &fields, int fallback, int max, int &out)
{
    const QJsonValue limit = fields.value(kLimit);
    out = fallback;
    if (limit.isUndefined() || limit.isNull())
        return true;
    const auto value = JsonFields::positiveId(limit);
    if (!value || *value > max)
        return false;
    out = static_cast<int>(*value);
    return true;
}

/// Message text as send and edit_message take it.
std::optional<ProtocolError> checkText(const std::optional<QString> &text)
{
    if (!text)
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"text\" must be a string."));
    switch (Validation::checkMessageText(*text)) {
    case Validation::TextCheck::Blank:
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"text\" must not be empty or only white space."));
    case Validation::TextCheck::Control:
        return badRequest(QT_TRANSLATE_NOOP(
            "Protocol", "\"text\" must not hold control characters but tabs and line breaks."));
    default:
        return std::nullopt;
    }
}

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
    if (replyTo > 0)
        object.insert(kReplyTo, replyTo);
    return object;
}

Decoded<SendRequest> SendRequest::decode(const QJsonObject &fields)
{
    const auto room = JsonFields::positiveId(fields.value(kRoom));
    if (!room)
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"room\" must be a positive integer."));
    const auto text = JsonFields::string(fields, kText);
    if (const auto error = checkText(text))
        return *error;
    std::optional<qint64> replyTo;
    if (!optionalId(fields, kReplyTo, replyTo))
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"reply_to\" must be a message id."));
    QString clientId;
    const QJsonValue clientIdValue = fields.value(kClientId);
    if (!clientIdValue.isUndefined() && !clientIdValue.isNull()) {
        clientId = clientIdValue.toString();
        const int length = Validation::codePointCount(clientId);
        if (!clientIdValue.isString() || length < 1 || length > Limits::clientIdMaxLength)
            return badRequest(
                QT_TRANSLATE_NOOP("Protocol", "\"client_id\" must be a string of 1 to 64 characters."));
    }
    return SendRequest{*room, *text, clientId, replyTo.value_or(0)};
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
    if (!optionalLimit(fields, Limits::historyDefaultLimit, Limits::historyMaxLimit, request.limit))
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"limit\" must be an integer from 1 to 200."));
    return request;
}

QJsonObject EditMessageRequest::toJson() const
{
    return {{kRoom, room}, {kMessage, message}, {kText, text}};
}

Decoded<EditMessageRequest> EditMessageRequest::decode(const QJsonObject &fields)
{
    const auto room = JsonFields::positiveId(fields.value(kRoom));
    if (!room)
        return roomNotAnId();
    const auto message = JsonFields::positiveId(fields.value(kMessage));
    if (!message)
        return messageNotAnId();
    const auto text = JsonFields::string(fields, kText);
    if (const auto error = checkText(text))
        return *error;
    return EditMessageRequest{*room, *message, *text};
}

QJsonObject DeleteMessageRequest::toJson() const
{
    return {{kRoom, room}, {kMessage, message}};
}

Decoded<DeleteMessageRequest> DeleteMessageRequest::decode(const QJsonObject &fields)
{
    const auto room = JsonFields::positiveId(fields.value(kRoom));
    if (!room)
        return roomNotAnId();
    const auto message = JsonFields::positiveId(fields.value(kMessage));
    if (!message)
        return messageNotAnId();
    return DeleteMessageRequest{*room, *message};
}

QJsonObject ReactRequest::toJson() const
{
    return {{kRoom, room}, {kMessage, message}, {kEmoji, emoji}, {kOn, on}};
}

Decoded<ReactRequest> ReactRequest::decode(const QJsonObject &fields)
{
    ReactRequest request;
    const auto room = JsonFields::positiveId(fields.value(kRoom));
    if (!room)
        return roomNotAnId();
    const auto message = JsonFields::positiveId(fields.value(kMessage));
    if (!message)
        return messageNotAnId();
    const auto emoji = JsonFields::string(fields, kEmoji);
    if (!emoji || !Validation::isValidReaction(*emoji))
        return badRequest(QT_TRANSLATE_NOOP(
            "Protocol", "\"emoji\" must be an emoji: up to 16 characters, no white space, not only ASCII."));
    if (!optionalBool(fields, kOn, true, request.on))
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"on\" must be true or false."));
    request.room = *room;
    request.message = *message;
    request.emoji = *emoji;
    return request;
}

QJsonObject TypingRequest::toJson() const
{
    return {{kRoom, room}, {kTyping, typing}};
}

Decoded<TypingRequest> TypingRequest::decode(const QJsonObject &fields)
{
    TypingRequest request;
    const auto room = JsonFields::positiveId(fields.value(kRoom));
    if (!room)
        return roomNotAnId();
    if (!optionalBool(fields, kTyping, true, request.typing))
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"typing\" must be true or false."));
    request.room = *room;
    return request;
}

QJsonObject MarkReadRequest::toJson() const
{
    return {{kRoom, room}, {kMessage, message}};
}

Decoded<MarkReadRequest> MarkReadRequest::decode(const QJsonObject &fields)
{
    const auto room = JsonFields::positiveId(fields.value(kRoom));
    if (!room)
        return roomNotAnId();
    const auto message = JsonFields::positiveId(fields.value(kMessage));
    if (!message)
        return messageNotAnId();
    return MarkReadRequest{*room, *message};
}

QJsonObject ChangesRequest::toJson() const
{
    return {{kRoom, room}, {kSince, since}, {kLimit, limit}};
}

Decoded<ChangesRequest> ChangesRequest::decode(const QJsonObject &fields)
{
    ChangesRequest request;
    const auto room = JsonFields::positiveId(fields.value(kRoom));
    if (!room)
        return roomNotAnId();
    request.room = *room;
    const QJsonValue since = fields.value(kSince);
    const auto sinceValue =
        since.isDouble() && since.toDouble() == 0 ? std::optional<qint64>(0) : JsonFields::positiveId(since);
    if (!sinceValue)
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"since\" must be a change counter (0 or more)."));
    request.since = *sinceValue;
    if (!optionalLimit(fields, Limits::historyDefaultLimit, Limits::historyMaxLimit, request.limit))
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"limit\" must be an integer from 1 to 200."));
    return request;
}

QJsonObject RenameRoomRequest::toJson() const
{
    return {{kRoom, room}, {kName, name}};
}

Decoded<RenameRoomRequest> RenameRoomRequest::decode(const QJsonObject &fields)
{
    const auto room = JsonFields::positiveId(fields.value(kRoom));
    if (!room)
        return roomNotAnId();
    const auto name = JsonFields::string(fields, kName);
    const auto normalized = name ? Validation::normalizedRoomName(*name) : std::nullopt;
    if (!normalized)
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"name\" must be a string of 1 to 64 characters."));
    return RenameRoomRequest{*room, *normalized};
}

QJsonObject NewCodeRequest::toJson() const
{
    return {{kRoom, room}};
}

Decoded<NewCodeRequest> NewCodeRequest::decode(const QJsonObject &fields)
{
    const auto room = JsonFields::positiveId(fields.value(kRoom));
    if (!room)
        return roomNotAnId();
    return NewCodeRequest{*room};
}

QJsonObject OpenDirectRequest::toJson() const
{
    return {{kUser, user}};
}

Decoded<OpenDirectRequest> OpenDirectRequest::decode(const QJsonObject &fields)
{
    const auto user = JsonFields::positiveId(fields.value(kUser));
    if (!user)
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"user\" must be a positive integer."));
    return OpenDirectRequest{*user};
}

QJsonObject SearchRequest::toJson() const
{
    QJsonObject object{{kQuery, query}, {kLimit, limit}};
    if (room)
        object.insert(kRoom, *room);
    if (before)
        object.insert(kBefore, *before);
    return object;
}

Decoded<SearchRequest> SearchRequest::decode(const QJsonObject &fields)
{
    SearchRequest request;
    const auto query = JsonFields::string(fields, kQuery);
    if (!query || query->trimmed().isEmpty() ||
        Validation::codePointCount(*query) > Limits::searchQueryMaxLength)
        return badRequest(QT_TRANSLATE_NOOP(
            "Protocol", "\"query\" must be a string of 1 to 200 characters, not only white space."));
    request.query = *query;
    if (!optionalId(fields, kRoom, request.room))
        return roomNotAnId();
    if (!optionalId(fields, kBefore, request.before))
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"before\" must be a message id."));
    if (!optionalLimit(fields, Limits::searchDefaultLimit, Limits::searchMaxLimit, request.limit))
        return badRequest(QT_TRANSLATE_NOOP("Protocol", "\"limit\" must be an integer from 1 to 50."));
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
