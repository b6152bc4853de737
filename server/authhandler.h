// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requests.h"
#include "servercontext.h"
#include "user.h"

namespace Natter::Server {

class ClientConnection;

/// register, login, resume, logout; and what signing in and out means for presence.
class AuthHandler {
public:
    explicit AuthHandler(ServerContext &context);

    void registerUser(ClientConnection *connection, const QJsonValue &id, const RegisterRequest &request);
    void login(ClientConnection *connection, const QJsonValue &id, const LoginRequest &request);
    void resume(ClientConnection *connection, const QJsonValue &id, const ResumeRequest &request);
    void logout(ClientConnection *connection, const QJsonValue &id, const LogoutRequest &request);

    /// Makes the connection unauthenticated; announces the user offline if it was the last connection.
    void signOut(ClientConnection *connection);

private:
    void signIn(ClientConnection *connection, const User &user, const QString &tokenHash);
    /// Creates a session; returns the token, empty on failure.
    QString startSession(qint64 userId, QString *tokenHash);
    void replySignedIn(ClientConnection *connection, const QJsonValue &id, const User &user);
    void announcePresence(const User &user, bool online);

    ServerContext &m_context;
};

} // namespace Natter::Server
