// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagewriter.h"

namespace Natter::Server {

MessageWriter::MessageWriter(QString databasePath, QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("natter-writer"));
    m_worker = new MessageWriterWorker(this, std::move(databasePath),
                                       QStringLiteral("natter-writer-%1").arg(quintptr(this), 0, 16));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
}

MessageWriter::~MessageWriter()
{
    stop();
    if (!m_thread.isRunning())
        delete m_worker; // never started: the thread will not delete it
}

bool MessageWriter::start(QString *error)
{
    m_thread.start();
    bool opened = false;
    QMetaObject::invokeMethod(
        m_worker, [&] { opened = m_worker->open(error); }, Qt::BlockingQueuedConnection);
    if (!opened)
        stop();
    return opened;
}

void MessageWriter::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(m_worker, &MessageWriterWorker::close, Qt::BlockingQueuedConnection);
    m_worker = nullptr; // deleted by the thread's finished signal
    m_thread.quit();
    m_thread.wait();
    m_callbacks.clear();
}

void MessageWriter::submit(qint64 room, const User &author, const QString &text, const QString &clientId,
                           Callback done)
{
    const quint64 ticket = m_nextTicket++;
    m_callbacks.insert(ticket, std::move(done));
    const MessageWriterWorker::Pending pending{ticket, room, author, text, clientId};
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, pending] { worker->enqueue(pending); }, Qt::QueuedConnection);
}

void MessageWriter::deliver(const QList<Outcome> &outcomes, qsizetype batchSize)
{
    ++m_batches;
    m_messages += batchSize;
    for (const Outcome &outcome : outcomes) {
        if (Callback callback = m_callbacks.take(outcome.ticket))
            callback(outcome);
    }
}

} // namespace Natter::Server
