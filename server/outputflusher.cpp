// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputflusher.h"

#include "clientconnection.h"

namespace Natter::Server {

OutputFlusher::OutputFlusher(QObject *parent)
    : QObject(parent)
{}

void OutputFlusher::schedule(ClientConnection *connection)
{
    m_waiting.append(connection);
    if (m_scheduled)
        return;
    m_scheduled = true;
    // Posted: Qt sends the events posted before it first (a batch of committed messages), then this.
    QMetaObject::invokeMethod(this, &OutputFlusher::flushAll, Qt::QueuedConnection);
}

void OutputFlusher::forget(ClientConnection *connection)
{
    m_waiting.removeAll(connection);
}

void OutputFlusher::flushAll()
{
    m_scheduled = false;
    const QList<ClientConnection *> waiting = std::exchange(m_waiting, {});
    for (ClientConnection *connection : waiting)
        connection->flush();
}

} // namespace Natter::Server
