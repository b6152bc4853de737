// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagehandler.h"
#include "wireframe.h"

#include "abuselog.h"
#include "clientconnection.h"
#include "events.h"
#include "frames.h"
#include "membershipcache.h"
#include "mentions.h"
#include "presencetracker.h"
#include "protocollimits.h"
#include "ratelimiters.h"
#include "roomfeed.h"
#include "storage.h"
#include "storagewriter.h"
#include "validation.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Natter::Server {

namespace {
/// The start of a text as a quote shows it: at most Limits::quoteExcerptLength code points, one line.
QString excerpt(const QString &text)
{
    QString flat = text.simplified();
    if (Validation::codePointCount(flat) <= Limits::quoteExcerptLength)
        return flat;
    int units = 0;
    for (int points = 0; points < Limits::quoteExcerptLength && units < flat.size(); ++points)
        units += flat.at(units).isHighSurrogate() && units + 1 < flat.size() ? 2 : 1;
    return flat.left(units) + QChar(0x2026);
}
} // namespace

MessageHandler::MessageHandler(ServerContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

void MessageHandler::handle(ClientConnection *connection, const Responder &reply, const SendRequest &request)
{
    const User author = connection->user();
    if (!m_context.members.isMember(request.room, author.id))
        return reply.error(Errors::notAMember());
    if (Validation::checkMessageText(request.text) == Validation::TextCheck::TooLong) {
        return reply.error({ErrorCode::TooLong,
                            QCoreApplication::translate("Server", "A message is at most 4000 characters.")});
    }
    const QString limiterKey = QString::number(author.id);
    if (const qint64 wait = m_context.limits.send.take(limiterKey)) {
        // A retry of a stored send is answered even over the limit: the original answer again. Looked up
        // here only, not for every send: the writer finds retries anyway (and gives the token back).
        if (!request.clientId.isEmpty()) {
            if (const auto stored =
                    m_context.storage.messages.findByClientId(request.room, author.id, request.clientId))
                return reply.ok(MessageReply{*stored});
        }
        m_context.abuse.report(connection->limitKey(), QStringLiteral("send rate-limited"));
        return reply.error(Errors::rateLimited(wait));
    }

    struct Stored {
        ChatMessage message;
        bool duplicate = false; // a retry that raced its original into the same batch
    };
    const qint64 room = request.room;
    const QString text = request.text;
    const QString clientId = request.clientId;
    const qint64 replyTo = request.replyTo;
    m_context.writer.write<Stored>(
        this,
        [room, author, text, clientId, replyTo](Storage &storage) -> Written<Stored> {
            // Checked again here: writes run in order, so a leave_room given before this send has run.
            if (!storage.rooms.isMember(room, author.id))
                return Errors::notAMember();
            if (!clientId.isEmpty()) {
                if (auto original = storage.messages.findByClientId(room, author.id, clientId))
                    return Stored{*original, true};
            }
            std::optional<Quote> quote;
            if (replyTo != 0) {
                const auto answered = storage.messages.find(room, replyTo);
                if (!answered || answered->deleted)
                    return Errors::noSuchMessage();
                if (!answered->isText())
                    return Errors::roomEventLine();
                quote = Quote{answered->id, answered->author, excerpt(answered->text), false};
            }
            const auto message = storage.messages.insert(
                room, author, text, clientId, QDateTime::currentMSecsSinceEpoch(), quote,
                Mentions::resolve([&] { return storage.rooms.members(room); }, text));
            if (!message) {
                // Another instance stored the same retry since the look-up above.
                if (!clientId.isEmpty()) {
                    if (auto original = storage.messages.findByClientId(room, author.id, clientId))
                        return Stored{*original, true};
                }
                return Errors::internal();
            }
            return Stored{*message, false};
        },
        [this, reply, limiterKey](const Written<Stored> &written) {
            // A retry of a stored message does not count, nor a send the server failed; one the client got
            // wrong (a reply to no message, a room left meanwhile) does, like any other request.
            const auto *stored = std::get_if<Stored>(&written);
            const auto *error = std::get_if<ProtocolError>(&written);
            if ((stored && stored->duplicate) || (error && error->code == ErrorCode::InternalError))
                m_context.limits.send.refund(limiterKey);
            if (reply.failed(written))
                return;
            // Broadcast only after the commit, and from the event loop in commit order.
            if (!stored->duplicate) {
                const ChatMessage &message = stored->message;
                m_context.feed->local(message, true, [this, &message] {
                    m_context.presence.deliver(m_context.members.memberIds(message.room),
                                               WireFrame::fromJson(MessageEvent{message}.toJson()));
                });
            }
            reply.ok(MessageReply{stored->message});
        });
}

bool MessageHandler::admitRead(ClientConnection *connection, const Responder &reply, qint64 room)
{
    const qint64 userId = connection->user().id;
    if (!m_context.members.isMember(room, userId)) {
        reply.error(Errors::notAMember());
        return false;
    }
    if (const qint64 wait = m_context.limits.history.take(QString::number(userId))) {
        m_context.abuse.report(connection->limitKey(), QStringLiteral("reads rate-limited"));
        reply.error(Errors::rateLimited(wait));
        return false;
    }
    return true;
}

void MessageHandler::handle(ClientConnection *connection, const Responder &reply,
                            const HistoryRequest &request)
{
    if (!admitRead(connection, reply, request.room))
        return;
    const auto page =
        m_context.storage.messages.page(request.room, request.before, request.after, request.limit);
    if (!page.ok)
        return reply.error(Errors::internal());
    reply.ok(HistoryReply{page.messages, page.more});
}

void MessageHandler::handle(ClientConnection *connection, const Responder &reply,
                            const ChangesRequest &request)
{
    if (!admitRead(connection, reply, request.room))
        return;
    const auto page = m_context.storage.messages.changes(request.room, request.since, request.limit);
    if (!page.ok)
        return reply.error(Errors::internal());
    reply.ok(HistoryReply{page.messages, page.more});
}

} // namespace Natter::Server
