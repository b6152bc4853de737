// SPDX-License-Identifier: GPL-3.0-or-later
#include "request.h"

#include "jsonfields.h"
#include "validation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace Natter {

namespace {
RejectedFrame reject(const QJsonValue &id, const char *message)
{
    return RejectedFrame{
        id, ProtocolError{ErrorCode::BadRequest, QCoreApplication::translate("Protocol", message)}};
}
bool holdsForbiddenText(const QJsonValue &value);

bool holdsForbiddenText(const QJsonObject &object)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (Validation::hasForbiddenCharacters(it.key()) || holdsForbiddenText(it.value()))
            return true;
    }
    return false;
}

bool holdsForbiddenText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return Validation::hasForbiddenCharacters(value.toString());
    case QJsonValue::Object:
        return holdsForbiddenText(value.toObject());
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(),
                           [](const QJsonValue &item) { return holdsForbiddenText(item); });
    }
    default:
        return false;
    }
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
    // Checked once for every string of the frame (keys too), so no field can carry them past a decoder.
    if (holdsForbiddenText(object))
        return reject(
            readableId.isString() && Validation::hasForbiddenCharacters(readableId.toString())
                ? QJsonValue(QJsonValue::Undefined)
                : readableId,
            QT_TRANSLATE_NOOP("Protocol", "Text must not contain NUL characters or unpaired surrogates."));
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
