// SPDX-License-Identifier: GPL-3.0-or-later
#include "testserver.h"

#include "testclient.h"

#include <QDebug>

namespace Natter::Test {

TestServer::TestServer()
{
    m_config.listenAddress = QHostAddress::LocalHost;
    m_config.port = 0;
    m_config.database = m_database.url();
    m_config.scrypt = {10, 8, 1};
    m_config.disableRateLimits();
    // Every test client comes from 127.0.0.1, and some tests pipeline thousands of requests: the
    // per-address and per-connection limits are lifted too, and the tests of each limit set it.
    m_config.gate.maxHandshakesPerAddress = 1'000'000;
    m_config.gate.maxConnectionsPerAddress = 1'000'000;
    m_config.connection.maxRequestsInFlight = 1'000'000;
    m_config.hashQueue = 1'000'000;
    m_config.hashQueuePerAddress = 1'000'000;
}

TestServer::~TestServer()
{
    stop();
}

QString TestServer::databasePath() const
{
    return m_database.location().path;
}

bool TestServer::start()
{
    if (!m_database.error().isEmpty()) {
        qWarning() << "no database for the test server:" << m_database.error();
        return false;
    }
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

bool TestServer::registerUsers(const QStringList &usernames)
{
    TestClient client;
    if (!client.open(m_url))
        return false;
    for (const QString &name : usernames) {
        const QString code = replyCode(client.registerUser(name));
        if (code != QLatin1String("ok")) {
            qWarning() << "could not register" << name << ":" << code;
            return false;
        }
    }
    return true;
}

} // namespace Natter::Test
