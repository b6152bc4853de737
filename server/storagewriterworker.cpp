// SPDX-License-Identifier: GPL-3.0-or-later
#include "storagewriterworker.h"

#include "database.h"
#include "logging.h"
#include "sqlstatement.h"
#include "storagewriter.h"

namespace Natter::Server {

StorageWriterWorker::StorageWriterWorker(StorageWriter *owner, QString databasePath, QString connectionName)
    : m_owner(owner)
    , m_databasePath(std::move(databasePath))
    , m_connectionName(std::move(connectionName))
{}

bool StorageWriterWorker::open(QString *error)
{
    const QSqlDatabase db = Database::open(m_databasePath, m_connectionName, error);
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
    const QList<Queued> batch = std::exchange(m_batch, {});
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
    // Prepared once and reused, like every statement of the writer: four of these run around every job.
    return m_storage && SqlStatement(m_storage->sql, sql).ok();
}

QList<quint64> StorageWriterWorker::commit(const QList<Queued> &batch)
{
    QList<quint64> succeeded;
    if (!m_storage || !exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        qCWarning(lcStorage) << "cannot begin a write transaction;" << batch.size() << "writes refused";
        return {};
    }
    for (const Queued &queued : batch) {
        if (!exec(QStringLiteral("SAVEPOINT job")))
            break;
        const qsizetype indexMark = m_storage->messages.indexMark();
        const bool ok = queued.job(*m_storage);
        bool intact = true;
        if (!ok) {
            intact = exec(QStringLiteral("ROLLBACK TO job"));
            m_storage->messages.dropIndexChangesAfter(indexMark);
        }
        // A savepoint that cannot be rolled back to or released means SQLite already rolled back the whole
        // transaction (a full disk, an I/O error): nothing of the batch is kept, index changes included.
        if (!intact || !exec(QStringLiteral("RELEASE job"))) {
            qCWarning(lcStorage) << "the write transaction was lost;" << batch.size() << "writes refused";
            m_storage->messages.dropIndexChangesAfter(0);
            exec(QStringLiteral("ROLLBACK"));
            return {};
        }
        if (ok)
            succeeded.append(queued.ticket);
    }
    if (m_storage->messages.flushIndex() && exec(QStringLiteral("COMMIT")))
        return succeeded;
    qCWarning(lcStorage) << "group commit of" << batch.size() << "writes failed; all of them are refused";
    exec(QStringLiteral("ROLLBACK"));
    return {};
}

void StorageWriterWorker::close()
{
    flush();
    m_storage.reset();
    Database::close(m_connectionName);
}

} // namespace Natter::Server
