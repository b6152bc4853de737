// SPDX-License-Identifier: GPL-3.0-or-later
#include "membermodel.h"

#include <algorithm>

namespace Natter::Client {

namespace {
bool byName(const Member &a, const Member &b)
{
    const int order = a.user.username.compare(b.user.username, Qt::CaseInsensitive);
    return order != 0 ? order < 0 : a.user.id < b.user.id;
}
} // namespace

MemberModel::MemberModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int MemberModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

QVariant MemberModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Member &member = m_members.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case UsernameRole:
        return member.user.username;
    case UserIdRole:
        return member.user.id;
    case OnlineRole:
        return m_presenceKnown ? QVariant(member.online) : QVariant();
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        if (!m_presenceKnown)
            return tr("%1, presence unknown while disconnected").arg(member.user.username);
        return member.online ? tr("%1, online").arg(member.user.username)
                             : tr("%1, offline").arg(member.user.username);
    default:
        return {};
    }
}

QHash<int, QByteArray> MemberModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{UserIdRole, "userId"}, {UsernameRole, "username"}, {OnlineRole, "online"}});
    return names;
}

void MemberModel::setPresenceKnown(bool known)
{
    if (known == m_presenceKnown)
        return;
    m_presenceKnown = known;
    if (!m_members.isEmpty())
        emit dataChanged(index(0), index(int(m_members.size()) - 1));
}

void MemberModel::setMembers(const QList<Member> &members)
{
    beginResetModel();
    m_presenceKnown = true;
    m_members = members;
    std::sort(m_members.begin(), m_members.end(), byName);
    endResetModel();
}

void MemberModel::addMember(const Member &member)
{
    const int existing = rowOf(member.user.id);
    if (existing >= 0) {
        setOnline(member.user.id, member.online);
        return;
    }
    const int row = insertionRow(member.user.username);
    beginInsertRows({}, row, row);
    m_members.insert(row, member);
    endInsertRows();
}

void MemberModel::removeMember(qint64 userId)
{
    const int row = rowOf(userId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_members.removeAt(row);
    endRemoveRows();
}

void MemberModel::setOnline(qint64 userId, bool online)
{
    const int row = rowOf(userId);
    if (row < 0 || m_members.at(row).online == online)
        return;
    m_members[row].online = online;
    emit dataChanged(index(row), index(row), {OnlineRole});
}

int MemberModel::onlineCount() const
{
    return int(std::count_if(m_members.cbegin(), m_members.cend(), [](const Member &m) { return m.online; }));
}

int MemberModel::rowOf(qint64 userId) const
{
    for (int row = 0; row < m_members.size(); ++row) {
        if (m_members.at(row).user.id == userId)
            return row;
    }
    return -1;
}

int MemberModel::insertionRow(const QString &username) const
{
    const Member probe{User{0, username}, false};
    return int(std::lower_bound(m_members.cbegin(), m_members.cend(), probe, byName) - m_members.cbegin());
}

} // namespace Natter::Client
