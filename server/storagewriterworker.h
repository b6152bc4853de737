// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaselocation.h"
#include "storage.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>
#include <optional>

namespace Natter::Server {

class StorageWriter;

/// Lives on the writer thread with its own database connection and runs every write natterd makes. Jobs
/// that queue up while a commit is running are committed together in one transaction (group commit: one disk
/// sync for many writes), each inside its own savepoint so that one failing job leaves the others alone. On
/// PostgreSQL, where a savepoint costs two round trips, the batch first runs as one and, only when a job
/// fails, again job by job; a job that loses a deadlock with another instance runs again in a new
/// transaction. So a job may run more than once, and must change nothing outside the database.
class StorageWriterWorker : public QObject {
    Q_OBJECT
public:
    /// A write. Runs on the writer thread; returns false when it failed and its changes must be undone.
    using Job = std::function<bool(Storage &)>;

    StorageWriterWorker(StorageWriter *owner, DatabaseLocation database, QString connectionName);

    // All of these run on the writer thread.
    bool open(QString *error);
    /// PostgreSQL shared by several instances: each commit also NOTIFYs ClusterBus::kChannel of the rooms
    /// whose messages or members it changed, as `instanceId`. Before start.
    void announceCommitsAs(const QString &instanceId) { m_instanceId = instanceId; }
    void enqueue(quint64 ticket, const Job &job);
    void flush();
    void close();

private:
    struct Queued {
        quint64 ticket;
        Job job;
    };
    /// Tickets of the jobs that are durable now.
    QList<quint64> commit(const QList<Queued> &batch);
    /// PostgreSQL: the batch in one go; nullopt when a job failed and nothing was kept.
    std::optional<QList<quint64>> commitWhole(const QList<Queued> &batch);
    /// Each job in a savepoint of its own: one that fails is undone alone.
    QList<quint64> commitEach(const QList<Queued> &batch);
    bool begin();
    /// Commits the transaction of `jobs` writes, or rolls it back and says so.
    bool finish(qsizetype jobs);
    bool exec(const QString &sql);
    /// In the transaction, so that it reaches the others only with the commit, and in commit order.
    bool announce();

    QPointer<StorageWriter> m_owner;
    DatabaseLocation m_database;
    QString m_connectionName;
    std::unique_ptr<Storage> m_storage;
    QList<Queued> m_batch;
    bool m_flushScheduled = false;
    QString m_instanceId;
};

} // namespace Natter::Server
