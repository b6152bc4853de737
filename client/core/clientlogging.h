// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace Natter::Client {

/// Where the session token is kept: keychain found or not, failures and fallbacks. Never the token.
Q_DECLARE_LOGGING_CATEGORY(lcKeychain)

} // namespace Natter::Client
