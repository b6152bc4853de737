// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// Whether this session has a keychain service that QtKeychain can use, decided at once and without
/// talking to the keychain itself: a keychain job where there is none can take a D-Bus timeout (25 s) to
/// fail. On Linux and the BSDs: a session bus on which the Secret Service (org.freedesktop.secrets, as
/// GNOME Keyring and KeePassXC provide) or KWallet is running or can be started. Windows' Credential Manager
/// and the macOS Keychain are always there.
namespace Natter::Client::KeychainProbe {

struct Finding {
    bool available = false;
    /// Why not, or which service, for the log.
    QString detail;
};

Finding check();

} // namespace Natter::Client::KeychainProbe
