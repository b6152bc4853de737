// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Natter::Server {

struct ServerConfig;

/// What natterd does about TLS for a configuration, once the `auto` mode is decided.
struct TlsPlan {
    bool enabled = false;
    QString certificate;     // PEM chain
    QString privateKey;      // PEM
    bool selfSigned = false; // natterd's own certificate in the database's directory

    /// mode=on: the configured files. mode=off: none. mode=auto: the configured files if both are set;
    /// otherwise none on a loopback address, and natterd's own self-signed certificate elsewhere.
    static TlsPlan forConfig(const ServerConfig &config);
    /// Makes the self-signed certificate if the plan needs it and it is not there yet.
    bool prepare(const ServerConfig &config, QString *error) const;
};

} // namespace Natter::Server
