// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagechangehandler.h"

#include "abuselog.h"
#include "clientconnection.h"
#include "delivery.h"
#include "events.h"
#include "mentions.h"
#include "protocollimits.h"
#include "ratelimiters.h"
#include "roomfeed.h"
#include "storage.h"
#include "storagewriter.h"
#include "validation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <algorithm>

namespace Natter::Server {

namespace {
ProtocolError notTheAuthor()
{
    return Errors::forbidden(QCoreApplication::translate("Server", "Only its author may change a message."));
}

/// The message as a change needs it: the user still a member (a leave_room given before this request has
/// run by now), the message in the room, not deleted and not a line about the room, and when `mustBeAuthor`,
/// written by the user.
Written<ChatMessage> findChangeable(Storage &storage, qint64 room, qint64 id, qint64 userId,
                                    bool mustBeAuthor)
{
    if (!storage.rooms.isMember(room, userId))
        return Errors::notAMember();
    const auto message = storage.messages.find(room, id);
    if (!message || message->deleted)
        return Errors::noSuchMessage();
    if (!message->isText())
        return Errors::roomEventLine();
    if (mustBeAuthor && message->author.id != userId)
        return notTheAuthor();
    return *message;
}
} // namespace

MessageChangeHandler::MessageChangeHandler(ServerContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

bool MessageChangeHandler::admit(ClientConnection *connection, const Responder &reply, qint64 room)
{
    const qint64 userId = connection->user().id;
    if (!m_context.storage.rooms.isMember(room, userId)) {
        reply.error(Errors::notAMember());
        return false;
    }
    if (const qint64 wait = m_context.limits.send.take(QString::number(userId))) {
        m_context.abuse.report(connection->limitKey(), QStringLiteral("message change rate-limited"));
        reply.error(Errors::rateLimited(wait));
        return false;
    }
    return true;
}

void MessageChangeHandler::announce(const Responder &reply, const QList<ChatMessage> &changed)
{
    for (const ChatMessage &message : changed) {
        m_context.feed->local(message, false, [this, &message] {
            Delivery::toRoom(m_context, message.room, MessageChangedEvent{message}.toJson());
        });
    }
    reply.ok(MessageReply{changed.first()});
}

void MessageChangeHandler::handle(ClientConnection *connection, const Responder &reply,
                                  const EditMessageRequest &request)
{
    if (!m_context.storage.rooms.isMember(request.room, connection->user().id))
        return reply.error(Errors::notAMember());
    if (Validation::checkMessageText(request.text) == Validation::TextCheck::TooLong) {
        return reply.error({ErrorCode::TooLong,
                            QCoreApplication::translate("Server", "A message is at most 4000 characters.")});
    }
    if (!admit(connection, reply, request.room))
        return;
    const qint64 userId = connection->user().id;
    m_context.writer.write<ChatMessage>(
        this,
        [request, userId](Storage &storage) -> Written<ChatMessage> {
            auto found = findChangeable(storage, request.room, request.message, userId, true);
            const auto *message = std::get_if<ChatMessage>(&found);
            if (!message)
                return found;
            const QList<qint64> mentions =
                Mentions::resolve([&] { return storage.rooms.members(request.room); }, request.text);
            if (!storage.messages.edit(*message, request.text, mentions, QDateTime::currentMSecsSinceEpoch()))
                return Errors::internal();
            const auto edited = storage.messages.find(request.room, request.message);
            if (!edited)
                return Errors::internal();
            return *edited;
        },
        [this, reply](const Written<ChatMessage> &written) {
            if (!reply.failed(written))
                announce(reply, {std::get<ChatMessage>(written)});
        });
}

void MessageChangeHandler::handle(ClientConnection *connection, const Responder &reply,
                                  const DeleteMessageRequest &request)
{
    if (!admit(connection, reply, request.room))
        return;
    const qint64 userId = connection->user().id;
    using Changed = QList<ChatMessage>;
    m_context.writer.write<Changed>(
        this,
        [request, userId](Storage &storage) -> Written<Changed> {
            auto found = findChangeable(storage, request.room, request.message, userId, true);
            const auto *message = std::get_if<ChatMessage>(&found);
            if (!message)
                return std::get<ProtocolError>(found);
            QList<qint64> replies;
            if (!storage.messages.remove(*message, &replies))
                return Errors::internal();
            Changed changed;
            for (const qint64 id : QList<qint64>{request.message} + replies) {
                const auto now = storage.messages.find(request.room, id);
                if (!now)
                    return Errors::internal();
                changed.append(*now);
            }
            return changed;
        },
        [this, reply](const Written<Changed> &written) {
            if (!reply.failed(written))
                announce(reply, std::get<Changed>(written));
        });
}

void MessageChangeHandler::handle(ClientConnection *connection, const Responder &reply,
                                  const ReactRequest &request)
{
    if (!admit(connection, reply, request.room))
        return;
    const qint64 userId = connection->user().id;
    struct Reacted {
        ChatMessage message;
        bool changed = false;
    };
    m_context.writer.write<Reacted>(
        this,
        [request, userId](Storage &storage) -> Written<Reacted> {
            auto found = findChangeable(storage, request.room, request.message, userId, false);
            auto *message = std::get_if<ChatMessage>(&found);
            if (!message)
                return std::get<ProtocolError>(found);
            QList<Reaction> reactions = message->reactions;
            const auto same = std::find_if(reactions.begin(), reactions.end(), [&](const Reaction &reaction) {
                return reaction.emoji == request.emoji;
            });
            bool changed = false;
            if (request.on) {
                if (same == reactions.end()) {
                    if (reactions.size() >= Limits::maxReactionsPerMessage) {
                        return Errors::quotaExceeded(QCoreApplication::translate(
                            "Server", "That message has as many different reactions as it can have."));
                    }
                    reactions.append(Reaction{request.emoji, {userId}});
                    changed = true;
                } else if (!same->users.contains(userId)) {
                    same->users.append(userId);
                    changed = true;
                }
            } else if (same != reactions.end() && same->users.removeAll(userId) > 0) {
                if (same->users.isEmpty())
                    reactions.erase(same);
                changed = true;
            }
            if (!changed)
                return Reacted{*message, false}; // nothing to write or announce
            if (!storage.messages.setReactions(*message, reactions))
                return Errors::internal();
            const auto now = storage.messages.find(request.room, request.message);
            if (!now)
                return Errors::internal();
            return Reacted{*now, true};
        },
        [this, reply](const Written<Reacted> &written) {
            if (reply.failed(written))
                return;
            const Reacted &reacted = std::get<Reacted>(written);
            if (reacted.changed)
                announce(reply, {reacted.message});
            else
                reply.ok(MessageReply{reacted.message});
        });
}

} // namespace Natter::Server
