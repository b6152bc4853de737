// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requests.h"
#include "servercontext.h"
#include "user.h"

#include <QPointer>
#include <QSet>

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
    /// Stores a new session for the user, then signs the connection in and replies with user and token.
    void startSession(QPointer<ClientConnection> connection, const QJsonValue &id, const User &user);
    void replySignedIn(ClientConnection *connection, const QJsonValue &id, const User &user,
                       const QString &token, const QString &tokenHash);
    void signIn(ClientConnection *connection, const User &user, const QString &tokenHash);
    void announcePresence(const User &user, bool online);
    void upgradeHash(const QString &addressKey, qint64 userId, const QString &password);
    void hashQueueFull(ClientConnection *connection, const QJsonValue &id);

    ServerContext &m_context;
    /// Tokens whose revocation is on its way to the disk: already dead for `resume`, so that no connection
    /// signs in with a token after its `logout` began.
    QSet<QString> m_revoking;
};

} // namespace Natter::Server
