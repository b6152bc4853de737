// SPDX-License-Identifier: GPL-3.0-or-later
#include "testserver.h"

#include <QDebug>

namespace Natter::Test {

TestServer::TestServer()
{
    m_config.listenAddress = QHostAddress::LocalHost;
    m_config.port = 0;
    m_config.databasePath = databasePath();
    m_config.scrypt = {10, 8, 1};
    m_config.disableRateLimits();
}

TestServer::~TestServer()
{
    stop();
}

QString TestServer::databasePath() const
{
    return m_dir.filePath(QStringLiteral("natterd.sqlite"));
}

bool TestServer::start()
{
    m_server = std::make_unique<Server::ChatServer>(m_config);
    QString error;
    if (!m_server->start(&error)) {
        qWarning() << "test server failed to start:" << error;
        m_server.reset();
        return false;
    }
    m_url = m_server->url();
    return true;
}

bool TestServer::restart()
{
    // The port of the last start, so that clients reconnecting to the old URL find it again.
    stop();
    m_config.port = quint16(m_url.port(0));
    return start();
}

void TestServer::stop()
{
    m_server.reset();
}

} // namespace Natter::Test
