// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputflusher.h"

#include "socketpeer.h"

namespace Natter::Server {

OutputFlusher::OutputFlusher(QObject *parent)
    : QObject(parent)
{}

void OutputFlusher::schedule(SocketPeer *peer)
{
    m_waiting.append(peer);
    if (m_scheduled)
        return;
    m_scheduled = true;
    // Posted: Qt sends the events posted before it first (a batch of committed messages), then this.
    QMetaObject::invokeMethod(this, &OutputFlusher::flushAll, Qt::QueuedConnection);
}

void OutputFlusher::forget(SocketPeer *peer)
{
    m_waiting.removeAll(peer);
}

void OutputFlusher::flushAll()
{
    m_scheduled = false;
    const QList<SocketPeer *> waiting = std::exchange(m_waiting, {});
    for (SocketPeer *peer : waiting)
        peer->flush();
}

} // namespace Natter::Server
