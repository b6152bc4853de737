// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainbackend.h"

namespace Natter::Client {

KeychainBackend::~KeychainBackend() = default;

} // namespace Natter::Client
