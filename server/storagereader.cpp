// SPDX-License-Identifier: GPL-3.0-or-later
#include "storagereader.h"

namespace Natter::Server {

StorageReader::StorageReader(DatabaseLocation database, QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("natter-reader"));
    m_worker = new StorageReaderWorker(
        std::move(database), QStringLiteral("natter-reader-%1").arg(quintptr(this), 0, 16), m_stopping);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &StorageReaderWorker::finished, this, &StorageReader::deliver, Qt::QueuedConnection);
}

StorageReader::~StorageReader()
{
    stop();
    delete m_worker; // only still set when the thread never ran
}

bool StorageReader::start(QString *error)
{
    m_thread.start();
    bool opened = false;
    QMetaObject::invokeMethod(
        m_worker, [&] { opened = m_worker->open(error); }, Qt::BlockingQueuedConnection);
    if (!opened)
        stop();
    return opened;
}

void StorageReader::stop()
{
    if (!m_thread.isRunning())
        return;
    m_callbacks.clear();
    *m_stopping = true;
    // Behind the queued reads, which are dropped now: this waits for the one running at most.
    QMetaObject::invokeMethod(m_worker, &StorageReaderWorker::close, Qt::BlockingQueuedConnection);
    m_worker = nullptr; // deleted on the thread by its finished signal
    m_thread.quit();
    m_thread.wait();
}

void StorageReader::run(StorageReaderWorker::Job job, std::function<void()> done)
{
    if (!m_worker)
        return; // stopped: nothing runs, nothing is called back
    const quint64 ticket = m_nextTicket++;
    m_callbacks.insert(ticket, std::move(done));
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, ticket, job = std::move(job)] { worker->run(ticket, job); },
        Qt::QueuedConnection);
}

void StorageReader::deliver(quint64 ticket)
{
    if (std::function<void()> done = m_callbacks.take(ticket))
        done();
}

} // namespace Natter::Server
