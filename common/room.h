// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "member.h"

#include <QList>

namespace Natter {

/// {"id":int,"name":str,"code":str,"members":[member...]}
struct Room {
    qint64 id = 0;
    QString name;
    QString code;
    QList<Member> members;

    QJsonObject toJson() const;
    static std::optional<Room> fromJson(const QJsonValue &value);
    friend bool operator==(const Room &, const Room &) = default;
};

} // namespace Natter
