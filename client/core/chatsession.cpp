// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatsession.h"

#include "connection.h"
#include "errorcode.h"
#include "membermodel.h"
#include "messagemodel.h"
#include "protocollimits.h"
#include "requests.h"
#include "roomlistmodel.h"
#include "typingstate.h"

#include <QDateTime>
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
/// The room an answer to create_room, join_room, rename_room, new_code or open_direct carries, if ok.
std::optional<Room> roomOf(const Answer<RoomReply> &answer)
{
    return answer.ok() ? std::optional(answer.result->room) : std::nullopt;
}

/// What a RoomCallback gets as the error: none when the server could not be reached (the caller then says
/// so, rather than describe the connection's stand-in error as the server's).
std::optional<ProtocolError> errorOf(const Answer<RoomReply> &answer)
{
    return answer.offline ? std::nullopt : answer.error;
}

constexpr qint64 kTypingRenewMs = Limits::typingExpiryMs / 2; // renewed well before the server's expiry
} // namespace

ChatSession::ChatSession(Connection &connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_events(makeEventTable([this](const auto &event) { handleEvent(event); }))
    , m_rooms(new RoomListModel(this))
    , m_typing(new TypingState(Limits::typingExpiryMs, this))
{
    connect(m_typing, &TypingState::changed, this, &ChatSession::typingChanged);
    connect(&m_connection, &Connection::online, this, &ChatSession::onOnline);
    connect(&m_connection, &Connection::eventReceived, this, &ChatSession::onEvent);
    connect(&m_connection, &Connection::stateChanged, this, [this](Connection::State state) {
        if (state != Connection::State::Online) {
            m_synced = false;
            ++m_generation;
            m_typingSentMs.clear(); // the server forgets them by itself
            // Who is online is not known until list_rooms says it again.
            for (MemberModel *model : std::as_const(m_members))
                model->setPresenceKnown(false);
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
    m_connection.request(LoginRequest{username, password}, this, [this](const Answer<SignedInReply> &answer) {
        authenticate(LoginRequest::type, answer);
    });
}

void ChatSession::signUp(const QString &username, const QString &password)
{
    setState(State::SigningIn);
    m_connection.request(
        RegisterRequest{username, password}, this,
        [this](const Answer<SignedInReply> &answer) { authenticate(RegisterRequest::type, answer); });
}

void ChatSession::resume(const QString &token)
{
    m_token = token;
    if (m_state == State::SignedOut)
        setState(State::SigningIn); // after a reconnect the user stays signed in while we resume
    if (m_connection.state() != Connection::State::Online)
        return; // onOnline() resumes
    m_connection.request(ResumeRequest{token}, this, [this](const Answer<SignedInReply> &answer) {
        authenticate(ResumeRequest::type, answer);
    });
}

void ChatSession::authenticate(QLatin1String how, const Answer<SignedInReply> &answer)
{
    const ProtocolError error = answer.error.value_or(ProtocolError{});
    if (answer.offline) {
        // A resume is tried again on the next connection by itself; a password sign-in is the user's to
        // retry.
        if (how != ResumeRequest::type) {
            setState(State::SignedOut);
            emit signInFailed(error, true);
        }
        return;
    }
    if (!answer.ok()) {
        if (how == ResumeRequest::type) {
            m_token.clear();
            emit tokenChanged({});
        }
        setState(State::SignedOut);
        emit signInFailed(error, false);
        return;
    }
    const User &user = answer.result->user;
    if (how != ResumeRequest::type) {
        m_token = answer.result->token;
        emit tokenChanged(m_token);
    }
    if (m_user.id != user.id)
        forgetEverything(); // another account's rooms and messages must not show
    m_user = user;
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
    m_connection.request(ListRoomsRequest{}, this, [this, generation](const Answer<RoomsReply> &answer) {
        if (generation != m_generation || answer.offline)
            return; // the next connection syncs again
        if (!answer.ok()) {
            // Refused (rate_limited, internal_error): asked again, rather than never synced with every later
            // message left "Sending…" until the next reconnect.
            const ProtocolError error = answer.error.value_or(ProtocolError{});
            qCWarning(lcSession) << "list_rooms refused:" << errorCodeName(error.code) << "- asking again";
            return retryLater(generation, error, [this] { afterSignIn(); });
        }
        QList<Room> rooms;
        for (const Room &room : answer.result->rooms)
            rooms.append(displayed(room));
        m_rooms->setRooms(rooms);
        for (const Room &room : std::as_const(rooms))
            takeMembers(room);
        auto remaining = std::make_shared<int>(int(rooms.size()) + 1);
        auto finished = [this, remaining, generation] {
            if (--*remaining > 0 || generation != m_generation)
                return;
            m_synced = true;
            if (m_activeRoom != 0)
                markRead(m_activeRoom);
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
    const qint64 newestRev = model->newestRev();
    const quint64 generation = m_generation;
    if (newestRev > 0) {
        // Held messages: everything that changed since, new ones and edits, deletions and reactions alike.
        ChangesRequest request{roomId, newestRev, kCatchUpPage};
        m_connection.request(request, this,
                             [this, roomId, done, generation](const Answer<HistoryReply> &answer) {
                                 if (generation != m_generation || answer.offline)
                                     return; // the next reconnect syncs again
                                 if (!answer.ok())
                                     return retrySync(roomId, done, generation, answer);
                                 messages(roomId)->addStored(answer.result->messages);
                                 if (answer.result->more)
                                     return syncRoom(roomId, done); // missed more than a page: keep going
                                 done();
                             });
        return;
    }
    HistoryRequest request;
    request.room = roomId;
    const qint64 newest = model->newestId();
    if (newest > 0) {
        request.after = newest;
        request.limit = kCatchUpPage;
    } else {
        request.limit = kBackPage;
    }
    m_connection.request(request, this,
                         [this, roomId, newest, done, generation](const Answer<HistoryReply> &answer) {
                             if (generation != m_generation || answer.offline)
                                 return; // the next reconnect syncs again
                             if (!answer.ok())
                                 return retrySync(roomId, done, generation, answer);
                             MessageModel *model = messages(roomId);
                             const bool more = answer.result->more;
                             model->addStored(answer.result->messages);
                             if (newest == 0) {
                                 model->setHasOlder(more);
                             } else if (more) {
                                 return syncRoom(roomId, done); // missed more than a page: keep going forward
                             }
                             done();
                         });
}

void ChatSession::retrySync(qint64 roomId, std::function<void()> done, quint64 generation,
                            const Answer<HistoryReply> &answer)
{
    const ProtocolError error = answer.error.value_or(ProtocolError{});
    if (error.code == ErrorCode::NotAMember) {
        qCInfo(lcSession) << "room" << roomId << "left meanwhile: not synced";
        return done(); // its room_left event takes it away
    }
    qCWarning(lcSession) << "catching up room" << roomId << "refused:" << errorCodeName(error.code)
                         << "- asking again";
    retryLater(generation, error, [this, roomId, done] { syncRoom(roomId, done); });
}

void ChatSession::retryLater(quint64 generation, const ProtocolError &error, std::function<void()> again)
{
    // As long as the server asks, else a few seconds; dropped once the connection is another.
    const qint64 waitMs =
        error.code == ErrorCode::RateLimited ? std::max<qint64>(error.retryAfterMs, 100) : 5000;
    QTimer::singleShot(std::min<qint64>(waitMs, 60'000), this, [this, generation, again = std::move(again)] {
        if (generation == m_generation)
            again();
    });
}

void ChatSession::onEvent(const QJsonObject &frame)
{
    const QString type = frame.value(QLatin1String("type")).toString();
    const auto entry = m_events.constFind(type);
    if (entry == m_events.constEnd())
        qCDebug(lcSession) << "ignored an event of a type this version does not know:" << type;
    else if (!(*entry)(frame))
        qCWarning(lcSession) << "ignored a malformed" << type << "event";
}

void ChatSession::handleEvent(const MessageEvent &event)
{
    const ChatMessage &message = event.message;
    if (!messages(message.room)->addStored(message))
        return;
    if (!message.isText())
        return;                                         // a line about the room: not unread, not notified
    m_typing->set(message.room, message.author, false); // their message is what they were typing
    if (message.author.id == m_user.id)
        markRead(message.room, message.id); // who writes has read what came before (here or elsewhere)
    if (message.author.id != m_user.id) {
        if (message.room != m_activeRoom)
            m_rooms->incrementUnread(message.room);
        else
            markRead(message.room);
        emit messageReceived(message.room, message);
    }
}

void ChatSession::handleEvent(const PresenceEvent &event)
{
    for (MemberModel *model : std::as_const(m_members))
        model->setOnline(event.user.id, event.online);
}

void ChatSession::handleEvent(const MemberJoinedEvent &event)
{
    members(event.room)->addMember(event.member); // the "joined" line comes as a message
}

void ChatSession::handleEvent(const MemberLeftEvent &event)
{
    members(event.room)->removeMember(event.user.id); // the "left" line comes as a message
}

void ChatSession::handleEvent(const SignedOutEvent &)
{
    endSession();
    emit signedOutByServer();
}

void ChatSession::handleEvent(const MessageChangedEvent &event)
{
    const ChatMessage &message = event.message;
    const auto held =
        m_messages.contains(message.room) ? messages(message.room)->stored(message.id) : std::nullopt;
    if (!held)
        return; // not loaded: whoever pages back to it gets its current state
    messages(message.room)->addStored(message);
    emit messageChanged(message.room, message);
}

void ChatSession::handleEvent(const TypingEvent &event)
{
    if (event.user.id != m_user.id)
        m_typing->set(event.room, event.user, event.typing);
}

void ChatSession::handleEvent(const ReadMarkerEvent &event)
{
    applyReadPosition(event.room, event.read, event.unread);
}

void ChatSession::applyReadPosition(qint64 roomId, qint64 read, int serverUnread)
{
    const auto held = m_synced && m_messages.contains(roomId)
                          ? m_messages.value(roomId)->countAfter(read, m_user.id)
                          : std::nullopt;
    m_rooms->setRead(roomId, read, held.value_or(serverUnread));
}

void ChatSession::handleEvent(const RoomJoinedEvent &event)
{
    adoptRoom(event.room);
}

void ChatSession::handleEvent(const RoomLeftEvent &event)
{
    forgetRoom(event.room);
}

void ChatSession::handleEvent(const RoomUpdatedEvent &event)
{
    if (!m_rooms->isDirect(event.room))
        m_rooms->updateRoom(event.room, event.name, event.code);
}

Room ChatSession::displayed(Room room) const
{
    if (room.direct && room.name.isEmpty()) {
        for (const Member &member : std::as_const(room.members)) {
            if (member.user.id != m_user.id)
                room.name = member.user.username;
        }
    }
    return room;
}

void ChatSession::forgetRoom(qint64 roomId)
{
    if (m_rooms->rowOf(roomId) < 0)
        return;
    m_rooms->removeRoom(roomId);
    delete m_messages.take(roomId);
    delete m_members.take(roomId);
    m_outbox.removeIf([roomId](const Outgoing &outgoing) { return outgoing.room == roomId; });
    if (m_activeRoom == roomId)
        m_activeRoom = 0;
    emit roomLeft(roomId);
}

void ChatSession::takeMembers(const Room &room)
{
    members(room.id)->setMembers(room.members);
    // Who is typing now: their last typing event may have come before this connection.
    for (const Member &member : room.members) {
        if (member.user.id != m_user.id)
            m_typing->set(room.id, member.user, member.typing);
    }
}

void ChatSession::adoptRoom(const Room &room)
{
    m_rooms->addRoom(displayed(room));
    takeMembers(room);
    syncRoom(room.id, [] {});
}

void ChatSession::createRoom(const QString &name, RoomCallback done)
{
    m_connection.request(CreateRoomRequest{name}, this, [this, done](const Answer<RoomReply> &answer) {
        if (answer.ok())
            adoptRoom(answer.result->room);
        done(roomOf(answer), errorOf(answer));
    });
}

void ChatSession::joinRoom(const QString &code, RoomCallback done)
{
    m_connection.request(JoinRoomRequest{code}, this, [this, done](const Answer<RoomReply> &answer) {
        if (answer.ok())
            adoptRoom(answer.result->room);
        done(roomOf(answer), errorOf(answer));
    });
}

void ChatSession::leaveRoom(qint64 roomId)
{
    m_connection.request(LeaveRoomRequest{roomId}, this, [this, roomId](const Answer<EmptyReply> &answer) {
        const bool gone = answer.ok() || (answer.error && answer.error->code == ErrorCode::NotAMember);
        if (gone)
            forgetRoom(roomId);
    });
}

void ChatSession::renameRoom(qint64 roomId, const QString &name, RoomCallback done)
{
    m_connection.request(RenameRoomRequest{roomId, name}, this,
                         [this, done](const Answer<RoomReply> &answer) {
                             if (answer.ok())
                                 m_rooms->addRoom(displayed(answer.result->room));
                             done(roomOf(answer), errorOf(answer));
                         });
}

void ChatSession::renewCode(qint64 roomId, RoomCallback done)
{
    m_connection.request(NewCodeRequest{roomId}, this, [this, done](const Answer<RoomReply> &answer) {
        if (answer.ok())
            m_rooms->addRoom(displayed(answer.result->room));
        done(roomOf(answer), errorOf(answer));
    });
}

void ChatSession::openDirect(qint64 userId, RoomCallback done)
{
    m_connection.request(OpenDirectRequest{userId}, this, [this, done](const Answer<RoomReply> &answer) {
        if (answer.ok())
            adoptRoom(answer.result->room);
        done(roomOf(answer), errorOf(answer));
    });
}

void ChatSession::editMessage(qint64 roomId, qint64 messageId, const QString &text, MessageCallback done)
{
    m_connection.request(EditMessageRequest{roomId, messageId, text}, this,
                         [this, roomId, done](const Answer<MessageReply> &answer) {
                             if (answer.ok() && m_messages.contains(roomId))
                                 messages(roomId)->addStored(answer.result->message);
                             if (done)
                                 done(answer);
                         });
}

void ChatSession::deleteMessage(qint64 roomId, qint64 messageId, MessageCallback done)
{
    m_connection.request(DeleteMessageRequest{roomId, messageId}, this,
                         [this, roomId, done](const Answer<MessageReply> &answer) {
                             if (answer.ok() && m_messages.contains(roomId))
                                 messages(roomId)->addStored(answer.result->message);
                             if (done)
                                 done(answer);
                         });
}

void ChatSession::react(qint64 roomId, qint64 messageId, const QString &emoji, bool on, MessageCallback done)
{
    m_connection.request(ReactRequest{roomId, messageId, emoji, on}, this,
                         [this, roomId, done](const Answer<MessageReply> &answer) {
                             if (answer.ok() && m_messages.contains(roomId))
                                 messages(roomId)->addStored(answer.result->message);
                             if (done)
                                 done(answer);
                         });
}

void ChatSession::setTyping(qint64 roomId, bool typing)
{
    if (m_state != State::SignedIn || m_connection.state() != Connection::State::Online)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto sent = m_typingSentMs.constFind(roomId);
    if (typing && sent != m_typingSentMs.constEnd() && now - *sent < kTypingRenewMs)
        return; // the last indication still holds
    if (!typing && sent == m_typingSentMs.constEnd())
        return; // nothing to stop
    if (typing)
        m_typingSentMs.insert(roomId, now);
    else
        m_typingSentMs.remove(roomId);
    m_connection.request(TypingRequest{roomId, typing}, this, [](const Answer<EmptyReply> &) {});
}

QStringList ChatSession::typingIn(qint64 roomId) const
{
    return m_typing->typingIn(roomId);
}

void ChatSession::markRead(qint64 roomId, qint64 upTo)
{
    const qint64 newest = upTo > 0 ? upTo : m_messages.contains(roomId) ? messages(roomId)->newestId() : 0;
    if (newest == 0 || newest <= m_rooms->readOf(roomId) || m_state != State::SignedIn ||
        m_connection.state() != Connection::State::Online)
        return;
    m_connection.request(MarkReadRequest{roomId, newest}, this,
                         [this, roomId](const Answer<ReadMarkerReply> &answer) {
                             if (answer.ok())
                                 applyReadPosition(roomId, answer.result->read, answer.result->unread);
                         });
}

void ChatSession::search(const QString &query, std::optional<qint64> roomId, std::optional<qint64> before,
                         std::function<void(const Answer<SearchReply> &)> done)
{
    SearchRequest request;
    request.query = query;
    request.room = roomId;
    request.before = before;
    m_connection.request(request, this, std::move(done));
}

void ChatSession::setActiveRoom(qint64 roomId)
{
    m_activeRoom = roomId;
    m_rooms->clearUnread(roomId);
    markRead(roomId);
}

void ChatSession::loadOlder(qint64 roomId)
{
    loadPageBeside(roomId, true);
}

void ChatSession::loadNewer(qint64 roomId)
{
    loadPageBeside(roomId, false);
}

void ChatSession::loadPageBeside(qint64 roomId, bool older)
{
    MessageModel *model = messages(roomId);
    QHash<qint64, bool> &loading = older ? m_loadingOlder : m_loadingNewer;
    const qint64 from = older ? model->oldestId() : model->newestId();
    if (!(older ? model->hasOlder() : model->hasNewer()) || loading.value(roomId) || from == 0 ||
        m_replacing.contains(roomId))
        return; // a page beside a window that is being replaced would be mixed into the new one
    loading.insert(roomId, true);
    HistoryRequest request;
    request.room = roomId;
    (older ? request.before : request.after) = from;
    request.limit = kBackPage;
    const quint64 window = m_window.value(roomId);
    m_connection.request(request, this, [this, roomId, older, window](const Answer<HistoryReply> &answer) {
        (older ? m_loadingOlder : m_loadingNewer).remove(roomId);
        if (!answer.ok() || !m_messages.contains(roomId) || m_window.value(roomId) != window)
            return;
        // Forward: a message sent after this page was read comes after its answer on this connection, so
        // none falls between the page and the live messages that follow it.
        MessageModel *model = messages(roomId);
        model->addStored(answer.result->messages);
        const int count = int(answer.result->messages.size());
        if (older) {
            model->setHasOlder(answer.result->more);
            emit olderLoaded(roomId, count);
        } else {
            model->setHasNewer(answer.result->more);
            if (roomId == m_activeRoom)
                markRead(roomId); // what scrolling forward brought into view has been read
            emit newerLoaded(roomId, count);
        }
    });
}

void ChatSession::loadAround(qint64 roomId, qint64 messageId)
{
    const quint64 window = beginWindow(roomId);
    HistoryRequest upTo;
    upTo.room = roomId;
    upTo.before = messageId + 1; // the message itself and those before it
    upTo.limit = kBackPage / 2;
    m_connection.request(upTo, this, [this, roomId, messageId, window](const Answer<HistoryReply> &older) {
        if (m_window.value(roomId) != window)
            return;
        if (!older.ok())
            return void(m_replacing.remove(roomId));
        HistoryRequest after;
        after.room = roomId;
        after.after = messageId;
        after.limit = kBackPage / 2;
        m_connection.request(after, this,
                             [this, roomId, messageId, window, page = older.result->messages,
                              hasOlder = older.result->more](const Answer<HistoryReply> &newer) {
                                 if (m_window.value(roomId) != window)
                                     return;
                                 m_replacing.remove(roomId);
                                 if (!newer.ok())
                                     return;
                                 messages(roomId)->resetWindow(page + newer.result->messages, hasOlder,
                                                               newer.result->more);
                                 emit aroundLoaded(roomId, messageId);
                             });
    });
}

void ChatSession::loadLatest(qint64 roomId)
{
    const quint64 window = beginWindow(roomId);
    HistoryRequest request;
    request.room = roomId;
    request.limit = kBackPage;
    m_connection.request(request, this, [this, roomId, window](const Answer<HistoryReply> &answer) {
        if (m_window.value(roomId) != window)
            return;
        m_replacing.remove(roomId);
        if (!answer.ok())
            return;
        messages(roomId)->resetWindow(answer.result->messages, answer.result->more, false);
        if (roomId == m_activeRoom)
            markRead(roomId);
        emit latestLoaded(roomId);
    });
}

quint64 ChatSession::beginWindow(qint64 roomId)
{
    // Pages asked for the window held are dropped when they come, and none is asked until the new one is in.
    m_replacing.insert(roomId);
    return ++m_window[roomId];
}

QString ChatSession::send(qint64 roomId, const QString &text, qint64 replyTo)
{
    const QString clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    ChatMessage draft{0, roomId, m_user, text, QDateTime::currentMSecsSinceEpoch(), clientId};
    if (replyTo != 0) {
        // Shown at once with the quote the server will store (it cuts the excerpt itself).
        if (const auto answered = messages(roomId)->stored(replyTo))
            draft.replyTo = Quote{answered->id, answered->author, answered->text.simplified(), false};
    }
    messages(roomId)->addPending(draft);
    setTyping(roomId, false);
    m_outbox.append(Outgoing{roomId, clientId, text, replyTo, false});
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
        m_outbox.append(
            Outgoing{roomId, clientId, draft->text, draft->replyTo ? draft->replyTo->id : 0, false});
    messages(roomId)->setStatus(clientId, MessageModel::Status::Pending);
    flushOutbox();
}

void ChatSession::discard(qint64 roomId, const QString &clientId)
{
    m_outbox.removeIf(
        [&](const Outgoing &outgoing) { return outgoing.clientId == clientId && !outgoing.inFlight; });
    messages(roomId)->discard(clientId);
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
            SendRequest{roomId, outgoing.text, clientId, outgoing.replyTo}, this,
            [this, roomId, clientId](const Answer<MessageReply> &reply) {
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
                if (reply.ok()) {
                    messages(roomId)->addStored(reply.result->message);
                    markRead(roomId, reply.result->message.id);
                    return;
                }
                const ProtocolError error = reply.error.value_or(ProtocolError{});
                qCInfo(lcSession) << "send refused in room" << roomId << ":" << errorCodeName(error.code);
                messages(roomId)->setStatus(clientId, MessageModel::Status::Failed, int(error.code));
                emit sendFailed(roomId, clientId, error);
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
        m_connection.request(LogoutRequest{}, this, [](const Answer<EmptyReply> &) {});
    endSession();
}

void ChatSession::signOutEverywhere(std::function<void(const Answer<EmptyReply> &)> done)
{
    // Only the server can end the other devices' sessions: signing out here alone while offline would look
    // done and leave them all signed in. So this waits for the server, and signs out here when it agreed.
    if (m_connection.state() != Connection::State::Online || m_state != State::SignedIn) {
        done(Answer<EmptyReply>::lost());
        return;
    }
    m_connection.request(LogoutAllRequest{}, this,
                         [this, done = std::move(done)](const Answer<EmptyReply> &reply) {
                             if (reply.ok() && m_state == State::SignedIn)
                                 endSession();
                             done(reply);
                         });
}

void ChatSession::changePassword(const QString &current, const QString &replacement,
                                 std::function<void(const Answer<EmptyReply> &)> done)
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
    m_typing->clear();
    m_typingSentMs.clear();
    m_activeRoom = 0;
    m_rooms->clear();
    qDeleteAll(m_messages);
    m_messages.clear();
    qDeleteAll(m_members);
    m_members.clear();
}

} // namespace Natter::Client
