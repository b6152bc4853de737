// SPDX-License-Identifier: GPL-3.0-or-later
#include "authhandler.h"

#include "abuselog.h"
#include "clientconnection.h"
#include "frames.h"
#include "hashingpool.h"
#include "logging.h"
#include "presencetracker.h"
#include "ratelimiters.h"
#include "securerandom.h"
#include "serverconfig.h"
#include "storage.h"
#include "storagewriter.h"
#include "validation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <memory>

namespace Natter::Server {

namespace {
constexpr qint64 kHashQueueRetryMs = 1000; // about two hashes at the default cost

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
    if (const qint64 wait = m_context.limits.registration.take(connection->limitKey())) {
        m_context.abuse.report(connection->limitKey(), QStringLiteral("register rate-limited"));
        return connection->replyError(id, Errors::rateLimited(wait));
    }
    // Checked before hashing too, so a taken name answers at once; the insert's constraint stays the judge.
    if (m_context.storage.users.findByUsername(request.username))
        return connection->replyError(id, usernameTaken());

    QPointer<ClientConnection> guard(connection);
    const QString username = request.username;
    const bool queued = m_context.hashing.hash(
        connection->limitKey(), request.password, [this, guard, id, username](const QString &phc) {
            if (phc.isEmpty()) {
                if (guard)
                    guard->replyError(id, Errors::internal());
                return;
            }
            const QString token = SecureRandom::token();
            const QString tokenHash = SecureRandom::tokenHash(token);
            auto status =
                std::make_shared<UserRepository::CreateStatus>(UserRepository::CreateStatus::Failed);
            auto user = std::make_shared<User>();
            m_context.writer.run(
                [username, phc, tokenHash, status, user](Storage &storage) {
                    *status = storage.users.create(username, phc, user.get());
                    return *status == UserRepository::CreateStatus::Created &&
                           storage.sessions.create(tokenHash, user->id);
                },
                [this, guard, id, status, user, token, tokenHash](bool committed) {
                    if (!committed) {
                        if (guard)
                            guard->replyError(id, *status == UserRepository::CreateStatus::UsernameTaken
                                                      ? usernameTaken()
                                                      : Errors::internal());
                        return;
                    }
                    qCInfo(lcAuth) << "registered user" << user->id;
                    if (guard)
                        replySignedIn(guard, id, *user, token, tokenHash);
                });
        });
    if (!queued)
        hashQueueFull(connection, id);
}

void AuthHandler::login(ClientConnection *connection, const QJsonValue &id, const LoginRequest &request)
{
    // Attempts per address, and failures per account: many addresses together cannot guess one password
    // faster than the account limit, and one address cannot try many accounts faster than its own.
    const QString accountKey = Validation::usernameKey(request.username);
    qint64 wait = m_context.limits.login.take(connection->limitKey());
    // Taken before hashing and given back on success: attempts in flight count too, so concurrent guesses
    // from many addresses cannot pass the account's limit before the first failure is known.
    if (!wait)
        wait = m_context.limits.loginAccount.take(accountKey);
    if (wait) {
        m_context.abuse.report(connection->limitKey(), QStringLiteral("login rate-limited"));
        return connection->replyError(id, Errors::rateLimited(wait));
    }
    const auto account = m_context.storage.users.findByUsername(request.username);
    QPointer<ClientConnection> guard(connection);
    const QString password = request.password;
    const QString addressKey = connection->limitKey();
    const bool queued = m_context.hashing.verify(
        addressKey, password, account ? account->passwordHash : QString(),
        [this, guard, id, account, password, accountKey, addressKey](bool ok, bool needsRehash) {
            if (!ok) {
                m_context.abuse.report(addressKey, QStringLiteral("failed sign-in"));
                if (guard)
                    guard->replyError(id, badCredentials());
                return;
            }
            m_context.limits.loginAccount.refund(accountKey);
            if (needsRehash)
                upgradeHash(addressKey, account->user.id, password);
            if (guard)
                startSession(guard, id, account->user);
        });
    if (!queued) {
        m_context.limits.loginAccount.refund(accountKey);
        hashQueueFull(connection, id);
    }
}

void AuthHandler::upgradeHash(const QString &addressKey, qint64 userId, const QString &password)
{
    // Best effort: with the queue full, the upgrade waits for the next sign-in.
    m_context.hashing.hash(addressKey, password, [this, userId](const QString &phc) {
        if (phc.isEmpty())
            return;
        m_context.writer.run(
            [userId, phc](Storage &storage) { return storage.users.updatePasswordHash(userId, phc); },
            [userId](bool committed) {
                if (committed)
                    qCInfo(lcAuth) << "upgraded the password hash of user" << userId;
            });
    });
}

void AuthHandler::hashQueueFull(ClientConnection *connection, const QJsonValue &id)
{
    m_context.abuse.report(connection->limitKey(), QStringLiteral("password-hash queue full"));
    connection->replyError(id, Errors::rateLimited(kHashQueueRetryMs));
}

void AuthHandler::resume(ClientConnection *connection, const QJsonValue &id, const ResumeRequest &request)
{
    const QString tokenHash = SecureRandom::tokenHash(request.token);
    const auto userId = m_revoking.contains(tokenHash)
                            ? std::nullopt
                            : m_context.storage.sessions.userFor(tokenHash, sessionsUsedSinceMs());
    const auto user = userId && !m_revokingUsers.contains(*userId) ? m_context.storage.users.findById(*userId)
                                                                   : std::nullopt;
    if (!user) {
        return connection->replyError(
            id, {ErrorCode::InvalidToken,
                 QCoreApplication::translate("Server", "That session has ended; sign in again.")});
    }
    signIn(connection, *user, tokenHash);
    connection->reply(id, {{QLatin1String("user"), user->toJson()}});
    // The idle clock starts again; nothing waits for it.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_context.writer.run(
        [tokenHash, now](Storage &storage) { return storage.sessions.touch(tokenHash, now); }, [](bool) {});
}

