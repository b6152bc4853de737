// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverconfig.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QThread>

namespace Natter::Server {

namespace {

bool readInt(QSettings &settings, const QString &key, int minimum, int maximum, int *out, QString *error)
{
    if (!settings.contains(key))
        return true;
    bool ok = false;
    const int value = settings.value(key).toInt(&ok);
    if (!ok || value < minimum || value > maximum) {
        *error = QStringLiteral("%1 must be a whole number from %2 to %3").arg(key).arg(minimum).arg(maximum);
        return false;
    }
    *out = value;
    return true;
}

bool readRule(QSettings &settings, const QString &name, RateLimiter::Rule *rule, QString *error)
{
    int perMinute = int(rule->perMinute);
    if (!readInt(settings, QStringLiteral("limits/%1_burst").arg(name), 0, 1'000'000, &rule->burst, error) ||
        !readInt(settings, QStringLiteral("limits/%1_per_minute").arg(name), 0, 60'000'000, &perMinute,
                 error))
        return false;
    rule->perMinute = perMinute;
    return true;
}

bool readOutgoingCap(QSettings &settings, qint64 *out, QString *error)
{
    int kib = int(*out / 1024);
    if (!readInt(settings, QStringLiteral("connections/max_outgoing_kib"), 64, 1024 * 1024, &kib, error))
        return false;
    *out = qint64(kib) * 1024;
    return true;
}

} // namespace

bool ServerConfig::load(QSettings &settings, QString *error)
{
    if (settings.contains(QStringLiteral("server/listen"))) {
        const QString address = settings.value(QStringLiteral("server/listen")).toString();
        if (!listenAddress.setAddress(address)) {
            *error = QStringLiteral("server/listen is not an IP address: %1").arg(address);
            return false;
        }
    }
    int portValue = port;
    if (!readInt(settings, QStringLiteral("server/port"), 0, 65535, &portValue, error))
        return false;
    port = quint16(portValue);
    // QSettings reads an unquoted value with a comma as a list, whose toString() is empty: natterd would
    // then quietly use its default SQLite file, or no password.
    for (const char *key : {"server/database", "server/database_password"}) {
        if (settings.value(QLatin1String(key)).typeId() == QMetaType::QStringList) {
            *error =
                QStringLiteral("%1 holds a comma: put the value in double quotes").arg(QLatin1String(key));
            return false;
        }
    }
    if (settings.contains(QStringLiteral("server/database"))) {
        database = settings.value(QStringLiteral("server/database")).toString();
        if (!DatabaseLocation::parse(database, error))
            return false;
    }
    if (settings.contains(QStringLiteral("server/database_password")))
        databasePassword = settings.value(QStringLiteral("server/database_password")).toString();
    if (settings.contains(QStringLiteral("tls/mode"))) {
        const QString mode = settings.value(QStringLiteral("tls/mode")).toString().trimmed().toLower();
        if (mode == QLatin1String("auto")) {
            tlsMode = TlsMode::Auto;
        } else if (mode == QLatin1String("on")) {
            tlsMode = TlsMode::On;
        } else if (mode == QLatin1String("off")) {
            tlsMode = TlsMode::Off;
        } else {
            *error = QStringLiteral("tls/mode must be auto, on or off, not %1").arg(mode);
            return false;
        }
    }
    if (settings.contains(QStringLiteral("tls/certificate")))
        tlsCertificate = settings.value(QStringLiteral("tls/certificate")).toString();
    if (settings.contains(QStringLiteral("tls/private_key")))
        tlsPrivateKey = settings.value(QStringLiteral("tls/private_key")).toString();
    if (tlsMode == TlsMode::On && (tlsCertificate.isEmpty() || tlsPrivateKey.isEmpty())) {
        *error = QStringLiteral("tls/mode=on needs tls/certificate and tls/private_key");
        return false;
    }
    if (settings.contains(QStringLiteral("server/shared_database")))
        sharedDatabase = settings.value(QStringLiteral("server/shared_database")).toBool();
    if (!readInt(settings, QStringLiteral("server/instance_heartbeat_ms"), 100, 60'000, &instanceHeartbeatMs,
                 error) ||
        !readInt(settings, QStringLiteral("server/instance_dead_after_ms"), 300, 600'000,
                 &instanceDeadAfterMs, error))
        return false;
    if (instanceDeadAfterMs < 2 * instanceHeartbeatMs) {
        *error = QStringLiteral("server/instance_dead_after_ms must be at least twice instance_heartbeat_ms");
        return false;
    }
    if (settings.contains(QStringLiteral("server/integrity_check")))
        integrityCheck = settings.value(QStringLiteral("server/integrity_check")).toBool();
    if (!readInt(settings, QStringLiteral("server/io_threads"), 0, 256, &ioThreads, error))
        return false;

    if (!readInt(settings, QStringLiteral("security/scrypt_ln"), 10, 22, &scrypt.logN, error) ||
        !readInt(settings, QStringLiteral("security/scrypt_r"), 1, 32, &scrypt.r, error) ||
        !readInt(settings, QStringLiteral("security/scrypt_p"), 1, 16, &scrypt.p, error) ||
        !readInt(settings, QStringLiteral("security/hash_threads"), 1, 64, &hashThreads, error) ||
        !readInt(settings, QStringLiteral("security/hash_queue"), 1, 100'000, &hashQueue, error) ||
        !readInt(settings, QStringLiteral("security/session_idle_days"), 1, 3650, &sessionIdleDays, error) ||
        !readInt(settings, QStringLiteral("security/hash_queue_per_address"), 1, 100'000,
                 &hashQueuePerAddress, error))
        return false;
    if (settings.contains(QStringLiteral("server/trusted_proxies"))) {
        trustedProxies.clear();
        // QSettings splits an unquoted value at commas into a list.
        QStringList entries = settings.value(QStringLiteral("server/trusted_proxies")).toStringList();
        if (entries.size() == 1)
            entries = entries.first().split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &entry : std::as_const(entries)) {
            QString text = entry.trimmed();
            if (text.isEmpty())
                continue;
            if (!text.contains(QLatin1Char('/')))
                text += QHostAddress(text).protocol() == QAbstractSocket::IPv6Protocol
                            ? QStringLiteral("/128")
                            : QStringLiteral("/32");
            const auto subnet = QHostAddress::parseSubnet(text);
            if (subnet.first.isNull()) {
                *error = QStringLiteral("server/trusted_proxies: not an address or subnet: %1").arg(entry);
                return false;
            }
            trustedProxies.append(subnet);
        }
    }

    if (settings.contains(QStringLiteral("limits/enabled")) &&
        !settings.value(QStringLiteral("limits/enabled")).toBool())
        disableRateLimits();
    if (!readRule(settings, QStringLiteral("login"), &loginLimit, error) ||
        !readRule(settings, QStringLiteral("register"), &registerLimit, error) ||
        !readRule(settings, QStringLiteral("join"), &joinLimit, error) ||
        !readRule(settings, QStringLiteral("send"), &sendLimit, error) ||
        !readRule(settings, QStringLiteral("login_account"), &loginAccountLimit, error) ||
        !readRule(settings, QStringLiteral("join_failure"), &joinFailureLimit, error) ||
        !readRule(settings, QStringLiteral("join_global"), &joinGlobalLimit, error) ||
        !readRule(settings, QStringLiteral("history"), &historyLimit, error) ||
        !readRule(settings, QStringLiteral("create_room"), &createRoomLimit, error) ||
        !readRule(settings, QStringLiteral("typing"), &typingLimit, error) ||
        !readRule(settings, QStringLiteral("read"), &readLimit, error) ||
        !readRule(settings, QStringLiteral("search"), &searchLimit, error) ||
        !readInt(settings, QStringLiteral("limits/max_rooms_per_user"), 1, 1'000'000, &maxRoomsPerUser,
                 error) ||
        !readInt(settings, QStringLiteral("limits/max_room_members"), 2, 1'000'000, &maxRoomMembers, error))
        return false;

    return readInt(settings, QStringLiteral("connections/ping_interval_ms"), 100, 3'600'000, &pingIntervalMs,
                   error) &&
           readInt(settings, QStringLiteral("connections/idle_timeout_ms"), 200, 7'200'000, &idleTimeoutMs,
                   error) &&
           readInt(settings, QStringLiteral("connections/listen_backlog"), 1, 65535, &listenBacklog, error) &&
           readInt(settings, QStringLiteral("connections/max_pending"), 1, 1'000'000, &maxPendingConnections,
                   error) &&
           readInt(settings, QStringLiteral("connections/handshake_timeout_ms"), 100, 600'000,
                   &gate.handshakeTimeoutMs, error) &&
           readInt(settings, QStringLiteral("connections/max_handshakes_per_address"), 1, 1'000'000,
                   &gate.maxHandshakesPerAddress, error) &&
           readInt(settings, QStringLiteral("connections/max_per_address"), 1, 1'000'000,
                   &gate.maxConnectionsPerAddress, error) &&
           readInt(settings, QStringLiteral("connections/auth_timeout_ms"), 100, 3'600'000,
                   &connection.authTimeoutMs, error) &&
           readInt(settings, QStringLiteral("connections/max_requests_in_flight"), 1, 100'000,
                   &connection.maxRequestsInFlight, error) &&
           readOutgoingCap(settings, &connection.maxOutgoingBytes, error) &&
           readInt(settings, QStringLiteral("connections/accept_retry_ms"), 10, 60'000, &acceptRetryMs,
                   error) &&
           readInt(settings, QStringLiteral("connections/reserved_descriptors"), 24, 100'000,
                   &reservedDescriptors, error);
}

void ServerConfig::disableRateLimits()
{
    loginLimit = loginAccountLimit = registerLimit = joinLimit = joinFailureLimit = joinGlobalLimit =
        sendLimit = historyLimit = createRoomLimit = typingLimit = readLimit = searchLimit =
            RateLimiter::Rule{0, 0};
}

int ServerConfig::resolvedIoThreads() const
{
    return ioThreads > 0 ? ioThreads : std::max(1, QThread::idealThreadCount());
}

std::optional<DatabaseLocation> ServerConfig::resolvedDatabase(QString *error) const
{
    if (database.isEmpty()) {
        return DatabaseLocation::sqlite(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                        QStringLiteral("/natterd.sqlite"));
    }
    auto location = DatabaseLocation::parse(database, error);
    if (location && location->isPostgres())
        location->password = databasePassword;
    return location;
}

QString ServerConfig::dataDirectory() const
{
    QString ignored;
    const auto location = resolvedDatabase(&ignored);
    if (location && !location->isPostgres())
        return QFileInfo(location->path).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

} // namespace Natter::Server
