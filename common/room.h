// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "member.h"

#include <QList>

namespace Natter {

/// {"id":int,"name":str,"code":str,"members":[member...],"owner":int,"direct":bool,"read":int,"unread":int}
/// A direct conversation has "direct":true, no code (""), no name ("") and no owner (0).
struct Room {
    qint64 id = 0;
    QString name;
    QString code;
    QList<Member> members;
    qint64 owner = 0; // the user who created it and may rename it and renew its code; 0: none
    bool direct = false;
    qint64 read = 0; // the user's read position: a message id, 0 for none
    int unread = 0;  // messages of others after `read`, at most Limits::unreadCountCap

    QJsonObject toJson() const;
    static std::optional<Room> fromJson(const QJsonValue &value);
    friend bool operator==(const Room &, const Room &) = default;
};

} // namespace Natter
