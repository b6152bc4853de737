// SPDX-License-Identifier: GPL-3.0-or-later
#include "request.h"

#include "jsonfields.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace Natter {

namespace {
RejectedFrame reject(const QJsonValue &id, const char *message)
{
    return RejectedFrame{
        id, ProtocolError{ErrorCode::BadRequest, QCoreApplication::translate("Protocol", message)}};
}
} // namespace

std::variant<Request, RejectedFrame> parseRequestFrame(const QByteArray &utf8)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return reject(QJsonValue::Undefined, QT_TRANSLATE_NOOP("Protocol", "The frame is not valid JSON."));
    if (!document.isObject())
        return reject(QJsonValue::Undefined,
                      QT_TRANSLATE_NOOP("Protocol", "The frame must hold one JSON object."));

    const QJsonObject object = document.object();
    const QJsonValue id = object.value(QLatin1String("id"));
    const QJsonValue readableId = JsonFields::isRequestId(id) ? id : QJsonValue(QJsonValue::Undefined);
    const QJsonValue type = object.value(QLatin1String("type"));
    if (!type.isString())
        return reject(readableId, QT_TRANSLATE_NOOP("Protocol", "A request needs a string \"type\"."));
    if (!readableId.isString() && !readableId.isDouble())
        return reject(
            QJsonValue::Undefined,
            QT_TRANSLATE_NOOP("Protocol", "A request needs an \"id\" that is a number or a string."));
    return Request{type.toString(), id, object};
}

} // namespace Natter