void AuthHandler::logoutAll(ClientConnection *connection, const QJsonValue &id, const LogoutAllRequest &)
{
    const qint64 userId = connection->user().id;
    signOutOthers(userId, connection, QString());
    signOut(connection);
    ++m_revokingUsers[userId];
    QPointer<ClientConnection> guard(connection);
    m_context.writer.run([userId](Storage &storage) { return storage.sessions.removeAllOf(userId); },
                         [this, guard, id, userId](bool committed) {
                             if (--m_revokingUsers[userId] <= 0)
                                 m_revokingUsers.remove(userId);
                             qCInfo(lcAuth) << "user" << userId << "signed out everywhere";
                             if (!guard)
                                 return;
                             if (committed)
                                 guard->reply(id);
                             else
                                 guard->replyError(id, Errors::internal());
                         });
}

void AuthHandler::changePassword(ClientConnection *connection, const QJsonValue &id,
                                 const ChangePasswordRequest &request)
{
    const User user = connection->user();
    const QString accountKey = Validation::usernameKey(user.username);
    if (const qint64 wait = m_context.limits.loginAccount.peek(accountKey)) {
        m_context.abuse.report(connection->limitKey(), QStringLiteral("change_password rate-limited"));
        return connection->replyError(id, Errors::rateLimited(wait));
    }
    const auto account = m_context.storage.users.findByUsername(user.username);
    if (!account)
        return connection->replyError(id, Errors::internal());
    QPointer<ClientConnection> guard(connection);
    const QString addressKey = connection->limitKey();
    const QString replacement = request.newPassword;
    const bool queued = m_context.hashing.verify(
        addressKey, request.currentPassword, account->passwordHash,
        [this, guard, id, user, accountKey, addressKey, replacement](bool ok, bool) {
            if (!guard)
                return;
            if (!ok) {
                m_context.limits.loginAccount.take(accountKey);
                m_context.abuse.report(addressKey, QStringLiteral("failed password check"));
                return guard->replyError(id, badCredentials());
            }
            const bool hashing =
                m_context.hashing.hash(addressKey, replacement, [this, guard, id, user](const QString &phc) {
                    if (!guard)
                        return;
                    if (phc.isEmpty())
                        return guard->replyError(id, Errors::internal());
                    const QString keep = guard->tokenHash();
                    signOutOthers(user.id, guard, keep);
                    ++m_revokingUsers[user.id];
                    m_context.writer.run(
                        [user, phc, keep](Storage &storage) {
                            return storage.users.updatePasswordHash(user.id, phc) &&
                                   storage.sessions.removeAllOf(user.id, keep);
                        },
                        [this, guard, id, user, keep](bool committed) {
                            if (--m_revokingUsers[user.id] <= 0)
                                m_revokingUsers.remove(user.id);
                            if (committed)
                                qCInfo(lcAuth) << "user" << user.id << "changed their password";
                            if (!guard)
                                return;
                            if (!committed)
                                return guard->replyError(id, Errors::internal());
                            guard->reply(id); // this connection's session was spared
                        });
                });
            if (!hashing)
                hashQueueFull(guard, id);
        });
    if (!queued)
        hashQueueFull(connection, id);
}

