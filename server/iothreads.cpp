// SPDX-License-Identifier: GPL-3.0-or-later
#include "iothreads.h"

#include "socketpeer.h"

#include <QThread>

namespace Natter::Server {

IoThreads::IoThreads(int count, IoWorker::Settings settings, QObject *parent)
    : QObject(parent)
{
    count = std::max(1, count);
    for (int i = 0; i < count; ++i) {
        auto *worker = new IoWorker(i, settings);
        if (i > 0) {
            auto *thread = new QThread;
            thread->setObjectName(QStringLiteral("natter-io-%1").arg(i));
            worker->moveToThread(thread);
            thread->start();
            m_threads.append(thread);
        }
        QMetaObject::invokeMethod(worker, &IoWorker::startSweep, Qt::QueuedConnection);
        m_workers.append(worker);
    }
    m_batches.resize(count);
}

IoThreads::~IoThreads()
{
    stop();
}

IoWorker *IoThreads::next()
{
    IoWorker *worker = m_workers.at(m_next);
    m_next = (m_next + 1) % int(m_workers.size());
    return worker;
}

void IoThreads::adopt(IoWorker *worker, SocketPeer *peer)
{
    if (worker->thread() == thread()) {
        worker->adopt(peer);
        return;
    }
    m_waitingPeers.append({worker, peer});
    if (m_moveScheduled)
        return;
    m_moveScheduled = true;
    QMetaObject::invokeMethod(this, &IoThreads::moveWaitingPeers, Qt::QueuedConnection);
}

void IoThreads::moveWaitingPeers()
{
    m_moveScheduled = false;
    const auto waiting = std::exchange(m_waitingPeers, {});
    for (const auto &waitingPeer : waiting) {
        // Named, not a structured binding: clang 14 cannot capture those.
        IoWorker *worker = waitingPeer.first;
        SocketPeer *peer = waitingPeer.second;
        peer->moveToThread(worker->thread());
        // Posted directly, not batched: it then comes before any command for the peer.
        QMetaObject::invokeMethod(
            worker, [worker, peer] { worker->adopt(peer); }, Qt::QueuedConnection);
    }
    // The batches held back while peers waited (postBatches()) go now, behind the adopts.
    postBatches();
}

void IoThreads::post(IoWorker *worker, IoWorker::Command command)
{
    if (m_workers.isEmpty())
        return; // stopped: the peers are gone with their threads
    const int index = worker->index();
    if (index == 0) {
        worker->run(command);
        return;
    }
    m_batches[index].append(std::move(command));
    if (m_postScheduled)
        return;
    m_postScheduled = true;
    // After the events already queued: the rest of this turn's deliveries join the batch.
    QMetaObject::invokeMethod(this, &IoThreads::postBatches, Qt::QueuedConnection);
}

void IoThreads::postBatches()
{
    m_postScheduled = false;
    // Commands for a peer must find it on its thread, and a peer moves only once the QWebSocketServer calls
    // queued for it before its adopt() have run (moveWaitingPeers(), queued then). So while a peer waits,
    // every batch waits too: moveWaitingPeers() posts them behind the adopts.
    if (!m_waitingPeers.isEmpty())
        return;
    for (qsizetype i = 1; i < m_workers.size(); ++i) {
        if (m_batches[i].isEmpty())
            continue;
        IoWorker *worker = m_workers.at(i);
        QMetaObject::invokeMethod(
            worker, [worker, commands = std::exchange(m_batches[i], {})] { worker->runBatch(commands); },
            Qt::QueuedConnection);
    }
}

void IoThreads::stop()
{
    if (m_workers.isEmpty())
        return;
    moveWaitingPeers(); // and posts the batches
    QThread *home = thread();
    for (qsizetype i = 1; i < m_workers.size(); ++i) {
        IoWorker *worker = m_workers.at(i);
        // Blocking: the batches posted before it are carried out first (a thread's events keep their order).
        QMetaObject::invokeMethod(
            worker, [worker, home] { worker->shutdown(home); }, Qt::BlockingQueuedConnection);
        QThread *thread = m_threads.at(i - 1);
        thread->quit();
        thread->wait();
        delete thread;
    }
    m_workers.first()->shutdown(home);
    qDeleteAll(m_workers);
    m_workers.clear();
    m_threads.clear();
    m_batches.clear();
}

} // namespace Natter::Server
