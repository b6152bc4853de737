// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "user.h"

namespace Natter {

/// {"id":int,"room":int,"author":user,"text":str,"ts":int} plus "client_id" when the sender gave one.
struct ChatMessage {
    qint64 id = 0;
    qint64 room = 0;
    User author;
    QString text;
    qint64 timestampMs = 0; // ms since the epoch, UTC
    QString clientId;       // empty: none given

    QJsonObject toJson() const;
    static std::optional<ChatMessage> fromJson(const QJsonValue &value);
    friend bool operator==(const ChatMessage &, const ChatMessage &) = default;
};

} // namespace Natter