void AuthHandler::signOutOthers(qint64 userId, ClientConnection *except, const QString &keepTokenHash)
{
    const QList<ClientConnection *> connections = m_context.presence.connectionsOf(userId);
    for (ClientConnection *other : connections) {
        if (other == except || (!keepTokenHash.isEmpty() && other->tokenHash() == keepTokenHash))
            continue;
        signOut(other);
        other->sendFrame(Frames::signedOutEvent());
    }
}

void AuthHandler::removeIdleSessions()
{
    const qint64 cutoff = sessionsUsedSinceMs();
    auto removed = std::make_shared<int>(0);
    m_context.writer.run(
        [cutoff, removed](Storage &storage) {
            *removed = storage.sessions.removeIdle(cutoff);
            return *removed >= 0;
        },
        [removed](bool committed) {
            if (committed && *removed > 0)
                qCInfo(lcAuth) << "removed" << *removed << "idle sessions";
        });
}

qint64 AuthHandler::sessionsUsedSinceMs() const
{
    return QDateTime::currentMSecsSinceEpoch() - qint64(m_context.config.sessionIdleDays) * 24 * 3600 * 1000;
}

ProtocolError AuthHandler::badCredentials() const
{
    return {ErrorCode::BadCredentials, QCoreApplication::translate("Server", "Wrong username or password.")};
}

void AuthHandler::logout(ClientConnection *connection, const QJsonValue &id, const LogoutRequest &)
{
    // Signed out at once in memory, so the token serves nothing more; the reply waits for the durable revoke.
    const QString tokenHash = connection->tokenHash();
    const QList<ClientConnection *> sameUser = m_context.presence.connectionsOf(connection->user().id);
    for (ClientConnection *other : sameUser) {
        if (other != connection && other->tokenHash() == tokenHash) {
            signOut(other);
            other->sendFrame(Frames::signedOutEvent());
        }
    }
    signOut(connection);
    m_revoking.insert(tokenHash);
    QPointer<ClientConnection> guard(connection);
    m_context.writer.run([tokenHash](Storage &storage) { return storage.sessions.remove(tokenHash); },
                         [this, guard, id, tokenHash](bool committed) {
                             // Committed: the row is gone and the set need not remember it. Failed: the
                             // token still works, as the internal_error tells the client.
                             m_revoking.remove(tokenHash);
                             if (!guard)
                                 return;
                             if (committed)
                                 guard->reply(id);
                             else
                                 guard->replyError(id, Errors::internal());
                         });
}

void AuthHandler::startSession(QPointer<ClientConnection> connection, const QJsonValue &id, const User &user)
{
    const QString token = SecureRandom::token();
    const QString tokenHash = SecureRandom::tokenHash(token);
    const qint64 userId = user.id;
    m_context.writer.run(
        [tokenHash, userId](Storage &storage) { return storage.sessions.create(tokenHash, userId); },
        [this, connection, id, user, token, tokenHash](bool committed) {
            if (!connection)
                return;
            if (committed)
                replySignedIn(connection, id, user, token, tokenHash);
            else
                connection->replyError(id, Errors::internal());
        });
}

void AuthHandler::replySignedIn(ClientConnection *connection, const QJsonValue &id, const User &user,
                                const QString &token, const QString &tokenHash)
{
    signIn(connection, user, tokenHash);
    connection->reply(id, {{QLatin1String("user"), user.toJson()}, {QLatin1String("token"), token}});
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
