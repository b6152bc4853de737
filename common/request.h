// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocolerror.h"

#include <QByteArray>
#include <variant>

namespace Natter {

/// One request frame as it arrived: its type, the client's id and all of its fields.
struct Request {
    QString type;
    QJsonValue id;
    QJsonObject fields;
};

/// A frame that is not a request; `id` is set when one could be read.
struct RejectedFrame {
    QJsonValue id;
    ProtocolError error;
};

/// Checks the envelope: valid UTF-8 JSON, an object, a string "type" and a number or string "id".
/// Field checks of each type are left to the typed decoders in requests.h.
std::variant<Request, RejectedFrame> parseRequestFrame(const QByteArray &utf8);

} // namespace Natter
