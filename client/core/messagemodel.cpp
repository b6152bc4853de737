// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagemodel.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>

namespace Natter::Client {

namespace {
constexpr qint64 kGroupWindowMs = 5 * 60 * 1000;

QDate localDay(qint64 timestampMs)
{
    return QDateTime::fromMSecsSinceEpoch(timestampMs).toLocalTime().date();
}

/// By id, each once.
QList<ChatMessage> sortedById(QList<ChatMessage> messages)
{
    std::sort(messages.begin(), messages.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
    messages.erase(std::unique(messages.begin(), messages.end(),
                               [](const auto &a, const auto &b) { return a.id == b.id; }),
                   messages.end());
    return messages;
}

MessageModel::Notice noticeOf(const ChatMessage &message)
{
    switch (message.kind) {
    case ChatMessage::Kind::Text:
        return MessageModel::Notice::None;
    case ChatMessage::Kind::Joined:
        return MessageModel::Notice::Joined;
    case ChatMessage::Kind::Left:
        return MessageModel::Notice::Left;
    case ChatMessage::Kind::Other:
        break;
    }
    return MessageModel::Notice::Other;
}
} // namespace

MessageModel::MessageModel(qint64 roomId, qint64 ownUserId, QObject *parent)
    : QAbstractListModel(parent)
    , m_roomId(roomId)
    , m_ownUserId(ownUserId)
{}

int MessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    const ChatMessage &message = entry.message;
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        if (message.kind == ChatMessage::Kind::Joined) {
            return message.author.id == m_ownUserId ? tr("You joined the room")
                                                    : tr("%1 joined the room").arg(message.author.username);
        }
        if (message.kind == ChatMessage::Kind::Left) {
            return message.author.id == m_ownUserId ? tr("You left the room")
                                                    : tr("%1 left the room").arg(message.author.username);
        }
        if (message.kind == ChatMessage::Kind::Other)
            return tr("Something happened here that this version of Natter cannot show.");
        return message.text;
    case Qt::AccessibleTextRole:
        return accessibleText(index);
    case NoticeRole:
        return QVariant::fromValue(noticeOf(message));
    case FailureRole:
        return entry.refusal;
    case IdRole:
        return message.id;
    case AuthorRole:
        return message.author.username;
    case AuthorIdRole:
        return message.author.id;
    case TimestampRole:
        return QDateTime::fromMSecsSinceEpoch(message.timestampMs, Qt::UTC);
    case StatusRole:
        return QVariant::fromValue(entry.status);
    case IsOwnRole:
        return message.author.id == m_ownUserId;
    case ClientIdRole:
        return message.clientId;
    case StartsDayRole:
        return index.row() == 0 ||
               localDay(m_entries.at(index.row() - 1).message.timestampMs) != localDay(message.timestampMs);
    case EditedRole:
        return message.editedMs > 0 ? QDateTime::fromMSecsSinceEpoch(message.editedMs, Qt::UTC) : QDateTime();
    case DeletedRole:
        return message.deleted;
    case ReplyIdRole:
        return message.replyTo ? message.replyTo->id : 0;
    case ReplyAuthorRole:
        return message.replyTo ? message.replyTo->author.username : QString();
    case ReplyExcerptRole:
        return message.replyTo ? message.replyTo->excerpt : QString();
    case ReplyDeletedRole:
        return message.replyTo && message.replyTo->deleted;
    case ReactionsRole: {
        QVariantList reactions;
        for (const Reaction &reaction : message.reactions) {
            reactions.append(QVariantMap{{QStringLiteral("emoji"), reaction.emoji},
                                         {QStringLiteral("count"), int(reaction.users.size())},
                                         {QStringLiteral("mine"), reaction.users.contains(m_ownUserId)},
                                         {QStringLiteral("users"), QVariant::fromValue(reaction.users)}});
        }
        return reactions;
    }
    case MentionsMeRole:
        return message.mentions.contains(m_ownUserId);
    case RevRole:
        return message.rev;
    case ContinuesGroupRole: {
        if (index.row() == 0 || !message.isText() || !m_entries.at(index.row() - 1).message.isText())
            return false;
        const ChatMessage &previous = m_entries.at(index.row() - 1).message;
        return previous.author.id == message.author.id &&
               message.timestampMs - previous.timestampMs < kGroupWindowMs &&
               localDay(previous.timestampMs) == localDay(message.timestampMs);
    }
    default:
        return {};
    }
}

