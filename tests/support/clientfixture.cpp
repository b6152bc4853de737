// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientfixture.h"

namespace Natter::Test {

bool ClientFixture::setUp(const QStringList &usernames)
{
    m_server = std::make_unique<TestServer>();
    if (!m_server->start())
        return false;
    m_dir = std::make_unique<QTemporaryDir>();
    return m_server->registerUsers(usernames);
}

void ClientFixture::tearDown()
{
    m_server.reset();
    m_dir.reset();
}

} // namespace Natter::Test
