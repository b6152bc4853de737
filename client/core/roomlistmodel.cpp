// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomlistmodel.h"

#include <QHash>
#include <numeric>

namespace Natter::Client {

RoomListModel::RoomListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int RoomListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant RoomListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return entry.name;
    case IdRole:
        return entry.id;
    case OwnerRole:
        return entry.owner;
    case DirectRole:
        return entry.direct;
    case MutedRole:
        return entry.muted;
    case CodeRole:
        return entry.code;
    case UnreadRole:
        return entry.unread;
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole: {
        const QString text =
            entry.unread > 0 ? tr("%1, %n unread", nullptr, entry.unread).arg(entry.name) : entry.name;
        return entry.muted ? tr("%1, muted").arg(text) : text;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> RoomListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "roomId"},
                  {NameRole, "name"},
                  {CodeRole, "code"},
                  {UnreadRole, "unread"},
                  {OwnerRole, "owner"},
                  {DirectRole, "direct"},
                  {MutedRole, "muted"}});
    return names;
}

RoomListModel::Entry RoomListModel::entryOf(const Room &room)
{
    return Entry{room.id, room.name, room.code, room.unread, room.owner, room.direct, room.read, false};
}

void RoomListModel::setRooms(const QList<Room> &rooms)
{
    const QList<qint64> muted = mutedIds();
    beginResetModel();
    m_entries.clear();
    for (const Room &room : rooms) {
        m_entries.append(entryOf(room));
        m_entries.last().muted = muted.contains(room.id);
    }
    endResetModel();
    emit totalUnreadChanged(totalUnread());
}

void RoomListModel::addRoom(const Room &room)
{
    const int row = rowOf(room.id);
    if (row >= 0) {
        Entry &entry = m_entries[row];
        entry.name = room.name;
        entry.code = room.code;
        entry.owner = room.owner;
        emit dataChanged(index(row), index(row), {Qt::DisplayRole, NameRole, CodeRole, OwnerRole});
        return;
    }
    const int end = int(m_entries.size());
    beginInsertRows({}, end, end);
    m_entries.append(entryOf(room));
    endInsertRows();
    emit totalUnreadChanged(totalUnread());
}

void RoomListModel::updateRoom(qint64 roomId, const QString &name, const QString &code)
{
    const int row = rowOf(roomId);
    if (row < 0)
        return;
    m_entries[row].name = name;
    m_entries[row].code = code;
    emit dataChanged(index(row), index(row), {Qt::DisplayRole, NameRole, CodeRole});
}

void RoomListModel::setRead(qint64 roomId, qint64 read, int unread)
{
    const int row = rowOf(roomId);
    if (row < 0 || read < m_entries.at(row).read)
        return;
    m_entries[row].read = read;
    setUnread(row, unread);
}

void RoomListModel::setUnread(int row, int unread)
{
    if (m_entries.at(row).unread == unread)
        return;
    m_entries[row].unread = unread;
    emit dataChanged(index(row), index(row), {UnreadRole});
    emit totalUnreadChanged(totalUnread());
}

void RoomListModel::setMuted(qint64 roomId, bool muted)
{
    const int row = rowOf(roomId);
    if (row < 0 || m_entries.at(row).muted == muted)
        return;
    m_entries[row].muted = muted;
    emit dataChanged(index(row), index(row), {MutedRole});
    emit mutedChanged(roomId, muted);
}

bool RoomListModel::isMuted(qint64 roomId) const
{
    const int row = rowOf(roomId);
    return row >= 0 && m_entries.at(row).muted;
}

QList<qint64> RoomListModel::mutedIds() const
{
    QList<qint64> ids;
    for (const Entry &entry : m_entries) {
        if (entry.muted)
            ids.append(entry.id);
    }
    return ids;
}

qint64 RoomListModel::readOf(qint64 roomId) const
{
    const int row = rowOf(roomId);
    return row < 0 ? 0 : m_entries.at(row).read;
}

QString RoomListModel::codeOf(qint64 roomId) const
{
    const int row = rowOf(roomId);
    return row < 0 ? QString() : m_entries.at(row).code;
}

qint64 RoomListModel::ownerOf(qint64 roomId) const
{
    const int row = rowOf(roomId);
    return row < 0 ? 0 : m_entries.at(row).owner;
}

bool RoomListModel::isDirect(qint64 roomId) const
{
    const int row = rowOf(roomId);
    return row >= 0 && m_entries.at(row).direct;
}

void RoomListModel::removeRoom(qint64 roomId)
{
    const int row = rowOf(roomId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
    emit totalUnreadChanged(totalUnread());
}

void RoomListModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
    emit totalUnreadChanged(0);
}

void RoomListModel::incrementUnread(qint64 roomId)
{
    const int row = rowOf(roomId);
    if (row < 0)
        return;
    setUnread(row, m_entries.at(row).unread + 1);
}

void RoomListModel::clearUnread(qint64 roomId)
{
    const int row = rowOf(roomId);
    if (row >= 0)
        setUnread(row, 0);
}

int RoomListModel::totalUnread() const
{
    return std::accumulate(m_entries.cbegin(), m_entries.cend(), 0,
                           [](int sum, const Entry &entry) { return sum + entry.unread; });
}

int RoomListModel::rowOf(qint64 roomId) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).id == roomId)
            return row;
    }
    return -1;
}

qint64 RoomListModel::idAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).id : 0;
}

QString RoomListModel::nameOf(qint64 roomId) const
{
    const int row = rowOf(roomId);
    return row < 0 ? QString() : m_entries.at(row).name;
}

QList<qint64> RoomListModel::ids() const
{
    QList<qint64> result;
    for (const Entry &entry : m_entries)
        result.append(entry.id);
    return result;
}

} // namespace Natter::Client
