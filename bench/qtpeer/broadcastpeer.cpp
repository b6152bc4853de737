// SPDX-License-Identifier: GPL-3.0-or-later
#include "broadcastpeer.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QWebSocket>

namespace Natter::Bench {

namespace {

constexpr qint64 kMaxFrame = 64 * 1024;
constexpr qint64 kOutgoingCap = 8 * 1024 * 1024;
constexpr int kPingEveryMs = 15'000;
constexpr qint64 kSilentLimitMs = 40'000;
const char kCodeAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

// The same sentences as peer-core.js.
QString messageFor(const char *code)
{
    static const QHash<QByteArray, QString> messages{
        {"bad_request", QStringLiteral("The request is malformed.")},
        {"unknown_type", QStringLiteral("No such request type.")},
        {"unauthenticated", QStringLiteral("Sign in first.")},
        {"invalid_username", QStringLiteral("Usernames are 3-32 characters of A-Z, a-z, 0-9, _, . and -.")},
        {"weak_password", QStringLiteral("Passwords are 8-1024 characters.")},
        {"username_taken", QStringLiteral("That username is taken.")},
        {"bad_credentials", QStringLiteral("Wrong username or password.")},
        {"invalid_token", QStringLiteral("The token is unknown or was revoked.")},
        {"no_such_room", QStringLiteral("No room has that code.")},
        {"not_a_member", QStringLiteral("You are not a member of that room.")},
        {"too_long", QStringLiteral("The message is longer than 4000 characters.")},
    };
    return messages.value(code);
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

/// An error frame; without `id` when the request had none that could be read.
QString errorFrame(const char *code, const QJsonValue &id = QJsonValue::Undefined)
{
    QJsonObject error{{"type", "error"}, {"code", code}, {"message", messageFor(code)}};
    if (!id.isUndefined())
        error.insert(QLatin1String("id"), id);
    return compact(error);
}

qsizetype codePoints(const QString &text)
{
    return text.toUcs4().size();
}

bool isId(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() >= 1 && value.toDouble() == double(value.toInteger());
}

QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray array;
    for (const qint64 id : ids)
        array.append(id);
    return array;
}

} // namespace

BroadcastPeer::BroadcastPeer(QString stateFile, QObject *parent)
    : QObject(parent)
    , m_server(QStringLiteral("natter-qt-peer"), QWebSocketServer::NonSecureMode)
    , m_stateFile(std::move(stateFile))
{
    m_tcp.setMaxPendingConnections(100'000);
    // natterd's default: Qt's backlog of 50 would turn the benchmark's storm into SYN retries.
    m_tcp.setListenBacklogSize(4096);
    m_server.setMaxPendingConnections(100'000);
    connect(&m_tcp, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_tcp.nextPendingConnection()) {
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            m_server.handleConnection(socket);
        }
    });
    connect(&m_server, &QWebSocketServer::newConnection, this, &BroadcastPeer::accept);
    m_pinger.setInterval(kPingEveryMs);
    connect(&m_pinger, &QTimer::timeout, this, &BroadcastPeer::checkSilence);
    load();
}

bool BroadcastPeer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_tcp.listen(address, port)) {
        m_pinger.start();
        return true;
    }
    *error = m_tcp.errorString();
    return false;
}

void BroadcastPeer::accept()
{
    while (QWebSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        socket->setMaxAllowedIncomingMessageSize(kMaxFrame);
        m_conns.insert(socket, {0, QDateTime::currentMSecsSinceEpoch()});
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &text) { frame(socket, text); });
        connect(socket, &QWebSocket::binaryMessageReceived, this, [this, socket](const QByteArray &) {
            heard(socket);
            sendTo(socket, errorFrame("bad_request"));
        });
        connect(socket, &QWebSocket::pong, this, [this, socket] { heard(socket); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            signOut(socket);
            m_conns.remove(socket);
            socket->deleteLater();
        });
        sendTo(socket, compact({{"type", "hello"}, {"protocol", 1}, {"server", "natter-qt-peer (qt)"}}));
    }
}

void BroadcastPeer::heard(QWebSocket *socket)
{
    if (const auto conn = m_conns.find(socket); conn != m_conns.end())
        conn->lastHeardMs = QDateTime::currentMSecsSinceEpoch();
}

