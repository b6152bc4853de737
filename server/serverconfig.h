// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "passwordhasher.h"
#include "ratelimiter.h"

#include <QHostAddress>
#include <QString>

class QSettings;

namespace Natter::Server {

/// Everything an operator can set, with the defaults documented in docs/operations.md.
struct ServerConfig {
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 port = 7447;
    QString databasePath; // empty: QStandardPaths' data directory

    PasswordHasher::Parameters scrypt;
    int hashThreads = 2;

    RateLimiter::Rule loginLimit{10, 10};  // per address
    RateLimiter::Rule registerLimit{5, 2}; // per address
    RateLimiter::Rule joinLimit{10, 10};   // per user
    RateLimiter::Rule sendLimit{30, 120};  // per user

    // A silent peer is dropped at the first ping tick after idleTimeoutMs: at the latest after
    // idle + interval = 55 s. A live peer answers every ping, so it is never idle much beyond one interval.
    int pingIntervalMs = 15'000;
    int idleTimeoutMs = 40'000;
    int listenBacklog = 4096;
    int maxPendingConnections = 4096;

    /// Reads the keys present in `settings` over the current values. Returns false and sets `error` for a
    /// value that is present but unusable.
    bool load(QSettings &settings, QString *error);
    /// All rate limits off (tests and benchmarks).
    void disableRateLimits();
    /// The database path to use: databasePath or the platform default.
    QString resolvedDatabasePath() const;
};

} // namespace Natter::Server
