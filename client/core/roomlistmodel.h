// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "room.h"

#include <QAbstractListModel>

namespace Natter::Client {

/// The user's rooms, in the order they were joined, with an unread count each.
class RoomListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        CodeRole,
        UnreadRole,
        OwnerRole,  // qint64: the user who may rename it and renew its code; 0 for none
        DirectRole, // bool: a direct conversation (its name is the other member's)
        MutedRole,  // bool: no notifications, except for messages that name the user
    };
    Q_ENUM(Role)

    explicit RoomListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Replaces the list with the server's (after sign-in), with the server's unread counts.
    void setRooms(const QList<Room> &rooms);
    /// Adds a room at the end, or updates its name, code and owner.
    void addRoom(const Room &room);
    /// A rename or a new code.
    void updateRoom(qint64 roomId, const QString &name, const QString &code);
    /// The user's read position and the unread count after it, as the server counts them.
    void setRead(qint64 roomId, qint64 read, int unread);
    qint64 readOf(qint64 roomId) const;
    QString codeOf(qint64 roomId) const;
    qint64 ownerOf(qint64 roomId) const;
    bool isDirect(qint64 roomId) const;
    /// Muting is the user's choice on this device: kept in the settings, not on the server.
    void setMuted(qint64 roomId, bool muted);
    bool isMuted(qint64 roomId) const;
    QList<qint64> mutedIds() const;
    void removeRoom(qint64 roomId);
    void clear();

    void incrementUnread(qint64 roomId);
    void clearUnread(qint64 roomId);
    int totalUnread() const;

    int rowOf(qint64 roomId) const;
    qint64 idAt(int row) const;
    QString nameOf(qint64 roomId) const;
    QList<qint64> ids() const;

signals:
    void totalUnreadChanged(int total);
    void mutedChanged(qint64 roomId, bool muted);

private:
    struct Entry {
        qint64 id = 0;
        QString name;
        QString code;
        int unread = 0;
        qint64 owner = 0;
        bool direct = false;
        qint64 read = 0;
        bool muted = false;
    };
    static Entry entryOf(const Room &room);
    void setUnread(int row, int unread);
    QList<Entry> m_entries;
};

} // namespace Natter::Client
