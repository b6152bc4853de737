// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "errorcode.h"

#include <QJsonObject>
#include <QJsonValue>

namespace Natter {

/// What goes into an {"type":"error"} reply.
struct ProtocolError {
    ErrorCode code = ErrorCode::BadRequest;
    QString message;
    qint64 retryAfterMs = -1; // only for rate_limited

    /// The reply frame; `id` is left out when it is undefined (it could not be read).
    QJsonObject toReply(const QJsonValue &id) const;
    /// Reads an error reply (client side); nullopt when it is not one.
    static std::optional<ProtocolError> fromReply(const QJsonObject &reply);
};

} // namespace Natter
