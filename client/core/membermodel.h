// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "member.h"

#include <QAbstractListModel>

namespace Natter::Client {

/// One room's members, sorted by name (case-insensitive), each with whether they are online.
class MemberModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        UserIdRole = Qt::UserRole + 1,
        UsernameRole,
        OnlineRole,
    };
    Q_ENUM(Role)

    explicit MemberModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setMembers(const QList<Member> &members);
    void addMember(const Member &member);
    void removeMember(qint64 userId);
    void setOnline(qint64 userId, bool online);
    bool contains(qint64 userId) const { return rowOf(userId) >= 0; }
    int onlineCount() const;

private:
    int rowOf(qint64 userId) const;
    int insertionRow(const QString &username) const;

    QList<Member> m_members;
};

} // namespace Natter::Client
