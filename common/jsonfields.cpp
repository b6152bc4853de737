// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonfields.h"

#include <cmath>

namespace Natter::JsonFields {

namespace {
constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53
}

std::optional<qint64> positiveId(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number) || number < 1 || number >= kMaxExactInteger || std::floor(number) != number)
        return std::nullopt;
    return static_cast<qint64>(number);
}

bool isRequestId(const QJsonValue &value)
{
    return value.isDouble() || value.isString();
}

std::optional<QString> string(const QJsonObject &object, QLatin1String key)
{
    const QJsonValue value = object.value(key);
    if (!value.isString())
        return std::nullopt;
    return value.toString();
}

} // namespace Natter::JsonFields
