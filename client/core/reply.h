// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocolerror.h"

#include <QJsonObject>
#include <optional>

namespace Natter::Client {

/// The answer to one request: the ok frame, the server's error, or no answer because the connection was
/// lost or never there (then `offline` is true and the request may be tried again later).
struct Reply {
    QJsonObject frame;
    std::optional<ProtocolError> error;
    bool offline = false;

    bool ok() const { return !error && !offline; }
    static Reply fromFrame(const QJsonObject &frame);
    static Reply lost();
};

} // namespace Natter::Client
