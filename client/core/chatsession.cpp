// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatsession.h"

#include "connection.h"
#include "membermodel.h"
#include "messagemodel.h"
#include "requests.h"
#include "roomlistmodel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QTimer>
#include <QUuid>
#include <algorithm>
#include <memory>

Q_LOGGING_CATEGORY(lcSession, "natter.client.session", QtInfoMsg)

namespace Natter::Client {

namespace {
constexpr int kCatchUpPage = 200;
constexpr int kBackPage = 50;
constexpr int kSendWindow = 16; // sends awaiting their answer at once; natterd's cap is 64 per connection

QList<ChatMessage> messagesOf(const QJsonObject &reply)
{
    QList<ChatMessage> result;
    for (const QJsonValue &value : reply.value(QLatin1String("messages")).toArray()) {
        if (const auto message = ChatMessage::fromJson(value))
            result.append(*message);
    }
    return result;
}
} // namespace

ChatSession::ChatSession(Connection &connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_rooms(new RoomListModel(this))
{
    connect(&m_connection, &Connection::online, this, &ChatSession::onOnline);
    connect(&m_connection, &Connection::eventReceived, this, &ChatSession::onEvent);
    connect(&m_connection, &Connection::stateChanged, this, [this](Connection::State state) {
        if (state != Connection::State::Online) {
            m_synced = false;
            ++m_generation;
        }
    });
}

ChatSession::~ChatSession() = default;

MessageModel *ChatSession::messages(qint64 roomId)
{
    MessageModel *&model = m_messages[roomId];
    if (!model)
        model = new MessageModel(roomId, m_user.id, this);
    return model;
}

MemberModel *ChatSession::members(qint64 roomId)
{
    MemberModel *&model = m_members[roomId];
    if (!model)
        model = new MemberModel(this);
    return model;
}

void ChatSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void ChatSession::signIn(const QString &username, const QString &password)
{
    setState(State::SigningIn);
    m_connection.request(LoginRequest{username, password}, this, [this](const Reply &reply) {
        authenticate(LoginRequest::type, reply.frame, reply.offline, reply.error.value_or(ProtocolError{}));
    });
}

void ChatSession::signUp(const QString &username, const QString &password)
{
    setState(State::SigningIn);
    m_connection.request(RegisterRequest{username, password}, this, [this](const Reply &reply) {
        authenticate(RegisterRequest::type, reply.frame, reply.offline,
                     reply.error.value_or(ProtocolError{}));
    });
}

void ChatSession::resume(const QString &token)
{
    m_token = token;
    if (m_state == State::SignedOut)
        setState(State::SigningIn); // after a reconnect the user stays signed in while we resume
    if (m_connection.state() != Connection::State::Online)
        return; // onOnline() resumes
    m_connection.request(ResumeRequest{token}, this, [this](const Reply &reply) {
        authenticate(ResumeRequest::type, reply.frame, reply.offline, reply.error.value_or(ProtocolError{}));
    });
}

void ChatSession::authenticate(QLatin1String how, const QJsonObject &reply, bool offline,
                               const ProtocolError &error)
{
    if (offline) {
        // A resume is tried again on the next connection by itself; a password sign-in is the user's to
        // retry.
        if (how != ResumeRequest::type) {
            setState(State::SignedOut);
            emit signInFailed(error, true);
        }
        return;
    }
    const auto user = User::fromJson(reply.value(QLatin1String("user")));
    if (!user) {
        if (how == ResumeRequest::type) {
            m_token.clear();
            emit tokenChanged({});
        }
        setState(State::SignedOut);
        emit signInFailed(error, false);
        return;
    }
    if (how != ResumeRequest::type) {
        m_token = reply.value(QLatin1String("token")).toString();
        emit tokenChanged(m_token);
    }
    if (m_user.id != user->id)
        forgetEverything(); // another account's rooms and messages must not show
    m_user = *user;
    for (MessageModel *model : std::as_const(m_messages))
        model->setOwnUserId(m_user.id);
    setState(State::SignedIn);
    afterSignIn();
}

void ChatSession::onOnline()
{
    if (!m_token.isEmpty() && m_state != State::SignedOut)
        resume(m_token);
}

void ChatSession::afterSignIn()
{
    const quint64 generation = m_generation;
    m_connection.request(ListRoomsRequest{}, this, [this, generation](const Reply &reply) {
        if (!reply.ok() || generation != m_generation)
            return;
        QList<Room> rooms;
        for (const QJsonValue &value : reply.frame.value(QLatin1String("rooms")).toArray()) {
            if (const auto room = Room::fromJson(value))
                rooms.append(*room);
        }
        m_rooms->setRooms(rooms);
        for (const Room &room : std::as_const(rooms))
            members(room.id)->setMembers(room.members);
        auto remaining = std::make_shared<int>(int(rooms.size()) + 1);
        auto finished = [this, remaining, generation] {
            if (--*remaining > 0 || generation != m_generation)
                return;
            m_synced = true;
            flushOutbox();
            emit synced();
        };
        for (const Room &room : std::as_const(rooms))
            syncRoom(room.id, finished);
        finished();
    });
}

void ChatSession::syncRoom(qint64 roomId, std::function<void()> done)
{
    MessageModel *model = messages(roomId);
    HistoryRequest request;
    request.room = roomId;
    const qint64 newest = model->newestId();
    if (newest > 0) {
        request.after = newest;
        request.limit = kCatchUpPage;
    } else {
        request.limit = kBackPage;
    }
    const quint64 generation = m_generation;
    m_connection.request(request, this, [this, roomId, newest, done, generation](const Reply &reply) {
        if (!reply.ok() || generation != m_generation)
            return; // the next reconnect syncs again
        MessageModel *model = messages(roomId);
        const QList<ChatMessage> page = messagesOf(reply.frame);
        const bool more = reply.frame.value(QLatin1String("more")).toBool();
        model->addStored(page);
        if (newest == 0) {
            model->setHasOlder(more);
        } else if (more) {
            return syncRoom(roomId, done); // missed more than a page: keep going forward
        }
        done();
    });
}

void ChatSession::onEvent(const QJsonObject &event)
{
    const QString type = event.value(QLatin1String("type")).toString();
    if (type == QLatin1String("message")) {
        const auto message = ChatMessage::fromJson(event.value(QLatin1String("message")));
        if (!message || !messages(message->room)->addStored(*message))
            return;
        if (message->author.id != m_user.id) {
            if (message->room != m_activeRoom)
                m_rooms->incrementUnread(message->room);
            emit messageReceived(message->room, *message);
        }
    } else if (type == QLatin1String("presence")) {
        const auto user = User::fromJson(event.value(QLatin1String("user")));
        const bool online = event.value(QLatin1String("online")).toBool();
        if (user) {
            for (MemberModel *model : std::as_const(m_members))
                model->setOnline(user->id, online);
        }
    } else if (type == QLatin1String("member_joined")) {
        const auto user = User::fromJson(event.value(QLatin1String("user")));
        if (user)
            members(event.value(QLatin1String("room")).toInteger())
                ->addMember({*user, event.value(QLatin1String("online")).toBool()});
    } else if (type == QLatin1String("member_left")) {
        const auto user = User::fromJson(event.value(QLatin1String("user")));
        if (user)
            members(event.value(QLatin1String("room")).toInteger())->removeMember(user->id);
    } else if (type == QLatin1String("signed_out")) {
        endSession();
        emit signedOutByServer();
    }
}

void ChatSession::adoptRoom(const Room &room)
{
    m_rooms->addRoom(room);
    members(room.id)->setMembers(room.members);
    syncRoom(room.id, [] {});
}

void ChatSession::createRoom(const QString &name, RoomCallback done)
{
    m_connection.request(CreateRoomRequest{name}, this, [this, done](const Reply &reply) {
        const auto room =
            reply.ok() ? Room::fromJson(reply.frame.value(QLatin1String("room"))) : std::nullopt;
        if (room)
            adoptRoom(*room);
        done(room, reply.error);
    });
}

void ChatSession::joinRoom(const QString &code, RoomCallback done)
{
    m_connection.request(JoinRoomRequest{code}, this, [this, done](const Reply &reply) {
        const auto room =
            reply.ok() ? Room::fromJson(reply.frame.value(QLatin1String("room"))) : std::nullopt;
        if (room)
            adoptRoom(*room);
        done(room, reply.error);
    });
}

void ChatSession::leaveRoom(qint64 roomId)
{
    m_connection.request(LeaveRoomRequest{roomId}, this, [this, roomId](const Reply &reply) {
        const bool gone = reply.ok() || (reply.error && reply.error->code == ErrorCode::NotAMember);
        if (!gone)
            return;
        m_rooms->removeRoom(roomId);
        delete m_messages.take(roomId);
        delete m_members.take(roomId);
        m_outbox.removeIf([roomId](const Outgoing &outgoing) { return outgoing.room == roomId; });
        if (m_activeRoom == roomId)
            m_activeRoom = 0;
        emit roomLeft(roomId);
    });
}

void ChatSession::setActiveRoom(qint64 roomId)
{
    m_activeRoom = roomId;
    m_rooms->clearUnread(roomId);
}

void ChatSession::loadOlder(qint64 roomId)
{
    MessageModel *model = messages(roomId);
    if (!model->hasOlder() || m_loadingOlder.value(roomId) || model->oldestId() == 0)
        return;
    m_loadingOlder.insert(roomId, true);
    HistoryRequest request;
    request.room = roomId;
    request.before = model->oldestId();
    request.limit = kBackPage;
    m_connection.request(request, this, [this, roomId](const Reply &reply) {
        m_loadingOlder.remove(roomId);
        if (!reply.ok() || !m_messages.contains(roomId))
            return;
        const QList<ChatMessage> page = messagesOf(reply.frame);
        MessageModel *model = messages(roomId);
        model->addStored(page);
        model->setHasOlder(reply.frame.value(QLatin1String("more")).toBool());
        emit olderLoaded(roomId, int(page.size()));
    });
}

QString ChatSession::send(qint64 roomId, const QString &text)
{
    const QString clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    messages(roomId)->addPending(
        ChatMessage{0, roomId, m_user, text, QDateTime::currentMSecsSinceEpoch(), clientId});
    m_outbox.append(Outgoing{roomId, clientId, text, false});
    flushOutbox();
    return clientId;
}

void ChatSession::retry(qint64 roomId, const QString &clientId)
{
    const auto draft = messages(roomId)->pendingMessage(clientId);
    if (!draft)
        return;
    const bool queued = std::any_of(m_outbox.cbegin(), m_outbox.cend(),
                                    [&](const Outgoing &outgoing) { return outgoing.clientId == clientId; });
    if (!queued)
        m_outbox.append(Outgoing{roomId, clientId, draft->text, false});
    messages(roomId)->setStatus(clientId, MessageModel::Status::Pending);
    flushOutbox();
}

void ChatSession::flushOutbox()
{
    if (!m_synced || m_state != State::SignedIn)
        return; // after the catch-up, so that a message stored before the drop is recognised first
    if (m_outboxPaused)
        return; // the server said rate_limited; the timer resumes it
    int inFlight = int(std::count_if(m_outbox.cbegin(), m_outbox.cend(),
                                     [](const Outgoing &outgoing) { return outgoing.inFlight; }));
    for (Outgoing &outgoing : m_outbox) {
        // A window, not the whole outbox at once: the server answers requests beyond its cap per connection
        // with rate_limited, and a long outbox after a reconnect would meet it.
        if (inFlight >= kSendWindow)
            break;
        if (outgoing.inFlight)
            continue;
        outgoing.inFlight = true;
        ++inFlight;
        const QString clientId = outgoing.clientId;
        const qint64 roomId = outgoing.room;
        m_connection.request(
            SendRequest{roomId, outgoing.text, clientId}, this, [this, roomId, clientId](const Reply &reply) {
                const auto at = std::find_if(m_outbox.begin(), m_outbox.end(), [&](const Outgoing &outgoing) {
                    return outgoing.clientId == clientId;
                });
                if (at == m_outbox.end())
                    return;
                if (reply.offline) {
                    at->inFlight = false; // stays queued for the next connection
                    return;
                }
                if (reply.error && reply.error->code == ErrorCode::RateLimited) {
                    at->inFlight = false; // stays pending; sent again when the server says it may be
                    pauseOutbox(reply.error->retryAfterMs);
                    return;
                }
                m_outbox.erase(at);
                flushOutbox();
                if (const auto message = ChatMessage::fromJson(reply.frame.value(QLatin1String("message")))) {
                    messages(roomId)->addStored(*message);
                    return;
                }
                messages(roomId)->setStatus(clientId, MessageModel::Status::Failed);
                emit sendFailed(roomId, clientId, reply.error.value_or(ProtocolError{}));
            });
    }
}

void ChatSession::pauseOutbox(qint64 retryAfterMs)
{
    if (m_outboxPaused)
        return;
    m_outboxPaused = true;
    QTimer::singleShot(std::clamp<qint64>(retryAfterMs, 100, 60'000), this, [this] {
        m_outboxPaused = false;
        flushOutbox(); // does nothing while offline or signed out
    });
}

void ChatSession::signOut()
{
    if (m_connection.state() == Connection::State::Online && m_state == State::SignedIn)
        m_connection.request(LogoutRequest{}, this, [](const Reply &) {});
    endSession();
}

void ChatSession::signOutEverywhere(std::function<void(const Reply &)> done)
{
    // Only the server can end the other devices' sessions: signing out here alone while offline would look
    // done and leave them all signed in. So this waits for the server, and signs out here when it agreed.
    if (m_connection.state() != Connection::State::Online || m_state != State::SignedIn) {
        done(Reply::lost());
        return;
    }
    m_connection.request(LogoutAllRequest{}, this, [this, done = std::move(done)](const Reply &reply) {
        if (reply.ok() && m_state == State::SignedIn)
            endSession();
        done(reply);
    });
}

void ChatSession::changePassword(const QString &current, const QString &replacement,
                                 std::function<void(const Reply &)> done)
{
    m_connection.request(ChangePasswordRequest{current, replacement}, this, std::move(done));
}

void ChatSession::endSession()
{
    forgetEverything();
    m_token.clear();
    m_user = {};
    emit tokenChanged({});
    setState(State::SignedOut);
}

void ChatSession::forgetEverything()
{
    ++m_generation;
    m_synced = false;
    m_outboxPaused = false;
    m_outbox.clear();
    m_loadingOlder.clear();
    m_activeRoom = 0;
    m_rooms->clear();
    qDeleteAll(m_messages);
    m_messages.clear();
    qDeleteAll(m_members);
    m_members.clear();
}

} // namespace Natter::Client
