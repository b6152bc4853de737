// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requests.h"
#include "servercontext.h"
#include "user.h"

#include <QHash>
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
    void logoutAll(ClientConnection *connection, const QJsonValue &id, const LogoutAllRequest &request);
    void changePassword(ClientConnection *connection, const QJsonValue &id,
                        const ChangePasswordRequest &request);
    /// Deletes sessions unused for longer than the idle time (they already do not work).
    void removeIdleSessions();

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
    /// Signs out, at once and with a signed_out event, the user's connections whose token is not `keep`.
    void signOutOthers(qint64 userId, ClientConnection *except, const QString &keepTokenHash);
    qint64 sessionsUsedSinceMs() const;
    ProtocolError badCredentials() const;

    ServerContext &m_context;
    /// Tokens whose revocation is on its way to the disk: already dead for `resume`, so that no connection
    /// signs in with a token after its `logout` began.
    QSet<QString> m_revoking;
    /// Users whose every session is being revoked (logout_all, change_password): no resume meanwhile.
    QHash<qint64, int> m_revokingUsers;
};

} // namespace Natter::Server
