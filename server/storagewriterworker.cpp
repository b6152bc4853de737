// SPDX-License-Identifier: GPL-3.0-or-later
#include "storagewriterworker.h"

#include "clusterbus.h"
#include "database.h"
#include "logging.h"
#include "sqlstatement.h"
#include "storagewriter.h"

namespace Natter::Server {

namespace {
// Measured with tst_messages' 10 000 pipelined sends on PostgreSQL 15 (see flush()): batches of 64, 128 and
// 256 took 8.9, 8.1 and 7.4 s.
constexpr qsizetype kPostgresBatch = 128;
// Jobs in one transaction when each has a savepoint: with 64, those 10 000 sends took 12 s; unbounded, 36 s.
constexpr qsizetype kPostgresSavepoints = 64;
// How often one batch commits early and runs a job again after a deadlock with another instance's writer.
constexpr int kConflictRetries = 3;
} // namespace

StorageWriterWorker::StorageWriterWorker(StorageWriter *owner, DatabaseLocation database,
                                         QString connectionName)
    : m_owner(owner)
    , m_database(std::move(database))
    , m_connectionName(std::move(connectionName))
{}

bool StorageWriterWorker::open(QString *error)
{
    const QSqlDatabase db = Database::open(m_database, m_connectionName, error);
    if (!db.isValid())
        return false;
    m_storage = std::make_unique<Storage>(db);
    // Each job runs in its own savepoint; the search index is written once per batch, after the last one.
    m_storage->messages.deferIndexing();
    return true;
}

void StorageWriterWorker::enqueue(quint64 ticket, const Job &job)
{
    m_batch.append({ticket, job});
    if (!m_flushScheduled) {
        // Posted behind the jobs already queued: everything that arrived before it joins this commit.
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &StorageWriterWorker::flush, Qt::QueuedConnection);
    }
}

void StorageWriterWorker::flush()
{
    m_flushScheduled = false;
    if (m_batch.isEmpty())
        return;
    // PostgreSQL: a bounded batch, which keeps a commit's notification small (ClusterBus::payload). Run job
    // by job (commitEach), each job's savepoint is a subtransaction, and every row that a job's foreign keys
    // lock (the room, the author) gathers one more locker per job in a MultiXact, which each later lock
    // reads whole: n jobs in one transaction cost O(n²) on the server, hence kPostgresSavepoints. SQLite has
    // no such cost.
    QList<Queued> batch;
    if (m_storage && m_storage->sql.isPostgres() && m_batch.size() > kPostgresBatch) {
        batch = m_batch.first(kPostgresBatch);
        m_batch.remove(0, kPostgresBatch);
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &StorageWriterWorker::flush, Qt::QueuedConnection);
    } else {
        batch = std::exchange(m_batch, {});
    }
    QList<quint64> tickets;
    tickets.reserve(batch.size());
    for (const Queued &queued : batch)
        tickets.append(queued.ticket);
    const QList<quint64> committed = commit(batch);
    const QSet<qint64> changedRooms = m_storage ? m_storage->rooms.takeChangedRooms() : QSet<qint64>();
    QPointer<StorageWriter> owner = m_owner;
    QMetaObject::invokeMethod(
        owner.data(),
        [owner, tickets, committed, changedRooms] {
            if (owner)
                owner->deliver(tickets, committed, changedRooms);
        },
        Qt::QueuedConnection);
}

bool StorageWriterWorker::exec(const QString &sql)
{
    // Prepared once and reused on SQLite, like every statement of the writer: four of these run around every
    // job.
    return m_storage && m_storage->sql.command(sql);
}

QList<quint64> StorageWriterWorker::commit(const QList<Queued> &batch)
{
    if (!m_storage || !m_storage->sql.isPostgres())
        return commitEach(batch);
    if (const auto whole = commitWhole(batch))
        return *whole;
    // Job by job, a transaction holds at most kPostgresSavepoints of them (see flush()).
    QList<quint64> committed;
    for (qsizetype at = 0; at < batch.size(); at += kPostgresSavepoints)
        committed += commitEach(batch.mid(at, kPostgresSavepoints));
    return committed;
}

