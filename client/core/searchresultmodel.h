// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "replies.h"

#include <QAbstractListModel>
#include <functional>

namespace Natter::Client {

/// The results of one search, newest first, page after page: each a message with its matching words
/// marked (between U+0002 and U+0003, as the server sends them).
class SearchResultModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        RoomIdRole = Qt::UserRole + 1,
        MessageIdRole,
        AuthorRole,
        TimestampRole, // QDateTime, UTC
        MarkedTextRole,
        MarkedHtmlRole, // the text as HTML with the matches in <b>
        RoomNameRole,
    };
    Q_ENUM(Role)

    explicit SearchResultModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// How room ids become names (the session's room list).
    void setRoomNames(std::function<QString(qint64)> names) { m_roomNames = std::move(names); }
    void clear();
    void append(const QList<SearchHit> &hits, bool more);
    bool hasMore() const { return m_more; }
    /// The id to page on from: the oldest result held; 0 for none.
    qint64 oldestId() const;

    /// Marked text as HTML: escaped, with each match in <b>. Public for tests.
    static QString markedToHtml(const QString &marked);

private:
    QList<SearchHit> m_hits;
    bool m_more = false;
    std::function<QString(qint64)> m_roomNames;
};

} // namespace Natter::Client
