// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace Natter::Frames {

/// Compact JSON text of one frame.
QString serialize(const QJsonObject &frame);

/// {"type":"ok","id":…} plus the result fields.
QJsonObject ok(const QJsonValue &id, QJsonObject result = {});

} // namespace Natter::Frames