void BroadcastPeer::frame(QWebSocket *socket, const QString &text)
{
    heard(socket);
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    const QJsonObject request = document.object();
    const QJsonValue id = request.value(QLatin1String("id"));
    if (!document.isObject() || !(id.isDouble() || id.isString())) {
        sendTo(socket, errorFrame("bad_request"));
        return;
    }
    const QJsonValue type = request.value(QLatin1String("type"));
    const Result result = type.isString() ? handle(socket, type.toString(), request) : Result("bad_request");
    if (const auto *code = std::get_if<const char *>(&result)) {
        sendTo(socket, errorFrame(*code, id));
        return;
    }
    QJsonObject reply = std::get<QJsonObject>(result);
    reply.insert(QLatin1String("type"), QLatin1String("ok"));
    reply.insert(QLatin1String("id"), id);
    sendTo(socket, compact(reply));
}

BroadcastPeer::Result BroadcastPeer::handle(QWebSocket *socket, const QString &type,
                                            const QJsonObject &request)
{
    if (type == QLatin1String("register") || type == QLatin1String("login") ||
        type == QLatin1String("resume"))
        return signInWith(socket, type, request);
    const bool known = type == QLatin1String("create_room") || type == QLatin1String("join_room") ||
                       type == QLatin1String("list_rooms") || type == QLatin1String("send");
    if (!known)
        return "unknown_type";
    const qint64 user = m_conns.value(socket).user;
    if (user == 0)
        return "unauthenticated";
    if (type == QLatin1String("create_room"))
        return createRoom(user, request);
    if (type == QLatin1String("join_room"))
        return joinRoom(user, request);
    if (type == QLatin1String("list_rooms"))
        return listRooms(user);
    return send(user, request);
}

BroadcastPeer::Result BroadcastPeer::signInWith(QWebSocket *socket, const QString &type,
                                                const QJsonObject &request)
{
    if (type == QLatin1String("resume")) {
        const QJsonValue token = request.value(QLatin1String("token"));
        if (!token.isString())
            return "bad_request";
        const qint64 user = m_tokens.value(token.toString());
        if (user == 0)
            return "invalid_token";
        signIn(socket, user);
        return QJsonObject{{"user", m_users.value(user)}};
    }
    const QJsonValue username = request.value(QLatin1String("username"));
    const QJsonValue password = request.value(QLatin1String("password"));
    if (!username.isString() || !password.isString())
        return "bad_request";
    const QString key = username.toString().toLower();
    qint64 user = 0;
    if (type == QLatin1String("register")) {
        static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_.-]{3,32}$"));
        if (!valid.match(username.toString()).hasMatch())
            return "invalid_username";
        const qsizetype length = codePoints(password.toString());
        if (length < 8 || length > 1024)
            return "weak_password";
        if (m_accounts.contains(key))
            return "username_taken";
        user = ++m_lastUser;
        const QJsonObject json{{"id", user}, {"username", username}};
        m_users.insert(user, json);
        m_accounts.insert(key, {json, password.toString()});
    } else {
        const auto account = m_accounts.constFind(key);
        if (account == m_accounts.cend() || account->password != password.toString())
            return "bad_credentials";
        user = account->user.value(QLatin1String("id")).toInteger();
    }
    const QString token = newToken();
    m_tokens.insert(token, user);
    signIn(socket, user);
    return QJsonObject{{"user", m_users.value(user)}, {"token", token}};
}

BroadcastPeer::Result BroadcastPeer::createRoom(qint64 user, const QJsonObject &request)
{
    const QJsonValue nameValue = request.value(QLatin1String("name"));
    if (!nameValue.isString())
        return "bad_request";
    const QString name = nameValue.toString().trimmed();
    const qsizetype length = codePoints(name);
    if (length < 1 || length > 64)
        return "bad_request";
    Room room{++m_lastRoom, name, newRoomCode(), user, {user}};
    m_rooms.insert(room.id, room);
    m_roomsByCode.insert(room.code, room.id);
    m_roomsOf[user].append(room.id);
    return QJsonObject{{"room", roomJson(room)}};
}

BroadcastPeer::Result BroadcastPeer::joinRoom(qint64 user, const QJsonObject &request)
{
    const QJsonValue code = request.value(QLatin1String("code"));
    if (!code.isString())
        return "bad_request";
    const auto found = m_rooms.find(m_roomsByCode.value(code.toString().trimmed().toUpper()));
    if (found == m_rooms.end())
        return "no_such_room";
    if (!found->members.contains(user)) {
        found->members.append(user);
        m_roomsOf[user].append(found->id);
        sendToUsers(found->members,
                    compact({{"type", "member_joined"},
                             {"room", found->id},
                             {"user", m_users.value(user)},
                             {"online", true}}),
                    user);
    }
    return QJsonObject{{"room", roomJson(*found)}};
}

