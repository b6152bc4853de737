// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchresultmodel.h"

#include <QDateTime>

namespace Natter::Client {

namespace {
constexpr QChar kStart(0x0002);
constexpr QChar kEnd(0x0003);
} // namespace

SearchResultModel::SearchResultModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit &hit = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QString(hit.marked).remove(kStart).remove(kEnd);
    case Qt::AccessibleTextRole:
        return tr("%1: %2").arg(hit.message.author.username, QString(hit.marked).remove(kStart).remove(kEnd));
    case RoomIdRole:
        return hit.message.room;
    case MessageIdRole:
        return hit.message.id;
    case AuthorRole:
        return hit.message.author.username;
    case TimestampRole:
        return QDateTime::fromMSecsSinceEpoch(hit.message.timestampMs, Qt::UTC);
    case MarkedTextRole:
        return hit.marked;
    case MarkedHtmlRole:
        return markedToHtml(hit.marked);
    case RoomNameRole:
        return m_roomNames ? m_roomNames(hit.message.room) : QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchResultModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{RoomIdRole, "roomId"},
                  {MessageIdRole, "messageId"},
                  {AuthorRole, "author"},
                  {TimestampRole, "timestamp"},
                  {MarkedTextRole, "markedText"},
                  {MarkedHtmlRole, "markedHtml"},
                  {RoomNameRole, "roomName"}});
    return names;
}

void SearchResultModel::clear()
{
    beginResetModel();
    m_hits.clear();
    m_more = false;
    endResetModel();
}

void SearchResultModel::append(const QList<SearchHit> &hits, bool more)
{
    m_more = more;
    if (hits.isEmpty())
        return;
    beginInsertRows({}, int(m_hits.size()), int(m_hits.size() + hits.size()) - 1);
    m_hits.append(hits);
    endInsertRows();
}

qint64 SearchResultModel::oldestId() const
{
    return m_hits.isEmpty() ? 0 : m_hits.constLast().message.id;
}

QString SearchResultModel::markedToHtml(const QString &marked)
{
    QString html;
    bool inside = false;
    QString run;
    const auto flush = [&] {
        html += inside ? QStringLiteral("<b>%1</b>").arg(run.toHtmlEscaped()) : run.toHtmlEscaped();
        run.clear();
    };
    for (const QChar c : marked) {
        if (c == kStart || c == kEnd) {
            flush();
            inside = c == kStart;
        } else {
            run += c;
        }
    }
    flush();
    return html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace Natter::Client
