// SPDX-License-Identifier: GPL-3.0-or-later
#include "reply.h"

#include <QCoreApplication>

namespace Natter::Client {

Reply Reply::fromFrame(const QJsonObject &frame)
{
    return Reply{frame, ProtocolError::fromReply(frame), false};
}

Reply Reply::lost()
{
    return Reply{{},
                 ProtocolError{ErrorCode::InternalError,
                               QCoreApplication::translate("Connection", "Not connected to the server.")},
                 true};
}

} // namespace Natter::Client
