// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatmessage.h"

#include "jsonfields.h"
#include "jsonkeys.h"

#include <QJsonArray>

namespace Natter {

namespace {

QJsonArray messageIdArray(const QList<qint64> &ids)
{
    QJsonArray array;
    for (const qint64 id : ids)
        array.append(id);
    return array;
}

/// Absent is an empty list; present must be an array of ids.
std::optional<QList<qint64>> messageIdList(const QJsonValue &value)
{
    QList<qint64> ids;
    if (value.isUndefined())
        return ids;
    if (!value.isArray())
        return std::nullopt;
    for (const QJsonValue &entry : value.toArray()) {
        const auto id = JsonFields::positiveId(entry);
        if (!id)
            return std::nullopt;
        ids.append(*id);
    }
    return ids;
}
} // namespace

QJsonObject Quote::toJson() const
{
    QJsonObject object{
        {JsonKeys::id, id}, {JsonKeys::author, author.toJson()}, {QLatin1String("excerpt"), excerpt}};
    if (deleted)
        object.insert(JsonKeys::deleted, true);
    return object;
}

std::optional<Quote> Quote::fromJson(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    const auto id = JsonFields::positiveId(object.value(JsonKeys::id));
    const auto author = User::fromJson(object.value(JsonKeys::author));
    const auto excerpt = JsonFields::string(object, QLatin1String("excerpt"));
    const QJsonValue deleted = object.value(JsonKeys::deleted);
    if (!id || !author || !excerpt || !(deleted.isUndefined() || deleted.isBool()))
        return std::nullopt;
    return Quote{*id, *author, *excerpt, deleted.toBool()};
}

QJsonObject Reaction::toJson() const
{
    return {{QLatin1String("emoji"), emoji}, {QLatin1String("users"), messageIdArray(users)}};
}

std::optional<Reaction> Reaction::fromJson(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    const auto emoji = JsonFields::string(object, QLatin1String("emoji"));
    const QJsonValue usersValue = object.value(QLatin1String("users"));
    const auto users = usersValue.isArray() ? messageIdList(usersValue) : std::nullopt;
    if (!emoji || !users)
        return std::nullopt;
    return Reaction{*emoji, *users};
}

QJsonObject ChatMessage::toJson() const
{
    QJsonObject object{{JsonKeys::id, id},
                       {QLatin1String("room"), room},
                       {JsonKeys::author, author.toJson()},
                       {QLatin1String("text"), text},
                       {QLatin1String("ts"), timestampMs},
                       {QLatin1String("rev"), rev}};
    if (!clientId.isEmpty())
        object.insert(QLatin1String("client_id"), clientId);
    if (editedMs > 0)
        object.insert(QLatin1String("edited_ts"), editedMs);
    if (deleted)
        object.insert(JsonKeys::deleted, true);
    if (replyTo)
        object.insert(QLatin1String("reply_to"), replyTo->toJson());
    if (!reactions.isEmpty()) {
        QJsonArray array;
        for (const Reaction &reaction : reactions)
            array.append(reaction.toJson());
        object.insert(QLatin1String("reactions"), array);
    }
    if (!mentions.isEmpty())
        object.insert(QLatin1String("mentions"), messageIdArray(mentions));
    if (kind == Kind::Joined)
        object.insert(QLatin1String("kind"), QLatin1String("joined"));
    else if (kind == Kind::Left)
        object.insert(QLatin1String("kind"), QLatin1String("left"));
    return object;
}

std::optional<ChatMessage> ChatMessage::fromJson(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    const auto id = JsonFields::positiveId(object.value(JsonKeys::id));
    const auto room = JsonFields::positiveId(object.value(QLatin1String("room")));
    const auto author = User::fromJson(object.value(JsonKeys::author));
    const auto text = JsonFields::string(object, QLatin1String("text"));
    const QJsonValue ts = object.value(QLatin1String("ts"));
    const QJsonValue clientId = object.value(QLatin1String("client_id"));
    const QJsonValue rev = object.value(QLatin1String("rev"));
    const QJsonValue edited = object.value(QLatin1String("edited_ts"));
    const QJsonValue deleted = object.value(JsonKeys::deleted);
    const QJsonValue replyTo = object.value(QLatin1String("reply_to"));
    const QJsonValue reactions = object.value(QLatin1String("reactions"));
    const auto mentions = messageIdList(object.value(QLatin1String("mentions")));
    const QJsonValue kind = object.value(QLatin1String("kind"));
    if (!(kind.isUndefined() || kind.isString()))
        return std::nullopt;
    if (!id || !room || !author || !text || !ts.isDouble() ||
        !(clientId.isUndefined() || clientId.isString()) || !(rev.isUndefined() || rev.isDouble()) ||
        !(edited.isUndefined() || edited.isDouble()) || !(deleted.isUndefined() || deleted.isBool()) ||
        !(reactions.isUndefined() || reactions.isArray()) || !mentions)
        return std::nullopt;
    ChatMessage message{*id, *room, *author, *text, static_cast<qint64>(ts.toDouble()), clientId.toString()};
    message.rev = static_cast<qint64>(rev.toDouble());
    message.editedMs = static_cast<qint64>(edited.toDouble());
    message.deleted = deleted.toBool();
    if (!replyTo.isUndefined()) {
        message.replyTo = Quote::fromJson(replyTo);
        if (!message.replyTo)
            return std::nullopt;
    }
    for (const QJsonValue &entry : reactions.toArray()) {
        const auto reaction = Reaction::fromJson(entry);
        if (!reaction)
            return std::nullopt;
        message.reactions.append(*reaction);
    }
    message.mentions = *mentions;
    if (!kind.isUndefined()) {
        const QString name = kind.toString();
        message.kind = name == QLatin1String("joined") ? Kind::Joined
                       : name == QLatin1String("left") ? Kind::Left
                                                       : Kind::Other;
    }
    return message;
}

} // namespace Natter
