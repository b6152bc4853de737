// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Natter::Server::SystemLimits {

/// Raises the open-file soft limit to the hard limit (one descriptor per connection); returns the new soft
/// limit, or -1 where it cannot be read.
long raiseOpenFileLimit();
/// The open-file soft limit now; -1 where there is none (Windows) or it cannot be read.
long openFileLimit();

} // namespace Natter::Server::SystemLimits
