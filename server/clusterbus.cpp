// SPDX-License-Identifier: GPL-3.0-or-later
#include "clusterbus.h"

#include "database.h"
#include "logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace Natter::Server {

namespace {
// How often the listening connection is checked: a notification sent while it was down is lost, and
// everything is read again once it is back.
constexpr int kCheckIntervalMs = 2000;

QJsonArray toArray(const QSet<qint64> &rooms)
{
    QJsonArray array;
    for (const qint64 room : rooms)
        array.append(room);
    return array;
}

QSet<qint64> toSet(const QJsonValue &value)
{
    QSet<qint64> rooms;
    for (const QJsonValue &room : value.toArray()) {
        if (room.toInteger() > 0)
            rooms.insert(room.toInteger());
    }
    return rooms;
}
} // namespace

QString ClusterBus::payload(const QString &instanceId, const QSet<qint64> &messageRooms,
                            const QSet<qint64> &memberRooms, const QSet<qint64> &users)
{
    QJsonObject object{{QStringLiteral("i"), instanceId}};
    if (!messageRooms.isEmpty())
        object.insert(QStringLiteral("r"), toArray(messageRooms));
    if (!memberRooms.isEmpty())
        object.insert(QStringLiteral("m"), toArray(memberRooms));
    if (!users.isEmpty())
        object.insert(QStringLiteral("p"), toArray(users));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

ClusterBus::ClusterBus(DatabaseLocation database, QString instanceId, QObject *parent)
    : QObject(parent)
    , m_database(std::move(database))
    , m_instanceId(std::move(instanceId))
    , m_connectionName(QStringLiteral("natter-bus-%1").arg(quintptr(this), 0, 16))
{
    m_check.setInterval(kCheckIntervalMs);
    connect(&m_check, &QTimer::timeout, this, &ClusterBus::check);
}

ClusterBus::~ClusterBus()
{
    stop();
}

bool ClusterBus::start(QString *error)
{
    if (!listen(error))
        return false;
    m_check.start();
    return true;
}

void ClusterBus::stop()
{
    m_check.stop();
    Database::close(m_connectionName);
}

bool ClusterBus::listen(QString *error)
{
    Database::close(m_connectionName);
    const QSqlDatabase db = Database::open(m_database, m_connectionName, error);
    if (!db.isValid())
        return false;
    connect(db.driver(), &QSqlDriver::notification, this, &ClusterBus::notified, Qt::UniqueConnection);
    if (!db.driver()->subscribeToNotification(kChannel)) {
        *error = QStringLiteral("cannot LISTEN on %1").arg(kChannel);
        return false;
    }
    return true;
}

void ClusterBus::notified(const QString &name, QSqlDriver::NotificationSource, const QVariant &payload)
{
    if (name != kChannel)
        return;
    const QJsonObject object = QJsonDocument::fromJson(payload.toString().toUtf8()).object();
    if (object.value(QStringLiteral("i")).toString() == m_instanceId)
        return; // delivered here when it committed
    // Members first: a room's new member is then among those its new messages go to.
    const QSet<qint64> members = toSet(object.value(QStringLiteral("m")));
    if (!members.isEmpty())
        emit membershipsChanged(members);
    const QSet<qint64> rooms = toSet(object.value(QStringLiteral("r")));
    if (!rooms.isEmpty())
        emit roomsChanged(rooms);
    const QSet<qint64> users = toSet(object.value(QStringLiteral("p")));
    if (!users.isEmpty())
        emit presenceChanged(users);
}

void ClusterBus::check()
{
    {
        const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        QSqlQuery ping(db);
        if (db.isOpen() && ping.exec(QStringLiteral("SELECT 1")))
            return;
    }
    if (!m_lost)
        qCWarning(lcStorage) << "the connection that listens to the other instances was lost; reconnecting";
    m_lost = true;
    QString error;
    if (!listen(&error))
        return; // tried again at the next check
    m_lost = false;
    qCInfo(lcStorage) << "listening to the other instances again";
    emit resumed();
}

} // namespace Natter::Server
