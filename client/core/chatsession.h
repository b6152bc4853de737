// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "answer.h"
#include "chatmessage.h"
#include "eventtable.h"
#include "protocolerror.h"
#include "replies.h"
#include "room.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <functional>
#include <optional>

namespace Natter::Client {

class Connection;
class MemberModel;
class MessageModel;
class RoomListModel;
class TypingState;

/// The signed-in user's view of the server, kept up to date from the connection: rooms, their messages
/// and members. After every (re)connect it resumes the session, catches every room up with
/// `history after=<newest id held>` and then sends what waits in the outbox, each message with its
/// client_id, so that nothing is lost and nothing appears twice.
class ChatSession : public QObject {
    Q_OBJECT
public:
    enum class State { SignedOut, SigningIn, SignedIn };
    Q_ENUM(State)
    /// The room, or why not: the server's error, or none when the server could not be reached.
    using RoomCallback =
        std::function<void(const std::optional<Room> &, const std::optional<ProtocolError> &)>;
    using MessageCallback = std::function<void(const Answer<MessageReply> &)>;

    explicit ChatSession(Connection &connection, QObject *parent = nullptr);
    ~ChatSession() override;

    State state() const { return m_state; }
    Connection &connection() const { return m_connection; }
    const User &user() const { return m_user; }
    QString token() const { return m_token; }
    /// True while signed in and caught up since the last (re)connect.
    bool isSynced() const { return m_synced; }

    RoomListModel *rooms() const { return m_rooms; }
    /// The room's messages and members; created on first use, owned by the session.
    MessageModel *messages(qint64 roomId);
    MemberModel *members(qint64 roomId);

    void signIn(const QString &username, const QString &password);
    void signUp(const QString &username, const QString &password);
    /// Signs in with a token kept from earlier (when the connection is or comes online).
    void resume(const QString &token);
    /// Revokes the token on the server (when online) and forgets everything held.
    void signOut();
    /// Signs out every session of this account, on every device, this one included, once the server has
    /// done it: done(reply) is ok then. Offline or not signed in, nothing changes and done gets a lost reply.
    void signOutEverywhere(std::function<void(const Answer<EmptyReply> &)> done);
    /// done(reply): ok when the password was changed (other devices are signed out).
    void changePassword(const QString &current, const QString &replacement,
                        std::function<void(const Answer<EmptyReply> &)> done);

    void createRoom(const QString &name, RoomCallback done);
    void joinRoom(const QString &code, RoomCallback done);
    void leaveRoom(qint64 roomId);
    /// The owner's settings; done(room, error) as for createRoom.
    void renameRoom(qint64 roomId, const QString &name, RoomCallback done);
    void renewCode(qint64 roomId, RoomCallback done);
    /// The direct conversation with a user one shares a room with (created on first use).
    void openDirect(qint64 userId, RoomCallback done);
    /// The room in view: its unread count is cleared and stays cleared.
    void setActiveRoom(qint64 roomId);
    qint64 activeRoom() const { return m_activeRoom; }
    /// Fetches the page before the oldest message held.
    void loadOlder(qint64 roomId);
    /// While the room's model holds a window further back (hasNewer): fetches the page after it.
    void loadNewer(qint64 roomId);
    /// Replaces what the room's model holds with the history around a message, however far back: a search
    /// result or a link. New messages are held back until the window reaches the newest again.
    void loadAround(qint64 roomId, qint64 messageId);
    /// Back to the newest page after loadAround (jump to the latest messages).
    void loadLatest(qint64 roomId);
    /// loadAround or loadLatest has asked for a window that will replace what the room's model holds.
    bool isLoadingWindow(qint64 roomId) const { return m_replacing.contains(roomId); }

