// SPDX-License-Identifier: GPL-3.0-or-later
#include "authhandler.h"
#include "wireframe.h"

#include "abuselog.h"
#include "clientconnection.h"
#include "clusterbus.h"
#include "events.h"
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

namespace Natter::Server {

namespace {
constexpr qint64 kHashQueueRetryMs = 1000; // about two hashes at the default cost

ProtocolError usernameTaken()
{
    return {ErrorCode::UsernameTaken, QCoreApplication::translate("Server", "That username is taken.")};
}
} // namespace

AuthHandler::AuthHandler(ServerContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

void AuthHandler::handle(ClientConnection *connection, const Responder &reply, const RegisterRequest &request)
{
    const QString addressKey = connection->limitKey();
    if (const qint64 wait = m_context.limits.registration.take(addressKey)) {
        m_context.abuse.report(addressKey, QStringLiteral("register rate-limited"));
        return reply.error(Errors::rateLimited(wait));
    }
    // Checked before hashing too, so a taken name answers at once; the insert's constraint stays the judge.
    if (m_context.storage.users.findByUsername(request.username))
        return reply.error(usernameTaken());

    const QString username = request.username;
    const auto hashed = [this, reply, username](const QString &phc) {
        if (phc.isEmpty())
            return reply.error(Errors::internal());
        const QString token = SecureRandom::token();
        const QString tokenHash = SecureRandom::tokenHash(token);
        m_context.writer.write<User>(
            this,
            [username, phc, tokenHash](Storage &storage) -> Written<User> {
                User user;
                switch (storage.users.create(username, phc, &user)) {
                case UserRepository::CreateStatus::UsernameTaken:
                    return usernameTaken();
                case UserRepository::CreateStatus::Failed:
                    return Errors::internal();
                case UserRepository::CreateStatus::Created:
                    break;
                }
                if (!storage.sessions.create(tokenHash, user.id))
                    return Errors::internal();
                return user;
            },
            [this, reply, token, tokenHash](const Written<User> &written) {
                if (reply.failed(written))
                    return;
                const User &user = std::get<User>(written);
                qCInfo(lcAuth) << "registered user" << user.id;
                replySignedIn(reply, user, token, tokenHash);
            });
    };
    if (!m_context.hashing.hash(addressKey, request.password, hashed))
        hashQueueFull(addressKey, reply);
}

void AuthHandler::handle(ClientConnection *connection, const Responder &reply, const LoginRequest &request)
{
    // Attempts per address, and failures per account: many addresses together cannot guess one password
    // faster than the account limit, and one address cannot try many accounts faster than its own.
    const QString accountKey = Validation::usernameKey(request.username);
    const QString addressKey = connection->limitKey();
    qint64 wait = m_context.limits.login.take(addressKey);
    // Taken before hashing and given back on success: attempts in flight count too, so concurrent guesses
    // from many addresses cannot pass the account's limit before the first failure is known.
    if (!wait)
        wait = m_context.limits.loginAccount.take(accountKey);
    if (wait) {
        m_context.abuse.report(addressKey, QStringLiteral("login rate-limited"));
        return reply.error(Errors::rateLimited(wait));
    }
    const auto account = m_context.storage.users.findByUsername(request.username);
    const QString password = request.password;
    const auto verified = [this, reply, account, password, accountKey, addressKey](bool ok,
                                                                                   bool needsRehash) {
        if (!ok) {
            m_context.abuse.report(addressKey, QStringLiteral("failed sign-in"));
            return reply.error(badCredentials());
        }
        m_context.limits.loginAccount.refund(accountKey);
        if (needsRehash)
            upgradeHash(addressKey, account->user.id, password);
        if (reply.connection())
            startSession(reply, account->user);
    };
    if (!m_context.hashing.verify(addressKey, password, account ? account->passwordHash : QString(),
                                  verified)) {
        m_context.limits.loginAccount.refund(accountKey);
        hashQueueFull(addressKey, reply);
    }
}

void AuthHandler::upgradeHash(const QString &addressKey, qint64 userId, const QString &password)
{
    // Best effort: with the queue full, the upgrade waits for the next sign-in.
    m_context.hashing.hash(addressKey, password, [this, userId](const QString &phc) {
        if (phc.isEmpty())
            return;
        m_context.writer.write<Committed>(
            this,
            [userId, phc](Storage &storage) {
                return committedIf(storage.users.updatePasswordHash(userId, phc));
            },
            [userId](const Written<Committed> &written) {
                if (std::holds_alternative<Committed>(written))
                    qCInfo(lcAuth) << "upgraded the password hash of user" << userId;
            });
    });
}

void AuthHandler::hashQueueFull(const QString &addressKey, const Responder &reply)
{
    m_context.abuse.report(addressKey, QStringLiteral("password-hash queue full"));
    reply.error(Errors::rateLimited(kHashQueueRetryMs));
}

void AuthHandler::handle(ClientConnection *connection, const Responder &reply, const ResumeRequest &request)
{
    const QString tokenHash = SecureRandom::tokenHash(request.token);
    const auto userId = m_revoking.contains(tokenHash)
                            ? std::nullopt
                            : m_context.storage.sessions.userFor(tokenHash, sessionsUsedSinceMs());
    const auto user = userId && !m_revokingUsers.contains(*userId) ? m_context.storage.users.findById(*userId)
                                                                   : std::nullopt;
    if (!user) {
        return reply.error({ErrorCode::InvalidToken,
                            QCoreApplication::translate("Server", "That session has ended; sign in again.")});
    }
    signIn(connection, *user, tokenHash);
    reply.ok(SignedInReply{*user, {}});
    // The idle clock starts again; nothing waits for it.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_context.writer.write<Committed>(
        this,
        [tokenHash, now](Storage &storage) { return committedIf(storage.sessions.touch(tokenHash, now)); },
        [](const Written<Committed> &) {});
}

void AuthHandler::handle(ClientConnection *connection, const Responder &reply, const LogoutRequest &)
{
    // Signed out at once in memory, so the token serves nothing more; the reply waits for the durable revoke.
    const QString tokenHash = connection->tokenHash();
    const QList<ClientConnection *> sameUser = m_context.presence.connectionsOf(connection->user().id);
    for (ClientConnection *other : sameUser) {
        if (other != connection && other->tokenHash() == tokenHash) {
            signOut(other);
            other->sendFrame(SignedOutEvent{}.toJson());
        }
    }
    const qint64 userId = connection->user().id;
    signOut(connection);
    m_revoking.insert(tokenHash);
    m_context.writer.write<Committed>(
        this, [tokenHash](Storage &storage) { return committedIf(storage.sessions.remove(tokenHash)); },
        [this, reply, tokenHash, userId](const Written<Committed> &written) {
            // Committed: the row is gone and the set need not remember it. Failed: the token still works,
            // as the internal_error tells the client.
            m_revoking.remove(tokenHash);
            if (reply.failed(written))
                return;
            revokedEverywhere(userId);
            reply.ok();
        });
}

void AuthHandler::handle(ClientConnection *connection, const Responder &reply, const LogoutAllRequest &)
{
    const qint64 userId = connection->user().id;
    signOutOthers(userId, connection, QString());
    signOut(connection);
    ++m_revokingUsers[userId];
    m_context.writer.write<Committed>(
        this, [userId](Storage &storage) { return committedIf(storage.sessions.removeAllOf(userId)); },
        [this, reply, userId](const Written<Committed> &written) {
            if (--m_revokingUsers[userId] <= 0)
                m_revokingUsers.remove(userId);
            if (reply.failed(written))
                return;
            qCInfo(lcAuth) << "user" << userId << "signed out everywhere";
            revokedEverywhere(userId);
            reply.ok();
        });
}

void AuthHandler::handle(ClientConnection *connection, const Responder &reply,
                         const ChangePasswordRequest &request)
{
    const User user = connection->user();
    const QString accountKey = Validation::usernameKey(user.username);
    const QString addressKey = connection->limitKey();
    if (const qint64 wait = m_context.limits.loginAccount.peek(accountKey)) {
        m_context.abuse.report(addressKey, QStringLiteral("change_password rate-limited"));
        return reply.error(Errors::rateLimited(wait));
    }
    const auto account = m_context.storage.users.findByUsername(user.username);
    if (!account)
        return reply.error(Errors::internal());
    const QString replacement = request.newPassword;
    const auto hashed = [this, reply, user](const QString &phc) {
        ClientConnection *connection = reply.connection();
        if (!connection)
            return;
        if (phc.isEmpty())
            return reply.error(Errors::internal());
        const QString keep = connection->tokenHash();
        signOutOthers(user.id, connection, keep);
        ++m_revokingUsers[user.id];
        m_context.writer.write<Committed>(
            this,
            [user, phc, keep](Storage &storage) {
                return committedIf(storage.users.updatePasswordHash(user.id, phc) &&
                                   storage.sessions.removeAllOf(user.id, keep));
            },
            [this, reply, user](const Written<Committed> &written) {
                if (--m_revokingUsers[user.id] <= 0)
                    m_revokingUsers.remove(user.id);
                if (reply.failed(written))
                    return;
                qCInfo(lcAuth) << "user" << user.id << "changed their password";
                revokedEverywhere(user.id);
                reply.ok(); // this connection's session was spared
            });
    };
    const auto verified = [this, reply, accountKey, addressKey, replacement, hashed](bool ok, bool) {
        if (!reply.connection())
            return;
        if (!ok) {
            m_context.limits.loginAccount.take(accountKey);
            m_context.abuse.report(addressKey, QStringLiteral("failed password check"));
            return reply.error(badCredentials());
        }
        if (!m_context.hashing.hash(addressKey, replacement, hashed))
            hashQueueFull(addressKey, reply);
    };
    if (!m_context.hashing.verify(addressKey, request.currentPassword, account->passwordHash, verified))
        hashQueueFull(addressKey, reply);
}

void AuthHandler::signOutOthers(qint64 userId, ClientConnection *except, const QString &keepTokenHash)
{
    const QList<ClientConnection *> connections = m_context.presence.connectionsOf(userId);
    for (ClientConnection *other : connections) {
        if (other == except || (!keepTokenHash.isEmpty() && other->tokenHash() == keepTokenHash))
            continue;
        signOut(other);
        other->sendFrame(SignedOutEvent{}.toJson());
    }
}

void AuthHandler::revokedEverywhere(qint64 userId)
{
    // Signed out here already; the other instances sign out whatever of this user's lost its session.
    if (m_context.cluster)
        m_context.cluster->forwardSessionsRevoked(userId);
}

void AuthHandler::signOutRevoked(qint64 userId)
{
    const qint64 usedSince = sessionsUsedSinceMs();
    const QList<ClientConnection *> connections = m_context.presence.connectionsOf(userId);
    for (ClientConnection *connection : connections) {
        if (m_context.storage.sessions.userFor(connection->tokenHash(), usedSince))
            continue;
        signOut(connection);
        connection->sendFrame(SignedOutEvent{}.toJson());
    }
}

void AuthHandler::removeIdleSessions()
{
    const qint64 cutoff = sessionsUsedSinceMs();
    m_context.writer.write<int>(
        this,
        [cutoff](Storage &storage) -> Written<int> {
            const int removed = storage.sessions.removeIdle(cutoff);
            if (removed < 0)
                return Errors::internal();
            return removed;
        },
        [](const Written<int> &written) {
            if (const int *removed = std::get_if<int>(&written); removed && *removed > 0)
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

void AuthHandler::startSession(const Responder &reply, const User &user)
{
    const QString token = SecureRandom::token();
    const QString tokenHash = SecureRandom::tokenHash(token);
    const qint64 userId = user.id;
    m_context.writer.write<Committed>(
        this,
        [tokenHash, userId](Storage &storage) {
            return committedIf(storage.sessions.create(tokenHash, userId));
        },
        [this, reply, user, token, tokenHash](const Written<Committed> &written) {
            if (!reply.failed(written))
                replySignedIn(reply, user, token, tokenHash);
        });
}

void AuthHandler::replySignedIn(const Responder &reply, const User &user, const QString &token,
                                const QString &tokenHash)
{
    ClientConnection *connection = reply.connection();
    if (!connection)
        return;
    signIn(connection, user, tokenHash);
    reply.ok(SignedInReply{user, token});
}

void AuthHandler::signIn(ClientConnection *connection, const User &user, const QString &tokenHash)
{
    signOut(connection); // a connection is one user at a time
    connection->setIdentity(user, tokenHash);
    // Online already through another instance: nobody's view changes.
    if (m_context.presence.add(user.id, connection) && !m_context.presence.isOnlineElsewhere(user.id))
        announcePresence(user, true);
}

void AuthHandler::signOut(ClientConnection *connection)
{
    if (!connection->isAuthenticated())
        return;
    const User user = connection->user();
    connection->clearIdentity();
    if (m_context.presence.remove(user.id, connection) && !m_context.presence.isOnlineElsewhere(user.id))
        announcePresence(user, false);
}

void AuthHandler::announcePresence(const User &user, bool online)
{
    m_context.presence.deliver(m_context.storage.rooms.coMemberIds(user.id),
                               WireFrame::fromJson(PresenceEvent{user, online}.toJson()));
}

} // namespace Natter::Server
