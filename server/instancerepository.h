// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sqlconnection.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

namespace Natter::Server {

/// The natterd instances that share one PostgreSQL database and which users each holds connections of
/// (migration 0005, .postgresql). Times are the database server's clock, so the instances' clocks need not
/// agree. PostgreSQL only.
class InstanceRepository {
public:
    explicit InstanceRepository(SqlConnection db);

    /// Registers (or re-registers) the instance with a fresh heartbeat.
    bool add(const QString &instanceId);
    /// A heartbeat: true, false when the instance is not registered (the others took it for dead), or
    /// std::nullopt when the statement failed.
    std::optional<bool> beat(const QString &instanceId);
    struct Dead {
        QStringList instances;
        QSet<qint64> users; // online there
    };
    /// Removes the instances whose heartbeat is older than `deadAfterMs`, and their users. std::nullopt on
    /// failure.
    std::optional<Dead> removeDead(int deadAfterMs);
    /// Removes the instance and its users (a clean stop); the users that were online there.
    QSet<qint64> remove(const QString &instanceId);

    bool setOnline(const QString &instanceId, qint64 userId, bool online);
    /// Users online through instances other than `instanceId`; std::nullopt on failure.
    std::optional<QSet<qint64>> onlineElsewhere(const QString &instanceId, const QSet<qint64> &among = {});

    /// NOTIFY: outside a transaction it reaches the listeners at once, inside one with its commit.
    bool notify(const QString &channel, const QString &payload);

private:
    SqlConnection m_db;
};

} // namespace Natter::Server
