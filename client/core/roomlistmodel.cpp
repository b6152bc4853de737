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
    case CodeRole:
        return entry.code;
    case UnreadRole:
        return entry.unread;
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return entry.unread > 0 ? tr("%1, %n unread", nullptr, entry.unread).arg(entry.name) : entry.name;
    default:
        return {};
    }
}

QHash<int, QByteArray> RoomListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "roomId"}, {NameRole, "name"}, {CodeRole, "code"}, {UnreadRole, "unread"}});
    return names;
}

void RoomListModel::setRooms(const QList<Room> &rooms)
{
    QHash<qint64, int> unread;
    for (const Entry &entry : std::as_const(m_entries))
        unread.insert(entry.id, entry.unread);
    beginResetModel();
    m_entries.clear();
    for (const Room &room : rooms)
        m_entries.append(Entry{room.id, room.name, room.code, unread.value(room.id)});
    endResetModel();
    emit totalUnreadChanged(totalUnread());
}

void RoomListModel::addRoom(const Room &room)
{
    const int row = rowOf(room.id);
    if (row >= 0) {
        m_entries[row].name = room.name;
        m_entries[row].code = room.code;
        emit dataChanged(index(row), index(row), {Qt::DisplayRole, NameRole, CodeRole});
        return;
    }
    const int end = int(m_entries.size());
    beginInsertRows({}, end, end);
    m_entries.append(Entry{room.id, room.name, room.code, 0});
    endInsertRows();
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
    ++m_entries[row].unread;
    emit dataChanged(index(row), index(row), {UnreadRole});
    emit totalUnreadChanged(totalUnread());
}

void RoomListModel::clearUnread(qint64 roomId)
{
    const int row = rowOf(roomId);
    if (row < 0 || m_entries.at(row).unread == 0)
        return;
    m_entries[row].unread = 0;
    emit dataChanged(index(row), index(row), {UnreadRole});
    emit totalUnreadChanged(totalUnread());
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