    /// Shows the message at once as pending and sends it when possible; returns its client_id. `replyTo`:
    /// the message it answers (0: none).
    QString send(qint64 roomId, const QString &text, qint64 replyTo = 0);
    /// Changes to one's own messages and reactions; the models change when the server's answer (or its
    /// message_changed event) arrives. `done` may be empty.
    void editMessage(qint64 roomId, qint64 messageId, const QString &text, MessageCallback done = {});
    void deleteMessage(qint64 roomId, qint64 messageId, MessageCallback done = {});
    void react(qint64 roomId, qint64 messageId, const QString &emoji, bool on, MessageCallback done = {});
    /// The user is typing in a room (or stopped). Renewals are sent at most every few seconds.
    void setTyping(qint64 roomId, bool typing);
    /// Who else is typing in a room.
    QStringList typingIn(qint64 roomId) const;
    /// Moves the read position to `upTo`, or to the newest message held in the room (the server keeps it).
    void markRead(qint64 roomId, qint64 upTo = 0);
    /// Full-text search in every room, or in one.
    void search(const QString &query, std::optional<qint64> roomId, std::optional<qint64> before,
                std::function<void(const Answer<SearchReply> &)> done);
    /// Sends a failed message again, with the same client_id.
    void retry(qint64 roomId, const QString &clientId);
    /// Gives up a message that was not sent (refused, or still waiting): it goes from the conversation.
    void discard(qint64 roomId, const QString &clientId);
    int outboxSize() const { return int(m_outbox.size()); }

signals:
    void stateChanged(Natter::Client::ChatSession::State state);
    /// register/login/resume failed: bad_credentials, username_taken, invalid_token, rate_limited, or
    /// offline (error.code internal_error with the connection down).
    void signInFailed(const Natter::ProtocolError &error, bool offline);
    /// The token to keep for "keep me signed in"; empty when it must be forgotten.
    void tokenChanged(const QString &token);
    /// Every room is caught up after a sign-in or reconnect, and the outbox has been handed to the server.
    void synced();
    /// A message from someone else arrived live.
    void messageReceived(qint64 roomId, const Natter::ChatMessage &message);
    void roomLeft(qint64 roomId);
    /// A message held was edited, deleted or reacted to.
    void messageChanged(qint64 roomId, const Natter::ChatMessage &message);
    /// Who is typing in a room changed.
    void typingChanged(qint64 roomId);
    void olderLoaded(qint64 roomId, int count);
    void newerLoaded(qint64 roomId, int count);
    /// loadAround is done: the model holds the message (unless it no longer exists).
    void aroundLoaded(qint64 roomId, qint64 messageId);
    void latestLoaded(qint64 roomId);
    /// A send was refused (too long, not a member, rate limited...): it is marked failed in its model.
    void sendFailed(qint64 roomId, const QString &clientId, const Natter::ProtocolError &error);
    /// The server ended this session (logout elsewhere with the same token).
    void signedOutByServer();

private:
    struct Outgoing {
        qint64 room = 0;
        QString clientId;
        QString text;
        qint64 replyTo = 0;
        bool inFlight = false;
    };

    void setState(State state);
    void onOnline();
    void onEvent(const QJsonObject &frame);
    void handleEvent(const MessageEvent &event);
    void handleEvent(const PresenceEvent &event);
    void handleEvent(const MemberJoinedEvent &event);
    void handleEvent(const MemberLeftEvent &event);
    void handleEvent(const SignedOutEvent &event);
    void handleEvent(const MessageChangedEvent &event);
    void handleEvent(const TypingEvent &event);
    void handleEvent(const ReadMarkerEvent &event);
    void handleEvent(const RoomJoinedEvent &event);
    void handleEvent(const RoomLeftEvent &event);
    void handleEvent(const RoomUpdatedEvent &event);
    /// A room as the list shows it: a direct conversation is named after the other member.
    Room displayed(Room room) const;
    void forgetRoom(qint64 roomId);
    /// A read position from the server: its unread count is counted here when the messages after it are
    /// held (what arrived since the server counted is then included), else taken as the server gave it.
    void applyReadPosition(qint64 roomId, qint64 read, int serverUnread);
    void authenticate(QLatin1String how, const Answer<SignedInReply> &answer);
    void afterSignIn();
    void syncRoom(qint64 roomId, std::function<void()> done);
    void adoptRoom(const Room &room);
    /// The room's members and who of them is typing, as a room object says.
    void takeMembers(const Room &room);
    /// The history page before the oldest message held, or after the newest (of a window further back).
    void loadPageBeside(qint64 roomId, bool older);
    /// A catch-up of a room that the server refused: asked again later (or given up for a room left).
    void retrySync(qint64 roomId, std::function<void()> done, quint64 generation,
                   const Answer<HistoryReply> &answer);
    /// Runs `again` after the wait a refusal asks for, unless the connection changed meanwhile.
    void retryLater(quint64 generation, const ProtocolError &error, std::function<void()> again);
    /// A new window of history for the room is being asked for: its number.
    quint64 beginWindow(qint64 roomId);
    void flushOutbox();
    void pauseOutbox(qint64 retryAfterMs);
    void forgetEverything();
    /// Signed out here: everything held and the token forgotten (the kept one too, via tokenChanged).
    void endSession();

    Connection &m_connection;
    EventTable m_events;
    RoomListModel *m_rooms;
    QHash<qint64, MessageModel *> m_messages;
    QHash<qint64, MemberModel *> m_members;
    QList<Outgoing> m_outbox;
    bool m_outboxPaused = false;
    QHash<qint64, bool> m_loadingOlder;
    QHash<qint64, bool> m_loadingNewer;
    /// Per room: bumped whenever the model's window is replaced, so that pages asked for the old window are
    /// dropped.
    QHash<qint64, quint64> m_window;
    QSet<qint64> m_replacing; // rooms whose window loadAround or loadLatest is replacing
    TypingState *m_typing;
    QHash<qint64, qint64> m_typingSentMs; // per room: when "typing" was last sent, for the renewal pace
    State m_state = State::SignedOut;
    User m_user;
    QString m_token;
    qint64 m_activeRoom = 0;
    bool m_synced = false;
    quint64 m_generation = 0; // bumped on sign-out and reconnect, so stale replies are ignored
};

} // namespace Natter::Client