std::optional<QList<quint64>> StorageWriterWorker::commitWhole(const QList<Queued> &batch)
{
    // On PostgreSQL each statement is a round trip to the server, and a savepoint per job costs two of a
    // send's six. So the batch runs first without them, as one; when a job fails, all of it is rolled back
    // and run again job by job, each in its savepoint. The one savepoint here is there to be released at the
    // end, which fails if a job ended the transaction. PostgreSQL itself never does (after an error it
    // refuses statements until ROLLBACK), unlike SQLite.
    if (!begin() || !exec(QStringLiteral("SAVEPOINT batch"))) {
        exec(QStringLiteral("ROLLBACK"));
        return std::nullopt;
    }
    QList<quint64> tickets;
    tickets.reserve(batch.size());
    for (const Queued &queued : batch) {
        if (!queued.job(*m_storage)) {
            m_storage->messages.dropIndexChangesAfter(0);
            exec(QStringLiteral("ROLLBACK"));
            return std::nullopt;
        }
        tickets.append(queued.ticket);
    }
    if (!exec(QStringLiteral("RELEASE batch"))) {
        qCWarning(lcStorage) << "the write transaction was lost;" << batch.size() << "writes refused";
        m_storage->messages.dropIndexChangesAfter(0);
        exec(QStringLiteral("ROLLBACK"));
        return QList<quint64>();
    }
    if (!finish(batch.size()))
        return QList<quint64>();
    return tickets;
}

QList<quint64> StorageWriterWorker::commitEach(const QList<Queued> &batch)
{
    QList<quint64> durable; // committed by an earlier transaction of this batch
    QList<quint64> succeeded;
    int conflicts = 0;
    if (!begin()) {
        qCWarning(lcStorage) << "cannot begin a write transaction;" << batch.size() << "writes refused";
        return {};
    }
    for (qsizetype i = 0; i < batch.size(); ++i) {
        if (!exec(QStringLiteral("SAVEPOINT job")))
            break;
        const qsizetype indexMark = m_storage->messages.indexMark();
        m_storage->sql.takeConflict();
        const bool ok = batch.at(i).job(*m_storage);
        bool intact = true;
        if (!ok) {
            intact = exec(QStringLiteral("ROLLBACK TO job"));
            m_storage->messages.dropIndexChangesAfter(indexMark);
        }
        // A savepoint that cannot be rolled back to or released means SQLite already rolled back the whole
        // transaction (a full disk, an I/O error): nothing of the batch is kept, index changes included.
        if (!intact || !exec(QStringLiteral("RELEASE job"))) {
            qCWarning(lcStorage) << "the write transaction was lost;" << batch.size() - durable.size()
                                 << "writes refused";
            m_storage->messages.dropIndexChangesAfter(0);
            exec(QStringLiteral("ROLLBACK"));
            return durable;
        }
        // PostgreSQL ended a deadlock with another instance's writer by failing this job. Run again in this
        // transaction, it would wait for the same locks again, held by the other writer, which waits for
        // the ones this transaction holds: so what succeeded so far is committed first, and the job runs
        // again in a new transaction, once the other writer has had the locks.
        if (!ok && m_storage->sql.takeConflict() && conflicts < kConflictRetries) {
            ++conflicts;
            qCInfo(lcStorage) << "a write met another instance's in a deadlock; committing"
                              << succeeded.size() << "and running it again";
            if (!finish(batch.size() - durable.size()))
                return durable;
            durable.append(std::exchange(succeeded, {}));
            if (!begin()) {
                qCWarning(lcStorage) << "cannot begin a write transaction;" << batch.size() - durable.size()
                                     << "writes refused";
                return durable;
            }
            --i;
            continue;
        }
        if (ok)
            succeeded.append(batch.at(i).ticket);
    }
    if (finish(batch.size() - durable.size()))
        durable.append(succeeded);
    return durable;
}

bool StorageWriterWorker::begin()
{
    // IMMEDIATE: SQLite takes the write lock now, not at the first write, where a busy database could
    // refuse a job half-way. PostgreSQL locks row by row; a job's first write to a room (its rev) holds
    // that room's row until the commit, which keeps message ids in commit order per room across instances.
    return m_storage &&
           exec(m_storage->sql.isPostgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"));
}

bool StorageWriterWorker::finish(qsizetype jobs)
{
    if (m_storage->messages.flushIndex() && announce() && exec(QStringLiteral("COMMIT")))
        return true;
    qCWarning(lcStorage) << "group commit of" << jobs << "writes failed; all of them are refused";
    exec(QStringLiteral("ROLLBACK"));
    return false;
}

bool StorageWriterWorker::announce()
{
    const QSet<qint64> messages = m_storage->messages.takeChangedRooms();
    const QSet<qint64> members = m_storage->rooms.changedRooms();
    if (m_instanceId.isEmpty() || (messages.isEmpty() && members.isEmpty()))
        return true;
    return m_storage->instances.notify(ClusterBus::kChannel,
                                       ClusterBus::payload(m_instanceId, messages, members));
}

void StorageWriterWorker::close()
{
    // More than one batch may be queued (PostgreSQL's are bounded): all of it is committed before closing.
    while (!m_batch.isEmpty())
        flush();
    m_storage.reset();
    Database::close(m_connectionName);
}

} // namespace Natter::Server
