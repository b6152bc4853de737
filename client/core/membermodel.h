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
        OnlineRole, // bool; invalid while presence is unknown (see setPresenceKnown)
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
    /// Whether who is online is known: not while the client is disconnected (the last state it heard may
    /// be long out of date). setMembers makes it known again.
    void setPresenceKnown(bool known);
    bool presenceKnown() const { return m_presenceKnown; }

private:
    int rowOf(qint64 userId) const;
    int insertionRow(const QString &username) const;

    QList<Member> m_members;
    bool m_presenceKnown = true;
};

} // namespace Natter::Client