BroadcastPeer::Result BroadcastPeer::listRooms(qint64 user) const
{
    QJsonArray rooms;
    for (const qint64 room : m_roomsOf.value(user))
        rooms.append(roomJson(m_rooms.value(room)));
    return QJsonObject{{"rooms", rooms}};
}

BroadcastPeer::Result BroadcastPeer::send(qint64 user, const QJsonObject &request)
{
    const QJsonValue roomId = request.value(QLatin1String("room"));
    const QJsonValue textValue = request.value(QLatin1String("text"));
    const QJsonValue clientValue = request.value(QLatin1String("client_id"));
    if (!isId(roomId) || !textValue.isString() || textValue.toString().trimmed().isEmpty())
        return "bad_request";
    if (!clientValue.isUndefined() && !clientValue.isNull()) {
        const qsizetype length = clientValue.isString() ? codePoints(clientValue.toString()) : 0;
        if (length < 1 || length > 64)
            return "bad_request";
    }
    const auto room = m_rooms.constFind(roomId.toInteger());
    if (room == m_rooms.cend() || !room->members.contains(user))
        return "not_a_member";
    const QString text = textValue.toString();
    if (text.size() > 4000 && codePoints(text) > 4000)
        return "too_long";
    const QString clientKey =
        clientValue.isString()
            ? QStringLiteral("%1:%2:%3").arg(room->id).arg(user).arg(clientValue.toString())
            : QString();
    if (!clientKey.isEmpty()) {
        if (const auto old = m_byClientId.constFind(clientKey); old != m_byClientId.cend())
            return QJsonObject{{"message", *old}};
    }
    const qint64 id = ++m_lastMessage;
    QJsonObject message{{"id", id},
                        {"room", room->id},
                        {"author", m_users.value(user)},
                        {"text", text},
                        {"ts", QDateTime::currentMSecsSinceEpoch()},
                        {"rev", id}};
    if (!clientKey.isEmpty()) {
        message.insert(QLatin1String("client_id"), clientValue);
        m_byClientId.insert(clientKey, message);
    }
    sendToUsers(room->members, compact({{"type", "message"}, {"message", message}}));
    return QJsonObject{{"message", message}};
}

void BroadcastPeer::signIn(QWebSocket *socket, qint64 user)
{
    Conn &conn = m_conns[socket];
    if (conn.user == user)
        return;
    if (conn.user != 0)
        signOut(socket);
    conn.user = user;
    QSet<QWebSocket *> &sockets = m_connsOf[user];
    sockets.insert(socket);
    if (sockets.size() == 1)
        announcePresence(user, true);
}

void BroadcastPeer::signOut(QWebSocket *socket)
{
    const qint64 user = std::exchange(m_conns[socket].user, 0);
    if (user == 0)
        return;
    const auto sockets = m_connsOf.find(user);
    sockets->remove(socket);
    if (sockets->isEmpty()) {
        m_connsOf.erase(sockets);
        announcePresence(user, false);
    }
}

void BroadcastPeer::announcePresence(qint64 user, bool online)
{
    // Everyone who shares a room with the user hears it once, however many rooms they share.
    QSet<qint64> peers;
    for (const qint64 room : m_roomsOf.value(user)) {
        for (const qint64 member : m_rooms.value(room).members)
            peers.insert(member);
    }
    sendToUsers(peers.values(),
                compact({{"type", "presence"}, {"user", m_users.value(user)}, {"online", online}}), user);
}

void BroadcastPeer::sendTo(QWebSocket *socket, const QString &text)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    // A client that stops reading must not make us buffer without bound.
    if (socket->bytesToWrite() > kOutgoingCap) {
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("too much unread"));
        QTimer::singleShot(2000, socket, [socket] { socket->abort(); }); // as the Node peers: 2 s to go
        return;
    }
    socket->sendTextMessage(text);
}

