// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientlogging.h"

namespace Natter::Client {

Q_LOGGING_CATEGORY(lcKeychain, "natter.client.keychain", QtInfoMsg)

} // namespace Natter::Client
