// SPDX-License-Identifier: GPL-3.0-or-later
#include "frames.h"

#include <QJsonDocument>

namespace Natter::Frames {

QString serialize(const QJsonObject &frame)
{
    return QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

QJsonObject ok(const QJsonValue &id, QJsonObject result)
{
    result.insert(QLatin1String("type"), QLatin1String("ok"));
    result.insert(QLatin1String("id"), id);
    return result;
}

} // namespace Natter::Frames
