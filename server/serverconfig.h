// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientconnection.h"
#include "connectiongate.h"
#include "databaselocation.h"
#include "passwordhasher.h"
#include "ratelimiter.h"

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

class QSettings;

namespace Natter::Server {

/// Everything an operator can set, with the defaults documented in docs/operations.md.
struct ServerConfig {
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 port = 7447;
    QString database;         // a path or URL (DatabaseLocation); empty: natterd.sqlite in the data directory
    QString databasePassword; // PostgreSQL, when no PGPASSFILE holds it
    bool sharedDatabase = false;      // PostgreSQL: other instances serve the same database (ClusterBus)
    int instanceHeartbeatMs = 2000;   // shared: how often each instance says it is alive
    int instanceDeadAfterMs = 10'000; // shared: an instance silent this long is taken for dead
    bool integrityCheck = true;       // PRAGMA quick_check at start
    int ioThreads = 0; // threads the sockets are spread over, the main one included; 0: one per core

    enum class TlsMode { Auto, On, Off };
    TlsMode tlsMode = TlsMode::Auto; // see TlsPlan
    QString tlsCertificate;          // PEM chain
    QString tlsPrivateKey;           // PEM

    PasswordHasher::Parameters scrypt;
    int hashThreads = 2;

    int sessionIdleDays = 90;    // a token unused this long stops working
    int hashQueue = 64;          // password hashes waiting, in total
    int hashQueuePerAddress = 4; // waiting or running, for one address

    RateLimiter::Rule loginLimit{10, 10};        // attempts per address
    RateLimiter::Rule loginAccountLimit{10, 5};  // failed attempts per account
    RateLimiter::Rule registerLimit{5, 2};       // per address
    RateLimiter::Rule joinLimit{10, 10};         // attempts per address
    RateLimiter::Rule joinFailureLimit{10, 10};  // failed attempts per user
    RateLimiter::Rule joinGlobalLimit{200, 600}; // failed attempts, everyone together
    RateLimiter::Rule sendLimit{30, 120};        // per user
    RateLimiter::Rule historyLimit{60, 600};     // per user
    RateLimiter::Rule createRoomLimit{5, 10};    // per user
    RateLimiter::Rule typingLimit{20, 60};       // per user
    RateLimiter::Rule readLimit{60, 600};        // per user
    RateLimiter::Rule searchLimit{10, 30};       // per user
    int maxRoomsPerUser = 500;                   // rooms one user can be a member of
    int maxRoomMembers = 1000;                   // members one room can have

    /// Proxies whose X-Forwarded-For is believed (subnets); the per-address limits then use the client
    /// address that they forward.
    QList<QPair<QHostAddress, int>> trustedProxies;

    // A silent peer is dropped at the first ping tick after idleTimeoutMs: at the latest after
    // idle + interval = 55 s. A live peer answers every ping, so it is never idle much beyond one interval.
    int pingIntervalMs = 15'000;
    int idleTimeoutMs = 40'000;
    int listenBacklog = 4096;
    int maxPendingConnections = 4096; // TLS and WebSocket handshakes in progress, in total
    ConnectionGate::Limits gate;      // its maxHandshakes is maxPendingConnections
    ClientConnection::Limits connection;
    int acceptRetryMs = 1000;     // out of file descriptors: accepting pauses this long
    int reservedDescriptors = 32; // of the open-file limit, kept for the database, logs and pipes

    /// Reads the keys present in `settings` over the current values. Returns false and sets `error` for a
    /// value that is present but unusable.
    bool load(QSettings &settings, QString *error);
    /// All rate limits off (tests and benchmarks).
    void disableRateLimits();
    /// The database to use: `database` (with databasePassword) or the platform default; std::nullopt with
    /// `error` when `database` is not a usable path or URL.
    std::optional<DatabaseLocation> resolvedDatabase(QString *error) const;
    /// Where natterd keeps its own files (its TLS certificate): beside an SQLite database, else the
    /// platform's data directory.
    QString dataDirectory() const;
    /// ioThreads, or the number of cores when it is 0.
    int resolvedIoThreads() const;
};

} // namespace Natter::Server
