// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagerepository.h"

#include "searchquery.h"
#include "sqlstatement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <limits>

namespace Natter::Server {

namespace {
const QString kColumns = QStringLiteral(
    "m.id, m.room_id, m.author_id, u.username, m.text, m.client_id, m.created_at, m.rev, m.edited_at, "
    "m.deleted, m.reply_to, m.reply_author_id, ru.username, m.reply_excerpt, m.reactions, m.mentions, "
    "m.kind ");
const QString kFrom = QStringLiteral(
    "FROM messages m JOIN users u ON u.id = m.author_id LEFT JOIN users ru ON ru.id = m.reply_author_id ");
const QString kSelect = QStringLiteral("SELECT ") + kColumns + kFrom;
// messages.kind (migration 0004); 0 is a message.
constexpr int kJoinedKind = 1;
constexpr int kLeftKind = 2;

QVariant jsonOrNull(const QJsonArray &array)
{
    if (array.isEmpty())
        return QVariant(QMetaType::fromType<QString>());
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonArray parseArray(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QJsonDocument::fromJson(value.toString().toUtf8()).array();
}

QVariant reactionsColumn(const QList<Reaction> &reactions)
{
    QJsonArray array;
    for (const Reaction &reaction : reactions)
        array.append(reaction.toJson());
    return jsonOrNull(array);
}

QVariant mentionsColumn(const QList<qint64> &mentions)
{
    QJsonArray array;
    for (const qint64 id : mentions)
        array.append(id);
    return jsonOrNull(array);
}

ChatMessage fromRow(const SqlStatement &row, int first = 0)
{
    const auto at = [&](int column) { return row.value(first + column); };
    ChatMessage message{at(0).toLongLong(), at(1).toLongLong(), User{at(2).toLongLong(), at(3).toString()},
                        at(4).toString(),   at(6).toLongLong(), at(5).toString()};
    message.rev = at(7).toLongLong();
    message.editedMs = at(8).isNull() ? 0 : at(8).toLongLong();
    message.deleted = at(9).toInt() != 0;
    if (!at(10).isNull()) {
        message.replyTo = Quote{at(10).toLongLong(), User{at(11).toLongLong(), at(12).toString()},
                                at(13).toString(), at(13).isNull()};
    }
    for (const QJsonValue &value : parseArray(at(14))) {
        if (const auto reaction = Reaction::fromJson(value))
            message.reactions.append(*reaction);
    }
    for (const QJsonValue &value : parseArray(at(15)))
        message.mentions.append(value.toInteger());
    switch (at(16).toInt()) {
    case kJoinedKind:
        message.kind = ChatMessage::Kind::Joined;
        break;
    case kLeftKind:
        message.kind = ChatMessage::Kind::Left;
        break;
    default:
        break;
    }
    return message;
}
} // namespace

MessageRepository::MessageRepository(SqlConnection db)
    : m_db(std::move(db))
{}

qint64 MessageRepository::nextRev(qint64 room)
{
    // The row updated stays locked until the commit: on PostgreSQL, the writers of several instances take
    // turns per room, so a room's message ids and revs follow the order of the commits.
    if (m_db.isPostgres()) {
        // Its own table there (migration 0003, .postgresql); the first change of a room creates its row.
        SqlStatement bump(m_db,
                          QStringLiteral("INSERT INTO room_revs (room_id, rev) VALUES (?, 1) "
                                         "ON CONFLICT (room_id) DO UPDATE SET rev = room_revs.rev + 1 "
                                         "RETURNING rev"),
                          {room});
        m_changedRooms.insert(room);
        return bump.next() ? bump.value(0).toLongLong() : 0;
    }
    SqlStatement bump(m_db, QStringLiteral("UPDATE rooms SET rev = rev + 1 WHERE id = ? RETURNING rev"),
                      {room});
    return bump.next() ? bump.value(0).toLongLong() : 0;
}

bool MessageRepository::indexText(qint64 id, const QString &text)
{
    if (m_db.isPostgres())
        return true; // PostgreSQL's index is on the column itself (migration 0003, .postgresql)
    if (m_deferIndexing) {
        m_pendingIndex.append({true, id, text});
        return true;
    }
    return applyIndexChange(true, id, text);
}

bool MessageRepository::unindexText(qint64 id, const QString &text)
{
    if (m_db.isPostgres())
        return true;
    if (m_deferIndexing) {
        m_pendingIndex.append({false, id, text});
        return true;
    }
    return applyIndexChange(false, id, text);
}

bool MessageRepository::flushIndex()
{
    const QList<IndexChange> changes = std::exchange(m_pendingIndex, {});
    for (const IndexChange &change : changes) {
        if (!applyIndexChange(change.add, change.id, change.text))
            return false;
    }
    return true;
}

bool MessageRepository::applyIndexChange(bool add, qint64 id, const QString &text)
{
    if (add) {
        return SqlStatement(m_db, QStringLiteral("INSERT INTO messages_fts (rowid, text) VALUES (?, ?)"),
                            {id, text})
            .ok();
    }
    // An external-content FTS5 table forgets a row only when given the text it indexed.
    return SqlStatement(
               m_db,
               QStringLiteral("INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', ?, ?)"),
               {id, text})
        .ok();
}

std::optional<ChatMessage> MessageRepository::insert(qint64 room, const User &author, const QString &text,
                                                     const QString &clientId, qint64 timestampMs,
                                                     const std::optional<Quote> &replyTo,
                                                     const QList<qint64> &mentions)
{
    const QVariant none(QMetaType::fromType<qint64>());
    const QVariant reply = replyTo ? QVariant(replyTo->id) : none;
    const QVariant replyAuthor = replyTo ? QVariant(replyTo->author.id) : none;
    const QVariant excerpt = replyTo ? QVariant(replyTo->excerpt) : QVariant();
    const QVariant client = clientId.isEmpty() ? QVariant() : QVariant(clientId);
    // The room's rev and the row in one statement on PostgreSQL, a round trip to the server fewer. As with
    // nextRev(), the rev's row is locked first, and the id is drawn only once the lock is held (reading
    // `bump` waits for it): so a room's ids follow the order of the commits of every instance. Drawn as a
    // default, the id could come before the wait, and a later commit would hold a smaller id.
    static const QString columns = QStringLiteral(
        "room_id, author_id, text, client_id, created_at, rev, reply_to, reply_author_id, reply_excerpt, "
        "mentions) ");
    static const QString unlessRetried =
        QStringLiteral("ON CONFLICT (room_id, author_id, client_id) WHERE client_id IS NOT NULL DO NOTHING "
                       "RETURNING id, rev");
    static const QString withRev =
        QStringLiteral("WITH bump AS (INSERT INTO room_revs (room_id, rev) VALUES (?, 1) "
                       "ON CONFLICT (room_id) DO UPDATE SET rev = room_revs.rev + 1 RETURNING rev) "
                       "INSERT INTO messages (id, ") +
        columns +
        QStringLiteral("VALUES ((SELECT nextval(pg_get_serial_sequence('messages', 'id')) FROM bump), "
                       "?, ?, ?, ?, ?, (SELECT rev FROM bump), ?, ?, ?, ?) ") +
        unlessRetried;
    static const QString afterRev = QStringLiteral("INSERT INTO messages (") + columns +
                                    QStringLiteral("VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ") + unlessRetried;
    const QVariant mentioned = mentionsColumn(mentions);
    std::optional<SqlStatement> insert;
    if (m_db.isPostgres()) {
        m_changedRooms.insert(room);
        insert.emplace(m_db, withRev,
                       std::initializer_list<QVariant>{room, room, author.id, text, client, timestampMs,
                                                       reply, replyAuthor, excerpt, mentioned});
    } else {
        const qint64 rev = nextRev(room);
        if (rev == 0)
            return std::nullopt;
        insert.emplace(m_db, afterRev,
                       std::initializer_list<QVariant>{room, author.id, text, client, timestampMs, rev, reply,
                                                       replyAuthor, excerpt, mentioned});
    }
    if (!insert->next())
        return std::nullopt;
    const qint64 id = insert->value(0).toLongLong();
    const qint64 rev = insert->value(1).toLongLong();
    ChatMessage message{id, room, author, text, timestampMs, clientId};
    message.rev = rev;
    message.replyTo = replyTo;
    message.mentions = mentions;
    if (!indexText(message.id, text))
        return std::nullopt;
    return message;
}

std::optional<ChatMessage> MessageRepository::insertRoomEvent(qint64 room, const User &user,
                                                              ChatMessage::Kind kind, qint64 timestampMs)
{
    if (kind != ChatMessage::Kind::Joined && kind != ChatMessage::Kind::Left)
        return std::nullopt;
    const qint64 rev = nextRev(room);
    if (rev == 0)
        return std::nullopt;
    SqlStatement insert(
        m_db,
        QStringLiteral("INSERT INTO messages (room_id, author_id, text, created_at, rev, kind) "
                       "VALUES (?, ?, '', ?, ?, ?) RETURNING id"),
        {room, user.id, timestampMs, rev, kind == ChatMessage::Kind::Joined ? kJoinedKind : kLeftKind});
    const qint64 id = insert.returnedId();
    if (id == 0)
        return std::nullopt;
    ChatMessage line{id, room, user, QString(), timestampMs, QString()};
    line.rev = rev;
    line.kind = kind;
    return line; // no text, so nothing to index
}

std::optional<ChatMessage> MessageRepository::findByClientId(qint64 room, qint64 authorId,
                                                             const QString &clientId) const
{
    // The id alone first: a new client_id, the common case, finds nothing, and a statement of one column
    // costs the driver far less per run than the whole row (QSQLite describes every column at every run).
    SqlStatement select(m_db,
                        QStringLiteral("SELECT id FROM messages WHERE room_id = ? AND author_id = ? AND "
                                       "client_id = ?"),
                        {room, authorId, clientId});
    if (!select.next())
        return std::nullopt;
    return find(room, select.value(0).toLongLong());
}

std::optional<ChatMessage> MessageRepository::find(qint64 room, qint64 id) const
{
    SqlStatement select(m_db, kSelect + QStringLiteral("WHERE m.id = ? AND m.room_id = ?"), {id, room});
    if (!select.ok() || !select.next())
        return std::nullopt;
    return fromRow(select);
}

bool MessageRepository::edit(const ChatMessage &message, const QString &text, const QList<qint64> &mentions,
                             qint64 timestampMs)
{
    const qint64 rev = nextRev(message.room);
    if (rev == 0 || !unindexText(message.id, message.text))
        return false;
    SqlStatement update(m_db,
                        QStringLiteral("UPDATE messages SET text = ?, mentions = ?, edited_at = ?, rev = ? "
                                       "WHERE id = ?"),
                        {text, mentionsColumn(mentions), timestampMs, rev, message.id});
    return update.ok() && update.rowsAffected() == 1 && indexText(message.id, text);
}

bool MessageRepository::remove(const ChatMessage &message, QList<qint64> *changedReplies)
{
    const qint64 rev = nextRev(message.room);
    if (rev == 0 || !unindexText(message.id, message.text))
        return false;
    SqlStatement update(m_db,
                        QStringLiteral("UPDATE messages SET text = '', deleted = 1, reply_to = NULL, "
                                       "reply_author_id = NULL, reply_excerpt = NULL, reactions = NULL, "
                                       "mentions = NULL, rev = ? WHERE id = ?"),
                        {rev, message.id});
    if (!update.ok() || update.rowsAffected() != 1)
        return false; // a tombstone is not indexed: nothing of it can be found
    // The replies that quoted it lose the quoted text; each takes its own rev, so that no page boundary of
    // changes() can fall between two rows of the same rev.
    SqlStatement replies(
        m_db,
        QStringLiteral("SELECT id FROM messages WHERE reply_to = ? AND reply_excerpt IS NOT NULL "
                       "ORDER BY id"),
        {message.id});
    QList<qint64> ids;
    while (replies.next())
        ids.append(replies.value(0).toLongLong());
    if (!replies.ok())
        return false;
    for (const qint64 id : std::as_const(ids)) {
        const qint64 replyRev = nextRev(message.room);
        SqlStatement clear(m_db,
                           QStringLiteral("UPDATE messages SET reply_excerpt = NULL, rev = ? WHERE id = ?"),
                           {replyRev, id});
        if (replyRev == 0 || !clear.ok())
            return false;
        changedReplies->append(id);
    }
    return true;
}

bool MessageRepository::setReactions(const ChatMessage &message, const QList<Reaction> &reactions)
{
    const qint64 rev = nextRev(message.room);
    if (rev == 0)
        return false;
    SqlStatement update(m_db, QStringLiteral("UPDATE messages SET reactions = ?, rev = ? WHERE id = ?"),
                        {reactionsColumn(reactions), rev, message.id});
    return update.ok() && update.rowsAffected() == 1;
}

MessageRepository::Page MessageRepository::collect(SqlStatement &select, int limit) const
{
    Page page;
    while (select.next())
        page.messages.append(fromRow(select));
    page.ok = select.ok();
    if (page.ok && page.messages.size() > limit) {
        page.more = true;
        page.messages.removeLast();
    }
    return page;
}

MessageRepository::Page MessageRepository::page(qint64 room, std::optional<qint64> before,
                                                std::optional<qint64> after, int limit) const
{
    // One row more than asked tells whether there is more; the index (room_id, id) serves every form.
    QString sql = kSelect + QStringLiteral("WHERE m.room_id = ? ");
    QVariant cursor;
    if (after) {
        sql += QStringLiteral("AND m.id > ? ORDER BY m.id ASC LIMIT ?");
        cursor = *after;
    } else if (before) {
        sql += QStringLiteral("AND m.id < ? ORDER BY m.id DESC LIMIT ?");
        cursor = *before;
    } else {
        sql += QStringLiteral("ORDER BY m.id DESC LIMIT ?");
    }
    SqlStatement select = cursor.isValid() ? SqlStatement(m_db, sql, {room, cursor, limit + 1})
                                           : SqlStatement(m_db, sql, {room, limit + 1});
    Page page = collect(select, limit);
    if (page.ok && !after)
        std::reverse(page.messages.begin(), page.messages.end());
    return page;
}

MessageRepository::Page MessageRepository::changes(qint64 room, qint64 since, int limit) const
{
    SqlStatement select(m_db,
                        kSelect + QStringLiteral("WHERE m.room_id = ? AND m.rev > ? ORDER BY m.rev LIMIT ?"),
                        {room, since, limit + 1});
    return collect(select, limit);
}

std::optional<QHash<qint64, MessageRepository::RoomPosition>> MessageRepository::roomPositions() const
{
    SqlStatement select(
        m_db, QStringLiteral("SELECT r.room_id, r.rev, (SELECT COALESCE(MAX(m.id), 0) FROM messages m "
                             "WHERE m.room_id = r.room_id) FROM room_revs r"));
    QHash<qint64, RoomPosition> positions;
    while (select.next())
        positions.insert(select.value(0).toLongLong(),
                         {select.value(1).toLongLong(), select.value(2).toLongLong()});
    if (!select.ok())
        return std::nullopt;
    return positions;
}

qint64 MessageRepository::newestId(qint64 room) const
{
    SqlStatement select(m_db, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM messages WHERE room_id = ?"),
                        {room});
    return select.next() ? select.value(0).toLongLong() : -1;
}

int MessageRepository::unreadCount(qint64 room, qint64 afterId, qint64 userId, int cap) const
{
    SqlStatement select(
        m_db,
        QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM messages WHERE room_id = ? AND id > ? "
                       "AND author_id <> ? AND deleted = 0 AND kind = 0 LIMIT ?) AS unread"),
        {room, afterId, userId, cap});
    return select.next() ? select.value(0).toInt() : -1;
}

MessageRepository::SearchPage MessageRepository::search(qint64 userId, const QString &words,
                                                        std::optional<qint64> room,
                                                        std::optional<qint64> before, int limit) const
{
    const qint64 roomId = room.value_or(0);
    const qint64 beforeId = before.value_or(std::numeric_limits<qint64>::max());
    if (m_db.isPostgres()) {
        // The GIN index of migration 0003 (.postgresql) is on to_tsvector('natter_search', text): the same
        // expression here, or it is not used. ts_headline marks every match, as FTS5's highlight() does.
        static const QString sql =
            QStringLiteral("SELECT ts_headline('natter_search', m.text, q.query, 'StartSel=' || chr(2) || "
                           "', StopSel=' || chr(3) || ', HighlightAll=true'), ") +
            kColumns +
            QStringLiteral(
                "FROM messages m JOIN memberships ms ON ms.room_id = m.room_id AND ms.user_id = ? "
                "CROSS JOIN (SELECT to_tsquery('natter_search', ?) AS query) q "
                "JOIN users u ON u.id = m.author_id LEFT JOIN users ru ON ru.id = m.reply_author_id "
                "WHERE to_tsvector('natter_search', m.text) @@ q.query AND m.id < ? "
                "AND (CAST(? AS BIGINT) = 0 OR m.room_id = ?) AND m.deleted = 0 ORDER BY m.id DESC LIMIT ?");
        SqlStatement select(m_db, sql,
                            {userId, SearchQuery::toTsQuery(words), beforeId, roomId, roomId, limit + 1});
        return collectHits(select, limit);
    }
    // Newest first by rowid, which FTS5 walks in order; only rows of rooms the user is in are joined.
    static const QString sql =
        QStringLiteral("SELECT highlight(messages_fts, 0, char(2), char(3)), ") + kColumns +
        QStringLiteral(
            "FROM messages_fts f JOIN messages m ON m.id = f.rowid "
            "JOIN memberships ms ON ms.room_id = m.room_id AND ms.user_id = ? "
            "JOIN users u ON u.id = m.author_id LEFT JOIN users ru ON ru.id = m.reply_author_id "
            "WHERE messages_fts MATCH ? AND f.rowid < ? AND (? = 0 OR m.room_id = ?) AND m.deleted = 0 "
            "ORDER BY f.rowid DESC LIMIT ?");
    SqlStatement select(m_db, sql,
                        {userId, SearchQuery::fromUserText(words), beforeId, roomId, roomId, limit + 1});
    return collectHits(select, limit);
}

MessageRepository::SearchPage MessageRepository::collectHits(SqlStatement &select, int limit) const
{
    SearchPage page;
    while (select.next())
        page.hits.append({fromRow(select, 1), select.value(0).toString()});
    page.ok = select.ok();
    if (page.ok && page.hits.size() > limit) {
        page.more = true;
        page.hits.removeLast();
    }
    return page;
}

} // namespace Natter::Server
