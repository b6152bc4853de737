// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaselocation.h"
#include "storage.h"

#include <QObject>
#include <atomic>
#include <functional>
#include <memory>

namespace Natter::Server {

/// Lives on the reader thread with its own read-only SQLite connection and runs the reads that are too slow
/// for the event loop (search), one at a time, in the order they were given. Each job's statements are
/// finished when it returns, so no read transaction stays open between jobs: every job sees what was
/// committed before it started (WAL), including the writes already acknowledged to clients.
class StorageReaderWorker : public QObject {
    Q_OBJECT
public:
    /// A read. Runs on the reader thread.
    using Job = std::function<void(Storage &)>;

    /// `stopping`: set by the reader (any thread) when it stops; jobs not started by then are dropped.
    StorageReaderWorker(DatabaseLocation database, QString connectionName,
                        std::shared_ptr<const std::atomic_bool> stopping);
    Q_DISABLE_COPY_MOVE(StorageReaderWorker)

    // These run on the reader thread.
    bool open(QString *error);
    void run(quint64 ticket, const Job &job);
    void close();

signals:
    /// The job of `ticket` has run, or was dropped.
    void finished(quint64 ticket);

private:
    DatabaseLocation m_database;
    QString m_connectionName;
    std::unique_ptr<Storage> m_storage;
    std::shared_ptr<const std::atomic_bool> m_stopping;
};

} // namespace Natter::Server
