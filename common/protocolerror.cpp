// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocolerror.h"

#include "jsonfields.h"

namespace Natter {

QJsonObject ProtocolError::toReply(const QJsonValue &id) const
{
    QJsonObject reply{{QLatin1String("type"), QLatin1String("error")},
                      {QLatin1String("code"), errorCodeName(code)},
                      {QLatin1String("message"), message}};
    if (JsonFields::isRequestId(id))
        reply.insert(QLatin1String("id"), id);
    if (retryAfterMs >= 0)
        reply.insert(QLatin1String("retry_after_ms"), retryAfterMs);
    return reply;
}

std::optional<ProtocolError> ProtocolError::fromReply(const QJsonObject &reply)
{
    if (reply.value(QLatin1String("type")).toString() != QLatin1String("error"))
        return std::nullopt;
    // A code newer than this build still is an error: treat it as internal rather than dropping it.
    const auto code = errorCodeFromName(reply.value(QLatin1String("code")).toString());
    const QJsonValue retry = reply.value(QLatin1String("retry_after_ms"));
    return ProtocolError{code.value_or(ErrorCode::InternalError),
                         reply.value(QLatin1String("message")).toString(),
                         retry.isDouble() ? static_cast<qint64>(retry.toDouble()) : -1};
}

} // namespace Natter
