// SPDX-License-Identifier: GPL-3.0-or-later
#include "clusterbus.h"

#include "database.h"
#include "instancerepository.h"
#include "logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace Natter::Server {

namespace {

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

QString ClusterBus::encode(const QString &instanceId, QJsonObject body)
{
    body.insert(QStringLiteral("i"), instanceId);
    return QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QString ClusterBus::payload(const QString &instanceId, const QSet<qint64> &messageRooms,
                            const QSet<qint64> &memberRooms, const QSet<qint64> &users,
                            const QStringList &deadInstances)
{
    QJsonObject object;
    if (!messageRooms.isEmpty())
        object.insert(QStringLiteral("r"), toArray(messageRooms));
    if (!memberRooms.isEmpty())
        object.insert(QStringLiteral("m"), toArray(memberRooms));
    if (!users.isEmpty())
        object.insert(QStringLiteral("p"), toArray(users));
    if (!deadInstances.isEmpty())
        object.insert(QStringLiteral("d"), QJsonArray::fromStringList(deadInstances));
    return encode(instanceId, object);
}

ClusterBus::ClusterBus(DatabaseLocation database, QString instanceId, int checkIntervalMs, QObject *parent)
    : QObject(parent)
    , m_database(std::move(database))
    , m_instanceId(std::move(instanceId))
    , m_connectionName(QStringLiteral("natter-bus-%1").arg(quintptr(this), 0, 16))
{
    m_check.setInterval(checkIntervalMs);
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
    // Named, so that an operator (or a test) can tell it in pg_stat_activity.
    DatabaseLocation named = m_database;
    named.connectOptions +=
        QStringLiteral("%1application_name=natterd-bus-%2")
            .arg(named.connectOptions.isEmpty() ? QString() : QStringLiteral(";"), m_instanceId);
    const QSqlDatabase db = Database::open(named, m_connectionName, error);
    if (!db.isValid())
        return false;
    connect(db.driver(), &QSqlDriver::notification, this, &ClusterBus::notified, Qt::UniqueConnection);
    if (!db.driver()->subscribeToNotification(kChannel)) {
        *error = QStringLiteral("cannot LISTEN on %1").arg(kChannel);
        return false;
    }
    return true;
}

void ClusterBus::send(const QJsonObject &body)
{
    // On this connection, not the main one: the repository logs a failure.
    InstanceRepository(QSqlDatabase::database(m_connectionName, false))
        .notify(kChannel, encode(m_instanceId, body));
}

void ClusterBus::forwardToRoom(qint64 roomId, const QJsonObject &event, qint64 exceptUserId)
{
    send({{QStringLiteral("e"), event},
          {QStringLiteral("room"), roomId},
          {QStringLiteral("x"), exceptUserId}});
}

void ClusterBus::forwardToUser(qint64 userId, const QJsonObject &event)
{
    send({{QStringLiteral("e"), event}, {QStringLiteral("user"), userId}});
}

void ClusterBus::forwardRoomJoined(qint64 userId, qint64 roomId)
{
    send({{QStringLiteral("joined"), roomId}, {QStringLiteral("user"), userId}});
}

void ClusterBus::forwardSessionsRevoked(qint64 userId)
{
    send({{QStringLiteral("revoked"), userId}});
}

void ClusterBus::notified(const QString &name, QSqlDriver::NotificationSource, const QVariant &payload)
{
    if (name != kChannel)
        return;
    const QJsonObject object = QJsonDocument::fromJson(payload.toString().toUtf8()).object();
    const QString sender = object.value(QStringLiteral("i")).toString();
    if (sender == m_instanceId)
        return; // delivered here when it committed
    if (object.contains(QStringLiteral("e"))) {
        const QJsonObject event = object.value(QStringLiteral("e")).toObject();
        if (object.contains(QStringLiteral("room")))
            emit eventForRoom(object.value(QStringLiteral("room")).toInteger(), event,
                              object.value(QStringLiteral("x")).toInteger(), sender);
        else
            emit eventForUser(object.value(QStringLiteral("user")).toInteger(), event);
        return;
    }
    if (object.contains(QStringLiteral("joined"))) {
        emit roomJoined(object.value(QStringLiteral("user")).toInteger(),
                        object.value(QStringLiteral("joined")).toInteger());
        return;
    }
    if (object.contains(QStringLiteral("revoked"))) {
        emit sessionsRevoked(object.value(QStringLiteral("revoked")).toInteger());
        return;
    }
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
    for (const QJsonValue &dead : object.value(QStringLiteral("d")).toArray())
        emit instanceDead(dead.toString());
}

void ClusterBus::check()
{
    {
        const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        QSqlQuery ping(db);
        if (db.isOpen() && ping.exec(QStringLiteral("SELECT 1"))) {
            emit checked();
            return;
        }
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
