// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatmessage.h"

#include <QAbstractListModel>
#include <QList>

namespace Natter::Client {

/// One room's messages for the chat view: stored messages in id order, then the user's own messages that
/// are not stored yet (pending or failed) in the order they were written. The stored ones include the lines
/// about the room that history holds ("bob joined"; NoticeRole); a line of a kind this version does not know
/// says so. A message is never listed twice:
/// a stored one is matched by id, and the user's own by client_id when the server confirms it.
class MessageModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        AuthorRole,
        AuthorIdRole,
        TextRole,
        TimestampRole, // QDateTime, UTC
        StatusRole,    // Status
        IsOwnRole,
        ClientIdRole,
        StartsDayRole,      // the first message of its local calendar day: show a day separator above it
        ContinuesGroupRole, // same author as the one above, within a few minutes: no header needed
        EditedRole,         // QDateTime (UTC) of the last edit; invalid when never edited
        DeletedRole,        // bool: a tombstone, no text
        ReplyIdRole,        // qint64: the message this one answers, 0 for none
        ReplyAuthorRole,    // QString
        ReplyExcerptRole,   // QString; empty when the answered message was deleted
        ReplyDeletedRole,   // bool
        ReactionsRole,      // QVariantList of QVariantMap{"emoji", "count", "mine", "users" (QList<qint64>)}
        MentionsMeRole,     // bool: the user is named with @
        RevRole,            // qint64: changes whenever the message does (for caches of its layout)
        NoticeRole,         // Notice: a line about the room ("bob joined"), not a message; None for messages
        FailureRole,        // int (ErrorCode) why the server refused a failed message; -1 for none
    };
    Q_ENUM(Role)
    enum class Status { Sent, Pending, Failed };
    Q_ENUM(Status)
    enum class Notice { None, Joined, Left, Other }; // Other: a kind of line this version does not know
    Q_ENUM(Notice)

    explicit MessageModel(qint64 roomId, qint64 ownUserId, QObject *parent = nullptr);

    qint64 roomId() const { return m_roomId; }
    void setOwnUserId(qint64 userId) { m_ownUserId = userId; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// A stored message (event, reply, history or changes). Returns false when it was already listed; then
    /// a newer state of it (higher rev: edited, deleted, reacted to) replaces the one listed. While the
    /// model holds a window of older history (hasNewer), a message newer than the window is not listed
    /// (it would leave a gap) but still counts as new: true; the user's own pending copy of it goes.
    bool addStored(const ChatMessage &message);
    /// Several stored messages, e.g. a page of history; a page older than everything listed, or (while
    /// hasNewer) newer than everything listed, goes in as one block.
    void addStored(const QList<ChatMessage> &messages);
    /// Replaces the stored messages with a window of history (around a message far back, or the newest
    /// page), keeping the user's pending ones. hasNewer: the window ends before the newest message.
    void resetWindow(const QList<ChatMessage> &messages, bool hasOlder, bool hasNewer);
    /// The user's own message, shown at once and marked pending until the server stores it.
    void addPending(const ChatMessage &draft);
    /// `refusal`: the server's error code when it refused the message (Failed), -1 for none.
    void setStatus(const QString &clientId, Status status, int refusal = -1);
    /// Takes a pending or failed message of the user's out of the list.
    void discard(const QString &clientId) { removePending(clientId); }
    std::optional<ChatMessage> pendingMessage(const QString &clientId) const;

    /// Ids of the oldest and newest stored messages; 0 when there are none.
    qint64 oldestId() const;
    qint64 newestId() const;
    /// The highest change counter of the stored messages: where `changes` catches up from.
    qint64 newestRev() const { return m_newestRev; }
    std::optional<ChatMessage> stored(qint64 id) const;
    int rowOf(qint64 id) const;
    /// Stored messages (not lines about the room) after `id` by others than `userId`, not deleted: what is
    /// unread after a read position; nullopt when the model does not hold everything after `id`.
    std::optional<int> countAfter(qint64 id, qint64 userId) const;
    /// The newest stored message of the user that is not deleted; 0 for none (Up edits it).
    qint64 lastOwnMessageId() const;
    /// Whether older messages than those listed exist on the server (from the last history page).
    bool hasOlder() const { return m_hasOlder; }
    void setHasOlder(bool hasOlder) { m_hasOlder = hasOlder; }
    /// Whether newer messages than those listed exist: the model holds a window further back (see
    /// resetWindow) and new messages are not added to it until it reaches the newest again.
    bool hasNewer() const { return m_hasNewer; }
    void setHasNewer(bool hasNewer) { m_hasNewer = hasNewer; }

private:
    struct Entry {
        ChatMessage message;
        Status status = Status::Sent;
        int refusal = -1; // the ErrorCode of a refused send
    };
    int findPending(const QString &clientId) const;
    QString accessibleText(const QModelIndex &index) const;
    void replace(int row, const ChatMessage &message);
    void notifyNeighbours(int first, int last);
    /// Inserts messages sorted by id, all older or all newer than those listed, at `row` in one go.
    void insertBlock(int row, const QList<ChatMessage> &sorted);
    void removePending(const QString &clientId);

    qint64 m_roomId;
    qint64 m_ownUserId;
    QList<Entry> m_entries; // [0, m_stored) stored by id, then pending/failed
    int m_stored = 0;
    qint64 m_newestRev = 0;
    bool m_hasOlder = true;
    bool m_hasNewer = false;
};

} // namespace Natter::Client