QString MessageModel::accessibleText(const QModelIndex &index) const
{
    // What a screen reader says for a row: everything the delegate draws, in words.
    const Entry &entry = m_entries.at(index.row());
    const ChatMessage &message = entry.message;
    const QString time =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(message.timestampMs).time(), QLocale::ShortFormat);
    const QString text = index.data(TextRole).toString();
    if (!message.isText())
        return tr("%1, at %2").arg(text, time);
    QStringList parts{message.deleted
                          ? tr("%1 at %2: this message was deleted.").arg(message.author.username, time)
                          : tr("%1 at %2: %3").arg(message.author.username, time, text)};
    if (message.replyTo)
        parts.append(tr("In reply to %1.").arg(message.replyTo->author.username));
    if (message.editedMs > 0 && !message.deleted)
        parts.append(tr("Edited."));
    for (const Reaction &reaction : message.reactions)
        parts.append(tr("%1: %n reaction(s).", nullptr, int(reaction.users.size())).arg(reaction.emoji));
    if (entry.status == Status::Pending)
        parts.append(tr("Sending."));
    else if (entry.status == Status::Failed)
        parts.append(tr("Not sent."));
    if (message.mentions.contains(m_ownUserId))
        parts.append(tr("Mentions you."));
    return parts.join(QLatin1Char(' '));
}

QHash<int, QByteArray> MessageModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "messageId"},
                  {AuthorRole, "author"},
                  {AuthorIdRole, "authorId"},
                  {TextRole, "text"},
                  {TimestampRole, "timestamp"},
                  {StatusRole, "status"},
                  {IsOwnRole, "isOwn"},
                  {ClientIdRole, "clientId"},
                  {StartsDayRole, "startsDay"},
                  {ContinuesGroupRole, "continuesGroup"},
                  {EditedRole, "edited"},
                  {DeletedRole, "deleted"},
                  {ReplyIdRole, "replyId"},
                  {ReplyAuthorRole, "replyAuthor"},
                  {ReplyExcerptRole, "replyExcerpt"},
                  {ReplyDeletedRole, "replyDeleted"},
                  {ReactionsRole, "reactions"},
                  {MentionsMeRole, "mentionsMe"},
                  {RevRole, "rev"}});
    return names;
}

int MessageModel::findPending(const QString &clientId) const
{
    if (clientId.isEmpty())
        return -1;
    for (int row = m_stored; row < m_entries.size(); ++row) {
        if (m_entries.at(row).message.clientId == clientId)
            return row;
    }
    return -1;
}

bool MessageModel::addStored(const ChatMessage &message)
{
    const auto begin = m_entries.cbegin();
    const auto end = begin + m_stored;
    const auto at = std::lower_bound(begin, end, message.id,
                                     [](const Entry &entry, qint64 id) { return entry.message.id < id; });
    const int row = int(at - begin);
    m_newestRev = std::max(m_newestRev, message.rev);
    if (at != end && at->message.id == message.id) {
        if (message.rev > at->message.rev)
            replace(row, message);
        return false;
    }

    // The server stored our own message: it leaves the pending tail for its place by id.
    if (message.author.id == m_ownUserId && message.isText())
        removePending(message.clientId);
    if (m_hasNewer && row == m_stored && m_stored > 0)
        return true; // beyond the window held: it comes with the pages after it
    beginInsertRows({}, row, row);
    m_entries.insert(row, Entry{message, Status::Sent});
    ++m_stored;
    endInsertRows();
    notifyNeighbours(row + 1, row + 1);
    return true;
}

void MessageModel::addStored(const QList<ChatMessage> &messages)
{
    // A page older than everything listed (scrolling back) goes in with one insert, which lets the view
    // keep its position; so does a page after the window held (scrolling forward in older history).
    // Anything else is merged one by one.
    const qint64 oldest = oldestId();
    const qint64 newest = newestId();
    const auto all = [&messages](auto predicate) {
        return !messages.isEmpty() && std::all_of(messages.cbegin(), messages.cend(), predicate);
    };
    const bool allOlder = oldest != 0 && all([oldest](const ChatMessage &m) { return m.id < oldest; });
    const bool allNewer =
        m_hasNewer && newest != 0 && all([newest](const ChatMessage &m) { return m.id > newest; });
    if (!allOlder && !allNewer) {
        for (const ChatMessage &message : messages)
            addStored(message);
        return;
    }
    insertBlock(allOlder ? 0 : m_stored, sortedById(messages));
}

