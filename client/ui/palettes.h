// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>

namespace Natter::Client::Palettes {

/// Light text on dark grey for the Fusion style: every colour role, in the active, inactive and
/// disabled groups (Qt 6.4 cannot ask the platform for a dark scheme).
QPalette dark();

} // namespace Natter::Client::Palettes
