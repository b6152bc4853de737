// SPDX-License-Identifier: GPL-3.0-or-later
#include "storagewriter.h"

#include <QSet>

namespace Natter::Server {

StorageWriter::StorageWriter(DatabaseLocation database, QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("natter-writer"));
    m_worker = new StorageWriterWorker(this, std::move(database),
                                       QStringLiteral("natter-writer-%1").arg(quintptr(this), 0, 16));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
}

StorageWriter::~StorageWriter()
{
    stop();
    delete m_worker; // only still set when the thread never ran
}

bool StorageWriter::start(QString *error)
{
    m_thread.start();
    bool opened = false;
    QMetaObject::invokeMethod(
        m_worker, [&] { opened = m_worker->open(error); }, Qt::BlockingQueuedConnection);
    if (!opened)
        stop();
    return opened;
}

void StorageWriter::announceCommitsAs(const QString &instanceId)
{
    // The thread has not started: the worker reads this only once it has, after this write.
    if (!m_thread.isRunning() && m_worker)
        m_worker->announceCommitsAs(instanceId);
}

void StorageWriter::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(m_worker, &StorageWriterWorker::close, Qt::BlockingQueuedConnection);
    m_worker = nullptr; // deleted on the thread by its finished signal
    m_thread.quit();
    m_thread.wait();
    m_callbacks.clear();
}

void StorageWriter::run(Job job, Done done)
{
    const quint64 ticket = m_nextTicket++;
    m_callbacks.insert(ticket, std::move(done));
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, ticket, job = std::move(job)] { worker->enqueue(ticket, job); },
        Qt::QueuedConnection);
}

void StorageWriter::deliver(const QList<quint64> &tickets, const QList<quint64> &committed,
                            const QSet<qint64> &changedRooms)
{
    if (!changedRooms.isEmpty())
        emit membershipsChanged(changedRooms);
    ++m_batches;
    m_jobs += committed.size();
    const QSet<quint64> durable(committed.cbegin(), committed.cend());
    for (const quint64 ticket : tickets) {
        if (Done done = m_callbacks.take(ticket))
            done(durable.contains(ticket));
    }
}

} // namespace Natter::Server