void MessageModel::insertBlock(int row, const QList<ChatMessage> &sorted)
{
    for (const ChatMessage &message : sorted) {
        m_newestRev = std::max(m_newestRev, message.rev);
        if (message.author.id == m_ownUserId && message.isText())
            removePending(message.clientId);
    }
    beginInsertRows({}, row, row + int(sorted.size()) - 1);
    for (int i = 0; i < sorted.size(); ++i)
        m_entries.insert(row + i, Entry{sorted.at(i), Status::Sent});
    m_stored += int(sorted.size());
    endInsertRows();
    notifyNeighbours(row + int(sorted.size()), row + int(sorted.size()));
}

void MessageModel::resetWindow(const QList<ChatMessage> &messages, bool hasOlder, bool hasNewer)
{
    const QList<ChatMessage> sorted = sortedById(messages);
    beginResetModel();
    // The change counter stays: the session saw every change up to it, and the window is newer still.
    for (const ChatMessage &message : std::as_const(sorted)) {
        m_newestRev = std::max(m_newestRev, message.rev);
        if (message.author.id == m_ownUserId && message.isText()) {
            const int pending = findPending(message.clientId);
            if (pending >= 0)
                m_entries.removeAt(pending);
        }
    }
    m_entries.remove(0, m_stored);
    for (int i = 0; i < sorted.size(); ++i)
        m_entries.insert(i, Entry{sorted.at(i), Status::Sent});
    m_stored = int(sorted.size());
    m_hasOlder = hasOlder;
    m_hasNewer = hasNewer;
    endResetModel();
}

void MessageModel::removePending(const QString &clientId)
{
    const int pending = findPending(clientId);
    if (pending < 0)
        return;
    beginRemoveRows({}, pending, pending);
    m_entries.removeAt(pending);
    endRemoveRows();
}

void MessageModel::addPending(const ChatMessage &draft)
{
    if (findPending(draft.clientId) >= 0)
        return;
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(Entry{draft, Status::Pending});
    endInsertRows();
}

void MessageModel::setStatus(const QString &clientId, Status status, int refusal)
{
    const int row = findPending(clientId);
    if (row < 0 || (m_entries.at(row).status == status && m_entries.at(row).refusal == refusal))
        return;
    m_entries[row].status = status;
    m_entries[row].refusal = refusal;
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed, {StatusRole, FailureRole});
}

std::optional<ChatMessage> MessageModel::pendingMessage(const QString &clientId) const
{
    const int row = findPending(clientId);
    return row < 0 ? std::nullopt : std::optional<ChatMessage>(m_entries.at(row).message);
}

void MessageModel::replace(int row, const ChatMessage &message)
{
    m_entries[row].message = message;
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed);
}

std::optional<ChatMessage> MessageModel::stored(qint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? std::nullopt : std::optional<ChatMessage>(m_entries.at(row).message);
}

int MessageModel::rowOf(qint64 id) const
{
    const auto begin = m_entries.cbegin();
    const auto end = begin + m_stored;
    const auto at = std::lower_bound(
        begin, end, id, [](const Entry &entry, qint64 wanted) { return entry.message.id < wanted; });
    return at != end && at->message.id == id ? int(at - begin) : -1;
}

std::optional<int> MessageModel::countAfter(qint64 id, qint64 userId) const
{
    const qint64 oldest = oldestId();
    if (oldest == 0 || (oldest > id + 1 && m_hasOlder) || m_hasNewer)
        return std::nullopt;
    int count = 0;
    for (int row = 0; row < m_stored; ++row) {
        const Entry &entry = m_entries.at(row);
        if (entry.message.isText() && entry.message.id > id && entry.message.author.id != userId &&
            !entry.message.deleted)
            ++count;
    }
    return count;
}

qint64 MessageModel::lastOwnMessageId() const
{
    for (int row = m_stored - 1; row >= 0; --row) {
        const ChatMessage &message = m_entries.at(row).message;
        if (message.isText() && message.author.id == m_ownUserId && !message.deleted)
            return message.id;
    }
    return 0;
}

qint64 MessageModel::oldestId() const
{
    return m_stored > 0 ? m_entries.first().message.id : 0;
}

qint64 MessageModel::newestId() const
{
    return m_stored > 0 ? m_entries.at(m_stored - 1).message.id : 0;
}

void MessageModel::notifyNeighbours(int first, int last)
{
    // Day separators and grouping depend on the row above, so the row below an insert may change.
    first = std::max(first, 0);
    last = std::min(last, int(m_entries.size()) - 1);
    if (first <= last)
        emit dataChanged(index(first), index(last), {StartsDayRole, ContinuesGroupRole});
}

} // namespace Natter::Client
