// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagehandler.h"

#include "abuselog.h"
#include "clientconnection.h"
#include "frames.h"
#include "presencetracker.h"
#include "ratelimiters.h"
#include "storage.h"
#include "storagewriter.h"
#include "validation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QPointer>
#include <memory>

namespace Natter::Server {

MessageHandler::MessageHandler(ServerContext &context)
    : m_context(context)
{}

void MessageHandler::send(ClientConnection *connection, const QJsonValue &id, const SendRequest &request)
{
    const User author = connection->user();
    if (!m_context.storage.rooms.isMember(request.room, author.id))
        return connection->replyError(id, Errors::notAMember());
    if (Validation::checkMessageText(request.text) == Validation::TextCheck::TooLong) {
        return connection->replyError(
            id, {ErrorCode::TooLong,
                 QCoreApplication::translate("Server", "A message is at most 4000 characters.")});
    }
    const QLatin1String messageKey("message");
    if (!request.clientId.isEmpty()) {
        // A retry of a stored send: the original answer again, nothing new stored, not counted.
        if (const auto stored =
                m_context.storage.messages.findByClientId(request.room, author.id, request.clientId))
            return connection->reply(id, {{messageKey, stored->toJson()}});
    }
    const QString limiterKey = QString::number(author.id);
    if (const qint64 wait = m_context.limits.send.take(limiterKey)) {
        m_context.abuse.report(connection->limitKey(), QStringLiteral("send rate-limited"));
        return connection->replyError(id, Errors::rateLimited(wait));
    }

    struct Outcome {
        std::optional<ChatMessage> message;
        bool duplicate = false; // a retry that raced its original into the same batch
        bool member = true;     // still a member when the write ran (a leave_room may have come first)
    };
    auto outcome = std::make_shared<Outcome>();
    const qint64 room = request.room;
    const QString text = request.text;
    const QString clientId = request.clientId;
    QPointer<ClientConnection> guard(connection);
    m_context.writer.run(
        [outcome, room, author, text, clientId](Storage &storage) {
            // Checked again here: writes run in order, so a leave_room given before this send has run.
            outcome->member = storage.rooms.isMember(room, author.id);
            if (!outcome->member)
                return false;
            if (!clientId.isEmpty()) {
                outcome->message = storage.messages.findByClientId(room, author.id, clientId);
                outcome->duplicate = outcome->message.has_value();
            }
            if (!outcome->message)
                outcome->message = storage.messages.insert(room, author, text, clientId,
                                                           QDateTime::currentMSecsSinceEpoch());
            return outcome->message.has_value();
        },
        [this, guard, id, limiterKey, messageKey, outcome](bool committed) {
            if (!committed) {
                m_context.limits.send.refund(limiterKey);
                if (guard)
                    guard->replyError(id, outcome->member ? Errors::internal() : Errors::notAMember());
                return;
            }
            if (outcome->duplicate) {
                m_context.limits.send.refund(limiterKey);
            } else {
                // Broadcast only after the commit, and from the event loop in commit order.
                m_context.presence.deliver(m_context.storage.rooms.memberIds(outcome->message->room),
                                           Frames::serialize(Frames::messageEvent(*outcome->message)));
            }
            if (guard)
                guard->reply(id, {{messageKey, outcome->message->toJson()}});
        });
}

void MessageHandler::history(ClientConnection *connection, const QJsonValue &id,
                             const HistoryRequest &request)
{
    const qint64 userId = connection->user().id;
    if (!m_context.storage.rooms.isMember(request.room, userId))
        return connection->replyError(id, Errors::notAMember());
    if (const qint64 wait = m_context.limits.history.take(QString::number(userId))) {
        m_context.abuse.report(connection->limitKey(), QStringLiteral("reads rate-limited"));
        return connection->replyError(id, Errors::rateLimited(wait));
    }
    const auto page =
        m_context.storage.messages.page(request.room, request.before, request.after, request.limit);
    if (!page.ok)
        return connection->replyError(id, Errors::internal());
    QJsonArray messages;
    for (const ChatMessage &message : page.messages)
        messages.append(message.toJson());
    connection->reply(id, {{QLatin1String("messages"), messages}, {QLatin1String("more"), page.more}});
}

} // namespace Natter::Server
