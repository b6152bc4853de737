// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "user.h"

namespace Natter {

/// A room member: the user's fields plus "online":bool.
struct Member {
    User user;
    bool online = false;
    bool typing = false; // typing in that room right now ("typing":true; absent when not)

    QJsonObject toJson() const;
    static std::optional<Member> fromJson(const QJsonValue &value);
    friend bool operator==(const Member &, const Member &) = default;
};

} // namespace Natter
