// SPDX-License-Identifier: GPL-3.0-or-later
#include "ioworker.h"

#include "logging.h"
#include "outputflusher.h"
#include "socketpeer.h"

#include <QThread>
#include <QTimerEvent>

namespace Natter::Server {

IoWorker::IoWorker(int index, Settings settings, QObject *parent)
    : QObject(parent)
    , m_index(index)
    , m_settings(settings)
    , m_flusher(new OutputFlusher(this))
{}

void IoWorker::adopt(SocketPeer *peer)
{
    m_peers.insert(peer);
}

void IoWorker::run(const Command &command)
{
    SocketPeer *peer = command.peer;
    switch (command.kind) {
    case Command::Kind::Send:
        peer->sendWire(command.bytes);
        break;
    case Command::Kind::CloseForPolicy:
        peer->closeForPolicy(QWebSocketProtocol::CloseCode(command.closeCode),
                             QString::fromUtf8(command.bytes));
        break;
    case Command::Kind::Close:
        peer->close();
        break;
    case Command::Kind::Drop:
        m_peers.remove(peer);
        delete peer;
        break;
    }
}

void IoWorker::runBatch(const QList<Command> &commands)
{
    for (const Command &command : commands)
        run(command);
    // Written now rather than after the events queued meanwhile: the batch is this turn's work.
    m_flusher->flushAll();
}

void IoWorker::startSweep()
{
    m_sweep.start(m_settings.pingIntervalMs, this);
}

void IoWorker::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_sweep.timerId())
        sweep();
    else
        QObject::timerEvent(event);
}

void IoWorker::sweep()
{
    const QSet<SocketPeer *> peers = m_peers; // an abort can end in a Drop on this thread (no I/O threads)
    for (SocketPeer *peer : peers) {
        if (!m_peers.contains(peer))
            continue;
        if (peer->idleMs() > m_settings.idleTimeoutMs) {
            qCInfo(lcNet) << "dropping" << peer->peerAddress() << "after" << peer->idleMs()
                          << "ms without an answer";
            peer->abort(); // emits closed(): the main thread lets the connection go
        } else {
            peer->ping();
        }
    }
}

void IoWorker::shutdown(QThread *home)
{
    m_sweep.stop();
    m_flusher->flushAll();
    const QSet<SocketPeer *> peers = std::exchange(m_peers, {});
    for (SocketPeer *peer : peers) {
        peer->disconnect(); // nobody on the main thread hears of it any more
        peer->close();
        delete peer;
    }
    if (thread() != home)
        moveToThread(home);
}

} // namespace Natter::Server
