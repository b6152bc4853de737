// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <optional>

namespace Natter::JsonFields {

/// A positive integer id (rooms, users, messages). JSON numbers are doubles: reject fractions and
/// anything from 2^53 on, where doubles stop being exact.
std::optional<qint64> positiveId(const QJsonValue &value);
/// A request id is a number or a string; anything else cannot be echoed back.
bool isRequestId(const QJsonValue &value);
/// The string at key, or nullopt when it is missing or not a string.
std::optional<QString> string(const QJsonObject &object, QLatin1String key);

} // namespace Natter::JsonFields
