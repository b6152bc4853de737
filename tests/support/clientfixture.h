// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testserver.h"

#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace Natter::Test {

/// What each widget test starts from: the real server, started, with its users registered, and a fresh
/// directory for the clients' profiles. A test class derives from it, calls setUp() in init() and tearDown()
/// in cleanup(), and reaches the two through m_server and m_dir.
class ClientFixture {
protected:
    /// A new server and directory, with each of `usernames` registered with the password "password123";
    /// false (and a qWarning) when the server does not start or a user cannot be registered.
    bool setUp(const QStringList &usernames);
    /// The server first, then the directory it may have written in.
    void tearDown();

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace Natter::Test
