// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocolerror.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <optional>

namespace Natter::Client {

/// The answer to one request as the connection has it: the ok frame, the server's error, or no answer
/// because the connection was lost or never there (then `offline` is true and the request may be tried
/// again later).
struct RawAnswer {
    QJsonObject frame;
    std::optional<ProtocolError> error;
    bool offline = false;

    static RawAnswer fromFrame(const QJsonObject &frame);
    static RawAnswer lost();
};

/// The answer to one request, typed: `result` (one of the structs of replies.h) exactly when it is ok.
/// An ok frame whose fields do not read as `Result` becomes an internal_error.
template <typename Result>
struct Answer {
    std::optional<Result> result;
    std::optional<ProtocolError> error;
    bool offline = false;

    bool ok() const { return result.has_value(); }

    static Answer from(const RawAnswer &raw)
    {
        Answer answer{std::nullopt, raw.error, raw.offline};
        if (!raw.error && !raw.offline) {
            answer.result = Result::fromJson(raw.frame);
            if (!answer.result)
                answer.error = unreadable();
        }
        return answer;
    }
    static Answer lost() { return from(RawAnswer::lost()); }

private:
    static ProtocolError unreadable()
    {
        return {
            ErrorCode::InternalError,
            QCoreApplication::translate("Connection", "The server sent an answer this version cannot read.")};
    }
};

} // namespace Natter::Client
