// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatmessage.h"

#include <QList>
#include <QSqlDatabase>
#include <optional>

namespace Natter::Server {

/// Stored messages. Ids come from SQLite's AUTOINCREMENT, so they strictly increase in commit order.
class MessageRepository {
public:
    explicit MessageRepository(QSqlDatabase db);

    /// Inserts a message; the caller owns the transaction. Returns it with its id.
    std::optional<ChatMessage> insert(qint64 room, const User &author, const QString &text,
                                      const QString &clientId, qint64 timestampMs);
    /// The message an earlier send with this client_id stored, if any.
    std::optional<ChatMessage> findByClientId(qint64 room, qint64 authorId, const QString &clientId) const;

    struct Page {
        QList<ChatMessage> messages; // oldest first
        bool more = false;           // further messages lie beyond this page in the paging direction
        bool ok = true;
    };
    /// The newest `limit` messages, or those before / after a message id.
    Page page(qint64 room, std::optional<qint64> before, std::optional<qint64> after, int limit) const;

private:
    QSqlDatabase m_db;
};

} // namespace Natter::Server
