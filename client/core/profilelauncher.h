// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <functional>

namespace Natter::Client {

/// Starts natter again with another profile (`natter --profile NAME`), as a process of its own, passing on
/// the options that are not the profile's own (the language).
class ProfileLauncher {
public:
    /// Starts `program` with `arguments`, detached; false when it could not be started.
    using Start = std::function<bool(const QString &program, const QStringList &arguments)>;

    ProfileLauncher();

    /// Options given to this process to hand on, e.g. {"--lang", "fr"}.
    void setPassThrough(const QStringList &arguments) { m_passThrough = arguments; }
    /// Replaces QProcess::startDetached, for tests.
    void setStart(Start start) { m_start = std::move(start); }
    /// This program with `--profile profile`; false when it could not be started.
    bool launch(const QString &profile) const;

private:
    QStringList m_passThrough;
    Start m_start;
};

} // namespace Natter::Client
