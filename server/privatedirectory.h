// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Natter::Server {

/// Creates `path` and any missing parent, each readable by natterd's user only (0700), whatever the umask:
/// the directories natterd makes hold its database, its lock and its private key. Directories that exist
/// are left as they are. False when one cannot be made.
bool makePrivateDirectory(const QString &path);

} // namespace Natter::Server
