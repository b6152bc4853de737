// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tokenstore.h"

#include <memory>

namespace Natter::Client {
class ClientSettings;
}

/// Where this run of the client keeps session tokens: the OS keychain when Natter was built with QtKeychain
/// and a keychain service exists, otherwise the settings file. Decided up front and logged.
namespace Natter::Client::TokenStoreChoice {

std::unique_ptr<TokenStore> create(ClientSettings &settings);

} // namespace Natter::Client::TokenStoreChoice
