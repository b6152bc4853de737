// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sqlconnection.h"

#include "chatmessage.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <optional>

namespace Natter::Server {

/// Stored messages and their search index. Ids come from SQLite's AUTOINCREMENT (PostgreSQL: an identity
/// column), so they strictly increase in commit order within a room: on PostgreSQL the room's rev, updated
/// before the insert, locks the room's row until the commit. Every change to a message (insert, edit, delete,
/// reactions) gives it the next value of its room's change counter (`rev`). The writing methods leave the
/// transaction to the caller.
class MessageRepository {
public:
    explicit MessageRepository(SqlConnection db);

    /// Inserts a message (replyTo: the quote it carries, if it answers one). Returns it with id and rev;
    /// std::nullopt on failure, and when a message with this clientId is stored already (the unique index
    /// decides, whichever instance stored it first; findByClientId() then gives that one).
    std::optional<ChatMessage> insert(qint64 room, const User &author, const QString &text,
                                      const QString &clientId, qint64 timestampMs,
                                      const std::optional<Quote> &replyTo = std::nullopt,
                                      const QList<qint64> &mentions = {});
    /// Stores a line about the room (Joined or Left, `user` its author) among its messages, with id and rev.
    std::optional<ChatMessage> insertRoomEvent(qint64 room, const User &user, ChatMessage::Kind kind,
                                               qint64 timestampMs);
    /// The message an earlier send with this client_id stored, if any.
    std::optional<ChatMessage> findByClientId(qint64 room, qint64 authorId, const QString &clientId) const;
    /// The message with this id in this room (deleted ones too).
    std::optional<ChatMessage> find(qint64 room, qint64 id) const;

    /// New text and mentions; the message is marked edited at `timestampMs`. False on failure.
    bool edit(const ChatMessage &message, const QString &text, const QList<qint64> &mentions,
              qint64 timestampMs);
    /// Makes the message a tombstone: no text, quote, reactions or mentions. The replies that quoted it lose
    /// their excerpt; their ids are appended to `changedReplies`. False on failure.
    bool remove(const ChatMessage &message, QList<qint64> *changedReplies);
    bool setReactions(const ChatMessage &message, const QList<Reaction> &reactions);

    struct Page {
        QList<ChatMessage> messages; // oldest first (by id; for changes(), by rev)
        bool more = false;           // further messages lie beyond this page in the paging direction
        bool ok = true;
    };
    /// The newest `limit` messages, or those before / after a message id.
    Page page(qint64 room, std::optional<qint64> before, std::optional<qint64> after, int limit) const;
    /// Messages whose rev is above `since`, by rev.
    Page changes(qint64 room, qint64 since, int limit) const;
    /// The newest message id of a room, 0 for none; -1 when reading failed.
    qint64 newestId(qint64 room) const;
    /// Messages (not lines about the room) after `afterId` not written by `userId` and not deleted, counted
    /// up to `cap`; -1 on failure.
    int unreadCount(qint64 room, qint64 afterId, qint64 userId, int cap) const;

    struct SearchHit {
        ChatMessage message;
        QString marked; // the text with each match between U+0002 and U+0003
    };
    struct SearchPage {
        QList<SearchHit> hits; // newest first
        bool more = false;
        bool ok = true;
    };
    /// Full-text search in the rooms `userId` is a member of (or in `room` only), newest first, before a
    /// message id: every one of `words` (what the user typed) must occur, the last also as a prefix (see
    /// SearchQuery). SQLite searches with FTS5, PostgreSQL with its own text search.
    SearchPage search(qint64 userId, const QString &words, std::optional<qint64> room,
                      std::optional<qint64> before, int limit) const;

    /// From now on, changes to the search index wait here until flushIndex(). FTS5 writes the terms it
    /// holds as a new segment of the index at every SAVEPOINT and RELEASE, so a writer that runs each job
    /// in its own savepoint would write (and later merge) one segment per message; with this, one per
    /// batch. Searches on this connection do not see the waiting changes.
    void deferIndexing() { m_deferIndexing = true; }
    /// How many index changes wait; dropIndexChangesAfter(mark) forgets those of a job rolled back.
    qsizetype indexMark() const { return m_pendingIndex.size(); }
    void dropIndexChangesAfter(qsizetype mark) { m_pendingIndex.resize(mark); }
    /// Writes the waiting index changes, in order. False on failure (the transaction must not commit).
    bool flushIndex();

    struct RoomPosition {
        qint64 rev = 0;      // the room's change counter
        qint64 newestId = 0; // its newest message
    };
    /// PostgreSQL: where every room that has changed stands now (room_revs); std::nullopt on failure.
    std::optional<QHash<qint64, RoomPosition>> roomPositions() const;

    /// On PostgreSQL, the rooms whose messages changed (took a rev) since the last takeChangedRooms(),
    /// rolled-back changes included: what the writer tells other instances about.
    const QSet<qint64> &changedRooms() const { return m_changedRooms; }
    QSet<qint64> takeChangedRooms() { return std::exchange(m_changedRooms, {}); }

private:
    /// The room's next change counter value; 0 on failure.
    qint64 nextRev(qint64 room);
    bool indexText(qint64 id, const QString &text);
    bool unindexText(qint64 id, const QString &text);
    bool applyIndexChange(bool add, qint64 id, const QString &text);
    Page collect(class SqlStatement &select, int limit) const;
    SearchPage collectHits(SqlStatement &select, int limit) const;

    struct IndexChange {
        bool add; // false: forget the row, which was indexed with `text`
        qint64 id;
        QString text;
    };
    SqlConnection m_db;
    QSet<qint64> m_changedRooms;
    bool m_deferIndexing = false;
    QList<IndexChange> m_pendingIndex;
};

} // namespace Natter::Server
