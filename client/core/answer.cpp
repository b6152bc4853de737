// SPDX-License-Identifier: GPL-3.0-or-later
#include "answer.h"

namespace Natter::Client {

RawAnswer RawAnswer::fromFrame(const QJsonObject &frame)
{
    return RawAnswer{frame, ProtocolError::fromReply(frame), false};
}

RawAnswer RawAnswer::lost()
{
    return RawAnswer{{},
                     ProtocolError{ErrorCode::InternalError,
                                   QCoreApplication::translate("Connection", "Not connected to the server.")},
                     true};
}

} // namespace Natter::Client
