// SPDX-License-Identifier: GPL-3.0-or-later
#include "authhandler.h"

#include "clientconnection.h"
#include "frames.h"
#include "hashingpool.h"
#include "logging.h"
#include "presencetracker.h"
#include "ratelimiter.h"
#include "securerandom.h"
#include "storage.h"

#include <QCoreApplication>
#include <QPointer>

namespace Natter::Server {

namespace {
ProtocolError usernameTaken()
{
    return {ErrorCode::UsernameTaken, QCoreApplication::translate("Server", "That username is taken.")};
}
} // namespace

AuthHandler::AuthHandler(ServerContext &context)
    : m_context(context)
{}

void AuthHandler::registerUser(ClientConnection *connection, const QJsonValue &id,
                               const RegisterRequest &request)
{
    if (const qint64 wait = m_context.registerLimiter.take(connection->peerAddress()))
        return connection->replyError(id, Errors::rateLimited(wait));
    // Checked before hashing too, so a taken name answers at once; the insert's constraint stays the judge.
    if (m_context.storage.users.findByUsername(request.username))
        return connection->replyError(id, usernameTaken());

    QPointer<ClientConnection> guard(connection);
    const QString username = request.username;
    m_context.hashing.hash(request.password, [this, guard, id, username](const QString &phc) {
        if (phc.isEmpty()) {
            if (guard)
                guard->replyError(id, Errors::internal());
            return;
        }
        User user;
        switch (m_context.storage.users.create(username, phc, &user)) {
        case UserRepository::CreateStatus::UsernameTaken:
            if (guard)
                guard->replyError(id, usernameTaken());
            return;
        case UserRepository::CreateStatus::Failed:
            if (guard)
                guard->replyError(id, Errors::internal());
            return;
        case UserRepository::CreateStatus::Created:
            break;
        }
        qCInfo(lcAuth) << "registered user" << user.id;
        if (guard)
            replySignedIn(guard, id, user);
    });
}

void AuthHandler::login(ClientConnection *connection, const QJsonValue &id, const LoginRequest &request)
{
    if (const qint64 wait = m_context.loginLimiter.take(connection->peerAddress()))
        return connection->replyError(id, Errors::rateLimited(wait));
    const auto account = m_context.storage.users.findByUsername(request.username);
    QPointer<ClientConnection> guard(connection);
    const QString password = request.password;
    m_context.hashing.verify(
        password, account ? account->passwordHash : QString(),
        [this, guard, id, account, password](bool ok, bool needsRehash) {
            if (!ok) {
                if (guard)
                    guard->replyError(id,
                                      {ErrorCode::BadCredentials,
                                       QCoreApplication::translate("Server", "Wrong username or password.")});
                return;
            }
            if (needsRehash) {
                const qint64 userId = account->user.id;
                m_context.hashing.hash(password, [this, userId](const QString &phc) {
                    if (!phc.isEmpty() && m_context.storage.users.updatePasswordHash(userId, phc))
                        qCInfo(lcAuth) << "upgraded password hash of user" << userId;
                });
            }
            if (guard)
                replySignedIn(guard, id, account->user);
        });
}

void AuthHandler::resume(ClientConnection *connection, const QJsonValue &id, const ResumeRequest &request)
{
    const QString tokenHash = SecureRandom::tokenHash(request.token);
    const auto userId = m_context.storage.sessions.userFor(tokenHash);
    const auto user = userId ? m_context.storage.users.findById(*userId) : std::nullopt;
    if (!user) {
        return connection->replyError(
            id, {ErrorCode::InvalidToken,
                 QCoreApplication::translate("Server", "That session has ended; sign in again.")});
    }
    signIn(connection, *user, tokenHash);
    connection->reply(id, {{QLatin1String("user"), user->toJson()}});
}

void AuthHandler::logout(ClientConnection *connection, const QJsonValue &id, const LogoutRequest &)
{
    const QString tokenHash = connection->tokenHash();
    m_context.storage.sessions.remove(tokenHash);
    const QList<ClientConnection *> sameUser = m_context.presence.connectionsOf(connection->user().id);
    for (ClientConnection *other : sameUser) {
        if (other != connection && other->tokenHash() == tokenHash) {
            signOut(other);
            other->sendFrame(Frames::signedOutEvent());
        }
    }
    signOut(connection);
    connection->reply(id);
}

void AuthHandler::replySignedIn(ClientConnection *connection, const QJsonValue &id, const User &user)
{
    QString tokenHash;
    const QString token = startSession(user.id, &tokenHash);
    if (token.isEmpty())
        return connection->replyError(id, Errors::internal());
    signIn(connection, user, tokenHash);
    connection->reply(id, {{QLatin1String("user"), user.toJson()}, {QLatin1String("token"), token}});
}

QString AuthHandler::startSession(qint64 userId, QString *tokenHash)
{
    const QString token = SecureRandom::token();
    *tokenHash = SecureRandom::tokenHash(token);
    return m_context.storage.sessions.create(*tokenHash, userId) ? token : QString();
}

void AuthHandler::signIn(ClientConnection *connection, const User &user, const QString &tokenHash)
{
    signOut(connection); // a connection is one user at a time
    connection->setIdentity(user, tokenHash);
    if (m_context.presence.add(user.id, connection))
        announcePresence(user, true);
}

void AuthHandler::signOut(ClientConnection *connection)
{
    if (!connection->isAuthenticated())
        return;
    const User user = connection->user();
    connection->clearIdentity();
    if (m_context.presence.remove(user.id, connection))
        announcePresence(user, false);
}

void AuthHandler::announcePresence(const User &user, bool online)
{
    m_context.presence.deliver(m_context.storage.rooms.coMemberIds(user.id),
                               Frames::serialize(Frames::presenceEvent(user, online)));
}

} // namespace Natter::Server
