// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "serverconfig.h"

#include <QStringList>

namespace Natter::Server {

/// natterd's command line: the flags override the --config file, which overrides the defaults.
struct CommandLine {
    enum class Outcome { Run, ShowHelp, ShowVersion, ShowFingerprint, Error };
    Outcome outcome = Outcome::Run;
    ServerConfig config;
    QString text; // the help text, or the error
};

CommandLine parseCommandLine(const QStringList &arguments);

} // namespace Natter::Server
