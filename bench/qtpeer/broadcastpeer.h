// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTcpServer>
#include <QTimer>
#include <QWebSocketServer>
#include <variant>

class QWebSocket;

namespace Natter::Bench {

/// The same protocol subset as bench/peers/peer-core.js (register, login, resume, create_room, join_room,
/// list_rooms, send; hello, presence, member_joined, message; the outgoing cap, pings and the silence limit),
/// written as a Qt developer would write it straightforwardly: one event loop, QJsonDocument for every frame,
/// an event serialized once and given to each recipient's QWebSocket::sendTextMessage. Nothing is hashed or
/// stored on the way: users, tokens and rooms live in hashes, written to a file only at exit so that the
/// benchmark's restart (idle, storm) finds its users again.
class BroadcastPeer : public QObject {
    Q_OBJECT
public:
    explicit BroadcastPeer(QString stateFile, QObject *parent = nullptr);

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_tcp.serverPort(); }
    /// Writes users, tokens and rooms to the state file.
    bool save() const;

private:
    struct Conn {
        qint64 user = 0;
        qint64 lastHeardMs = 0;
    };
    struct Room {
        qint64 id = 0;
        QString name;
        QString code;
        qint64 owner = 0;
        QList<qint64> members; // join order
    };
    struct Account {
        QJsonObject user; // {id, username}: the protocol's user object
        QString password;
    };

    /// The ok reply's fields, or an error code of the protocol.
    using Result = std::variant<QJsonObject, const char *>;

    void load();
    void accept();
    void heard(QWebSocket *socket);
    void frame(QWebSocket *socket, const QString &text);
    Result handle(QWebSocket *socket, const QString &type, const QJsonObject &request);
    Result createRoom(qint64 user, const QJsonObject &request);
    Result joinRoom(qint64 user, const QJsonObject &request);
    Result listRooms(qint64 user) const;
    Result signInWith(QWebSocket *socket, const QString &type, const QJsonObject &request);
    Result send(qint64 user, const QJsonObject &request);
    void signIn(QWebSocket *socket, qint64 user);
    void signOut(QWebSocket *socket);
    void announcePresence(qint64 user, bool online);
    void sendTo(QWebSocket *socket, const QString &text);
    void sendToUsers(const QList<qint64> &users, const QString &text, qint64 except = 0);
    QJsonObject roomJson(const Room &room) const;
    QString newToken() const;
    QString newRoomCode() const;
    void checkSilence();

    QTcpServer m_tcp; // accepts, so that each socket gets TCP_NODELAY before the WebSocket handshake
    QWebSocketServer m_server;
    QString m_stateFile;
    QTimer m_pinger;
    QHash<QWebSocket *, Conn> m_conns;
    QHash<qint64, QSet<QWebSocket *>> m_connsOf; // present only while the user is online
    QHash<QString, Account> m_accounts;          // lower-cased username
    QHash<qint64, QJsonObject> m_users;
    QHash<QString, qint64> m_tokens;
    QHash<qint64, Room> m_rooms;
    QHash<QString, qint64> m_roomsByCode;
    QHash<qint64, QList<qint64>> m_roomsOf;
    QHash<QString, QJsonObject> m_byClientId; // "room:author:client_id" -> message
    qint64 m_lastUser = 0;
    qint64 m_lastRoom = 0;
    qint64 m_lastMessage = 0;
};

} // namespace Natter::Bench
