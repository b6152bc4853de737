// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlsserver.h"

#include <QSslSocket>

namespace Natter::Server {

TlsServer::TlsServer(QSslConfiguration configuration, QObject *parent)
    : QTcpServer(parent)
    , m_configuration(std::move(configuration))
{}

void TlsServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setSslConfiguration(m_configuration);
    addPendingConnection(socket);
}

} // namespace Natter::Server
