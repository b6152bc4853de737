// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Natter::Client {

/// "Start at login" on freedesktop systems: an XDG autostart entry, <app id>.desktop in
/// ~/.config/autostart, that runs this program with a profile. One entry per application, so turning it on
/// for one profile takes it from another.
class AutostartEntry {
public:
    /// `directory` empty: the user's autostart directory (tests pass their own).
    explicit AutostartEntry(const QString &profile, const QString &directory = {});

    /// Whether this platform reads XDG autostart entries (Linux and the BSDs, not Windows or macOS).
    static bool isSupported();
    QString filePath() const;
    /// The command the entry runs: this program, with --profile.
    QString command() const;
    /// Whether the entry exists and starts this profile.
    bool isEnabled() const;
    /// Writes or removes the entry; false when the file could not be written or removed. Turning it off
    /// leaves an entry that starts another profile alone.
    bool setEnabled(bool enabled);

private:
    QString m_profile;
    QString m_directory;
};

} // namespace Natter::Client
