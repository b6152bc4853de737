// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requests.h"
#include "responder.h"
#include "servercontext.h"
#include "user.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace Natter::Server {

class ClientConnection;

/// register, login, resume, logout, logout_all, change_password; and what signing in and out means for
/// presence. A QObject so that work finishing after it is gone (writes, hashes) calls nothing back.
class AuthHandler : public QObject {
    Q_OBJECT
public:
    explicit AuthHandler(ServerContext &context, QObject *parent = nullptr);

    void handle(ClientConnection *connection, const Responder &reply, const RegisterRequest &request);
    void handle(ClientConnection *connection, const Responder &reply, const LoginRequest &request);
    void handle(ClientConnection *connection, const Responder &reply, const ResumeRequest &request);
    void handle(ClientConnection *connection, const Responder &reply, const LogoutRequest &request);
    void handle(ClientConnection *connection, const Responder &reply, const LogoutAllRequest &request);
    void handle(ClientConnection *connection, const Responder &reply, const ChangePasswordRequest &request);
    /// Deletes sessions unused for longer than the idle time (they already do not work).
    void removeIdleSessions();

    /// Makes the connection unauthenticated; announces the user offline if it was the last connection.
    void signOut(ClientConnection *connection);
    /// Another instance revoked sessions of the user: signs out (with signed_out) each of the user's
    /// connections here whose session is gone.
    void signOutRevoked(qint64 userId);

private:
    /// Stores a new session for the user, then signs the connection in and replies with user and token.
    void startSession(const Responder &reply, const User &user);
    void replySignedIn(const Responder &reply, const User &user, const QString &token,
                       const QString &tokenHash);
    void signIn(ClientConnection *connection, const User &user, const QString &tokenHash);
    void announcePresence(const User &user, bool online);
    void revokedEverywhere(qint64 userId);
    void upgradeHash(const QString &addressKey, qint64 userId, const QString &password);
    void hashQueueFull(const QString &addressKey, const Responder &reply);
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
