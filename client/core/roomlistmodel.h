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
    };
    Q_ENUM(Role)

    explicit RoomListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Replaces the list with the server's (after sign-in); unread counts of rooms still there are kept.
    void setRooms(const QList<Room> &rooms);
    /// Adds a room at the end, or updates its name and code.
    void addRoom(const Room &room);
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

private:
    struct Entry {
        qint64 id = 0;
        QString name;
        QString code;
        int unread = 0;
    };
    QList<Entry> m_entries;
};

} // namespace Natter::Client
