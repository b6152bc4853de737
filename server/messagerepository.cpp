// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagerepository.h"

#include "sqlstatement.h"

#include <algorithm>

namespace Natter::Server {

namespace {
const QString kSelect =
    QStringLiteral("SELECT m.id, m.room_id, m.author_id, u.username, m.text, m.client_id, "
                   "m.created_at FROM messages m JOIN users u ON u.id = m.author_id ");

ChatMessage fromRow(const SqlStatement &row)
{
    return ChatMessage{row.value(0).toLongLong(),
                       row.value(1).toLongLong(),
                       User{row.value(2).toLongLong(), row.value(3).toString()},
                       row.value(4).toString(),
                       row.value(6).toLongLong(),
                       row.value(5).toString()};
}
} // namespace

MessageRepository::MessageRepository(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<ChatMessage> MessageRepository::insert(qint64 room, const User &author, const QString &text,
                                                     const QString &clientId, qint64 timestampMs)
{
    SqlStatement insert(
        m_db,
        QStringLiteral("INSERT INTO messages (room_id, author_id, text, client_id, created_at) "
                       "VALUES (?, ?, ?, ?, ?)"),
        {room, author.id, text, clientId.isEmpty() ? QVariant() : QVariant(clientId), timestampMs});
    if (!insert.ok())
        return std::nullopt;
    return ChatMessage{insert.query().lastInsertId().toLongLong(), room, author, text, timestampMs, clientId};
}

std::optional<ChatMessage> MessageRepository::findByClientId(qint64 room, qint64 authorId,
                                                             const QString &clientId) const
{
    SqlStatement select(
        m_db, kSelect + QStringLiteral("WHERE m.room_id = ? AND m.author_id = ? AND m.client_id = ?"),
        {room, authorId, clientId});
    if (!select.ok() || !select.next())
        return std::nullopt;
    return fromRow(select);
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
    Page page;
    while (select.next())
        page.messages.append(fromRow(select));
    page.ok = select.ok();
    if (!page.ok)
        return page;
    if (page.messages.size() > limit) {
        page.more = true;
        page.messages.removeLast();
    }
    if (!after)
        std::reverse(page.messages.begin(), page.messages.end());
    return page;
}

} // namespace Natter::Server
