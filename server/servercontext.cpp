// SPDX-License-Identifier: GPL-3.0-or-later
#include "servercontext.h"

#include <QCoreApplication>

namespace Natter::Server::Errors {

ProtocolError unauthenticated()
{
    return {ErrorCode::Unauthenticated, QCoreApplication::translate("Server", "Sign in first.")};
}

ProtocolError notAMember()
{
    return {ErrorCode::NotAMember,
            QCoreApplication::translate("Server", "You are not a member of that room.")};
}

ProtocolError internal()
{
    return {ErrorCode::InternalError,
            QCoreApplication::translate("Server", "The server could not complete the request; try again.")};
}

ProtocolError rateLimited(qint64 retryAfterMs)
{
    return {ErrorCode::RateLimited,
            QCoreApplication::translate("Server", "Too many requests; wait and try again."), retryAfterMs};
}

ProtocolError quotaExceeded(const QString &what)
{
    return {ErrorCode::QuotaExceeded, what};
}

ProtocolError roomQuota()
{
    return quotaExceeded(QCoreApplication::translate(
        "Server", "You are in as many rooms as this server allows; leave one first."));
}

ProtocolError noSuchMessage()
{
    return {ErrorCode::NoSuchMessage,
            QCoreApplication::translate("Server", "That room has no such message, or it was deleted.")};
}

ProtocolError forbidden(const QString &why)
{
    return {ErrorCode::Forbidden, why};
}

ProtocolError roomEventLine()
{
    return forbidden(QCoreApplication::translate(
        "Server",
        "That is a line about the room, not a message: it cannot be changed, reacted to or answered."));
}

} // namespace Natter::Server::Errors
