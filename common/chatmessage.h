// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "user.h"

#include <QList>

namespace Natter {

/// What a reply shows of the message it answers: {"id":int,"author":user,"excerpt":str} plus
/// "deleted":true (and an empty excerpt) once that message was deleted. The excerpt is the start of the
/// text as it was when the reply was sent.
struct Quote {
    qint64 id = 0;
    User author;
    QString excerpt;
    bool deleted = false;

    QJsonObject toJson() const;
    static std::optional<Quote> fromJson(const QJsonValue &value);
    friend bool operator==(const Quote &, const Quote &) = default;
};

/// {"emoji":str,"users":[user id...]}: who reacted with one emoji, in the order they did.
struct Reaction {
    QString emoji;
    QList<qint64> users;

    QJsonObject toJson() const;
    static std::optional<Reaction> fromJson(const QJsonValue &value);
    friend bool operator==(const Reaction &, const Reaction &) = default;
};

/// {"id":int,"room":int,"author":user,"text":str,"ts":int,"rev":int} plus, when they apply: "client_id",
/// "edited_ts", "deleted":true (then "text" is empty), "reply_to":quote, "reactions":[reaction...],
/// "mentions":[user id...], "kind".
struct ChatMessage {
    /// A room's history holds messages and lines about the room. "kind" is absent for a message, and
    /// "joined" or "left" for a line saying that the author joined or left (its text is empty). A kind this
    /// program does not know decodes as Other, so that a newer server's lines can be skipped.
    enum class Kind { Text, Joined, Left, Other };

    qint64 id = 0;
    qint64 room = 0;
    User author;
    QString text;
    qint64 timestampMs = 0; // ms since the epoch, UTC
    QString clientId;       // empty: none given
    qint64 rev = 0;         // the room's change counter when this message last changed
    qint64 editedMs = 0;    // 0: never edited
    bool deleted = false;
    std::optional<Quote> replyTo{};
    QList<Reaction> reactions{};
    QList<qint64> mentions{}; // users named with @username who were members when it was sent or edited
    Kind kind = Kind::Text;

    bool isText() const { return kind == Kind::Text; }

    QJsonObject toJson() const;
    static std::optional<ChatMessage> fromJson(const QJsonValue &value);
    friend bool operator==(const ChatMessage &, const ChatMessage &) = default;
};

} // namespace Natter