void BroadcastPeer::sendToUsers(const QList<qint64> &users, const QString &text, qint64 except)
{
    for (const qint64 user : users) {
        if (user == except)
            continue;
        const auto sockets = m_connsOf.constFind(user);
        if (sockets == m_connsOf.cend())
            continue;
        // A copy: sendTo() may close a socket, and Qt may then report the disconnection at once, whose
        // handler takes the socket out of this set.
        const QSet<QWebSocket *> targets = *sockets;
        for (QWebSocket *socket : targets)
            sendTo(socket, text);
    }
}

QJsonObject BroadcastPeer::roomJson(const Room &room) const
{
    QJsonArray members;
    for (const qint64 member : room.members) {
        QJsonObject json = m_users.value(member);
        json.insert(QLatin1String("online"), m_connsOf.contains(member));
        members.append(json);
    }
    return {{"id", room.id},       {"name", room.name}, {"code", room.code}, {"members", members},
            {"owner", room.owner}, {"direct", false},   {"read", 0},         {"unread", 0}};
}

QString BroadcastPeer::newToken() const
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString BroadcastPeer::newRoomCode() const
{
    for (;;) {
        QString code;
        for (int i = 0; i < 10; ++i)
            code.append(QLatin1Char(kCodeAlphabet[QRandomGenerator::system()->bounded(32)]));
        if (!m_roomsByCode.contains(code))
            return code;
    }
}

void BroadcastPeer::checkSilence()
{
    // Ping everyone every 15 s and drop those not heard from in 40 s, as natterd does.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<QWebSocket *> silent;
    for (auto it = m_conns.cbegin(); it != m_conns.cend(); ++it) {
        if (now - it->lastHeardMs > kSilentLimitMs)
            silent.append(it.key());
        else
            it.key()->ping();
    }
    // After the walk: abort() may emit disconnected() at once, whose handler takes the socket out of m_conns.
    for (QWebSocket *socket : silent)
        socket->abort();
}

bool BroadcastPeer::save() const
{
    QJsonArray accounts;
    for (const Account &account : m_accounts)
        accounts.append(QJsonObject{{"user", account.user}, {"password", account.password}});
    QJsonObject tokens;
    for (auto it = m_tokens.cbegin(); it != m_tokens.cend(); ++it)
        tokens.insert(it.key(), it.value());
    QJsonArray rooms;
    for (const Room &room : m_rooms) {
        rooms.append(QJsonObject{{"id", room.id},
                                 {"name", room.name},
                                 {"code", room.code},
                                 {"owner", room.owner},
                                 {"members", idArray(room.members)}});
    }
    QSaveFile file(m_stateFile);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(QJsonObject{{"accounts", accounts},
                                         {"tokens", tokens},
                                         {"rooms", rooms},
                                         {"last_user", m_lastUser},
                                         {"last_room", m_lastRoom},
                                         {"last_message", m_lastMessage}})
                   .toJson(QJsonDocument::Compact));
    return file.commit();
}

void BroadcastPeer::load()
{
    QFile file(m_stateFile);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
    for (const QJsonValue &value : state.value(QLatin1String("accounts")).toArray()) {
        const QJsonObject user = value[QLatin1String("user")].toObject();
        m_users.insert(user.value(QLatin1String("id")).toInteger(), user);
        m_accounts.insert(user.value(QLatin1String("username")).toString().toLower(),
                          {user, value[QLatin1String("password")].toString()});
    }
    const QJsonObject tokens = state.value(QLatin1String("tokens")).toObject();
    for (auto it = tokens.constBegin(); it != tokens.constEnd(); ++it)
        m_tokens.insert(it.key(), it.value().toInteger());
    for (const QJsonValue &value : state.value(QLatin1String("rooms")).toArray()) {
        Room room{value[QLatin1String("id")].toInteger(),
                  value[QLatin1String("name")].toString(),
                  value[QLatin1String("code")].toString(),
                  value[QLatin1String("owner")].toInteger(),
                  {}};
        for (const QJsonValue &member : value[QLatin1String("members")].toArray()) {
            room.members.append(member.toInteger());
            m_roomsOf[member.toInteger()].append(room.id);
        }
        m_roomsByCode.insert(room.code, room.id);
        m_rooms.insert(room.id, room);
    }
    m_lastUser = state.value(QLatin1String("last_user")).toInteger();
    m_lastRoom = state.value(QLatin1String("last_room")).toInteger();
    m_lastMessage = state.value(QLatin1String("last_message")).toInteger();
}

} // namespace Natter::Bench
