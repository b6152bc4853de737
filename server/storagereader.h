// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storagereaderworker.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Natter::Server {

/// The event loop's side of the reads too slow to run on it (full-text search: tens of milliseconds, at
/// times more than a hundred, on a large database). Hands them to one reader thread with its own read-only
/// connection and calls back on the event loop, in the order the reads were given.
///
/// One thread, not a pool: a search is CPU work in SQLite, and natterd also needs a core for the event loop
/// and one for the writer; searches are rate-limited per user, so a queue of them stays short, and a second
/// reader would mostly take CPU from the event loop it is meant to relieve.
class StorageReader : public QObject {
    Q_OBJECT
public:
    explicit StorageReader(DatabaseLocation database, QObject *parent = nullptr);
    ~StorageReader() override;
    Q_DISABLE_COPY_MOVE(StorageReader)

    /// Starts the thread and opens its connection; false with `error` when the database cannot be opened.
    bool start(QString *error);
    /// Waits for the read that is running, drops the ones queued and stops the thread. No callback is called
    /// after this, not even one already on its way.
    void stop();

    /// Runs `job` on the reader thread (capture by value: it runs there) in a read transaction of its own,
    /// which sees everything committed before it started; then, on this thread and unless `context` has
    /// been destroyed meanwhile, calls `done` with its result.
    template <typename T>
    void read(const QObject *context, std::function<T(Storage &)> job, std::function<void(const T &)> done)
    {
        auto result = std::make_shared<std::optional<T>>();
        run([job = std::move(job), result](Storage &storage) { *result = job(storage); },
            [context = QPointer<const QObject>(context), done = std::move(done), result] {
                if (context && *result)
                    done(**result);
            });
    }

    /// Reads given and not yet called back.
    int pending() const { return int(m_callbacks.size()); }
    /// Any thread: stop() has begun (or is done).
    bool isStopping() const { return *m_stopping; }

private:
    void run(StorageReaderWorker::Job job, std::function<void()> done);
    void deliver(quint64 ticket);

    QThread m_thread;
    StorageReaderWorker *m_worker = nullptr;
    const std::shared_ptr<std::atomic_bool> m_stopping = std::make_shared<std::atomic_bool>(false);
    QHash<quint64, std::function<void()>> m_callbacks;
    quint64 m_nextTicket = 1;
};

} // namespace Natter::Server
