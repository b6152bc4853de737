// SPDX-License-Identifier: GPL-3.0-or-later
#include "errortext.h"

#include <cmath>

namespace Natter::Client {

QString ErrorText::describe(const ProtocolError &error, bool offline, const QUrl &server)
{
    if (offline) {
        return server.isEmpty() ? tr("Cannot reach the server. Check the address and your connection.")
                                : tr("Cannot reach the server at %1. Check the address and your connection.")
                                      .arg(server.toString());
    }
    switch (error.code) {
    case ErrorCode::BadCredentials:
        return tr("Wrong username or password.");
    case ErrorCode::UsernameTaken:
        return tr("That username is taken. Try another one.");
    case ErrorCode::InvalidUsername:
        return tr("A username is 3 to 32 letters, digits, dots, dashes or underscores.");
    case ErrorCode::WeakPassword:
        return tr("A password needs at least 8 characters.");
    case ErrorCode::InvalidToken:
        return tr("Your session has ended. Please sign in again.");
    case ErrorCode::RateLimited: {
        const int seconds = std::max(1, int(std::ceil(double(error.retryAfterMs) / 1000.0)));
        return tr("Too many attempts. Try again in %n second(s).", nullptr, seconds);
    }
    case ErrorCode::NoSuchRoom:
        return tr("No room has that access code.");
    case ErrorCode::NotAMember:
        return tr("You are not a member of that room.");
    case ErrorCode::TooLong:
        return tr("That message is too long.");
    case ErrorCode::QuotaExceeded:
        return tr(
            "This server's limit is reached: you are in as many rooms as it allows, or that room is full.");
    case ErrorCode::Forbidden:
        return tr("Only the author of a message, or the owner of a room, may do that.");
    case ErrorCode::NoSuchMessage:
        return tr("That message is no longer there.");
    case ErrorCode::NoSuchUser:
        return tr("You can only write to someone who shares a room with you.");
    case ErrorCode::BadRequest:
    case ErrorCode::UnknownType:
    case ErrorCode::Unauthenticated:
    case ErrorCode::InternalError:
        break;
    }
    return tr("Something went wrong on the server. Please try again.");
}

} // namespace Natter::Client
