// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchhandler.h"

#include "abuselog.h"
#include "clientconnection.h"
#include "ratelimiters.h"
#include "searchquery.h"
#include "storage.h"
#include "storagereader.h"

namespace Natter::Server {

SearchHandler::SearchHandler(ServerContext &context)
    : m_context(context)
{}

void SearchHandler::handle(ClientConnection *connection, const Responder &reply, const SearchRequest &request)
{
    const qint64 userId = connection->user().id;
    if (request.room && !m_context.storage.rooms.isMember(*request.room, userId))
        return reply.error(Errors::notAMember());
    if (const qint64 wait = m_context.limits.search.take(QString::number(userId))) {
        m_context.abuse.report(connection->limitKey(), QStringLiteral("search rate-limited"));
        return reply.error(Errors::rateLimited(wait));
    }
    const QString query = request.query;
    if (SearchQuery::fromUserText(query).isEmpty())
        return reply.ok(SearchReply{}); // only punctuation: nothing can match
    // On the reader thread: on a large database a search takes tens of milliseconds, at times over a hundred,
    // and every other connection would wait that long. A send acknowledged before is found: its commit is
    // done, and each read sees what was committed before it began.
    using Page = MessageRepository::SearchPage;
    const std::optional<qint64> room = request.room;
    const std::optional<qint64> before = request.before;
    const int limit = request.limit;
    m_context.reader.read<Page>(
        connection, // gone: nobody to answer
        [userId, query, room, before, limit](Storage &storage) {
            return storage.messages.search(userId, query, room, before, limit);
        },
        [reply](const Page &page) {
            if (!page.ok)
                return reply.error(Errors::internal());
            SearchReply result;
            result.more = page.more;
            for (const auto &hit : page.hits)
                result.results.append(SearchHit{hit.message, hit.marked});
            reply.ok(result);
        });
}

} // namespace Natter::Server
