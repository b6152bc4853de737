// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "servercontext.h"
#include "storagewriterworker.h"
#include "written.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThread>
#include <functional>
#include <memory>
#include <optional>

namespace Natter::Server {

/// The event loop's side of every database write: hands jobs to the writer thread and calls back, on the
/// event loop and in the order the jobs were given, once they are on disk (or have failed). The event
/// loop never waits for the disk.
class StorageWriter : public QObject {
    Q_OBJECT
public:
    using Job = StorageWriterWorker::Job;
    /// committed: the job succeeded and its transaction is durable.
    using Done = std::function<void(bool committed)>;

    explicit StorageWriter(DatabaseLocation database, QObject *parent = nullptr);
    ~StorageWriter() override;

    bool start(QString *error);
    /// Before start(): tell other instances of each commit (StorageWriterWorker::announceCommitsAs).
    void announceCommitsAs(const QString &instanceId);
    /// Commits what is queued, then stops the thread. Callbacks of that last batch are not called.
    void stop();
    /// Runs `job` on the writer thread (capture by value: it runs there), then `done` on this thread.
    void run(Job job, Done done);

    /// The way handlers write: `job` runs on the writer thread and gives back a result (kept) or a
    /// ProtocolError (its changes undone); then, on this thread and unless `context` has been destroyed
    /// meanwhile, `done` gets that result once it is durable, or the error: the job's own, or internal_error
    /// when the transaction could not be committed. A job may run more than once (its batch rolled back and
    /// run again, see StorageWriterWorker), so it touches nothing but `Storage` and what it captured by
    /// value; anything else belongs in `done`, which runs once.
    template <typename T>
    void write(const QObject *context, std::function<Written<T>(Storage &)> job,
               std::function<void(const Written<T> &)> done)
    {
        auto result = std::make_shared<std::optional<Written<T>>>();
        run(
            [job = std::move(job), result](Storage &storage) {
                *result = job(storage);
                return std::holds_alternative<T>(**result);
            },
            [context = QPointer<const QObject>(context), done = std::move(done), result](bool committed) {
                if (!context)
                    return;
                if (!committed && (!*result || std::holds_alternative<T>(**result)))
                    *result = Errors::internal();
                done(**result);
            });
    }

signals:
    /// After a commit and before its callbacks: the rooms whose members it may have changed.
    void membershipsChanged(const QSet<qint64> &rooms);

public:
    /// Transactions committed so far and the jobs they held (group commit shows as jobs > batches).
    qint64 batchesCommitted() const { return m_batches; }
    qint64 jobsCommitted() const { return m_jobs; }

private:
    friend class StorageWriterWorker;
    void deliver(const QList<quint64> &tickets, const QList<quint64> &committed,
                 const QSet<qint64> &changedRooms);

    QThread m_thread;
    StorageWriterWorker *m_worker = nullptr;
    QHash<quint64, Done> m_callbacks;
    quint64 m_nextTicket = 1;
    qint64 m_batches = 0;
    qint64 m_jobs = 0;
};

} // namespace Natter::Server
