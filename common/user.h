// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

namespace Natter {

/// {"id":int,"username":str}
struct User {
    qint64 id = 0;
    QString username;

    QJsonObject toJson() const;
    static std::optional<User> fromJson(const QJsonValue &value);
    friend bool operator==(const User &, const User &) = default;
};

} // namespace Natter
