// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomfeed.h"

#include "delivery.h"
#include "events.h"
#include "logging.h"
#include "membershipcache.h"
#include "presencetracker.h"
#include "roomview.h"
#include "servercontext.h"
#include "storage.h"
#include "wireframe.h"

#include <algorithm>

namespace Natter::Server {

namespace {
constexpr int kPage = 500;
}

RoomFeed::RoomFeed(ServerContext &context)
    : m_context(context)
{}

bool RoomFeed::share(QString *error)
{
    const auto positions = m_context.storage.messages.roomPositions();
    if (!positions) {
        *error = QStringLiteral("cannot read the rooms' change counters");
        return false;
    }
    m_cursors = *positions; // delivered up to where each room stands: what comes later is notified
    m_shared = true;
    return true;
}

void RoomFeed::local(const ChatMessage &message, bool isNew, const std::function<void()> &deliver)
{
    if (!m_shared)
        return deliver();
    Cursor &cursor = m_cursors[message.room]; // a room new since share() starts at 0
    if (message.rev <= cursor.rev)
        return; // read from the database and delivered already, behind a change of another instance
    if (message.rev != cursor.rev + 1)
        return catchUp(message.room);
    cursor.rev = message.rev;
    if (isNew)
        cursor.newestId = std::max(cursor.newestId, message.id);
    deliver();
}

void RoomFeed::awaitAnswer(qint64 room, qint64 userId, const ClientConnection *requester)
{
    if (m_shared)
        m_requesters.insert({room, userId}, requester);
}

void RoomFeed::answered(qint64 room, qint64 userId, const ClientConnection *requester)
{
    // One of that connection's entries (it may have asked twice); entries of closed connections go too.
    bool removed = false;
    for (auto it = m_requesters.find({room, userId});
         it != m_requesters.end() && it.key() == qMakePair(room, userId);) {
        if (!*it || (!removed && it->data() == requester)) {
            removed = removed || *it;
            it = m_requesters.erase(it);
        } else {
            ++it;
        }
    }
}

void RoomFeed::remote(const QSet<qint64> &rooms)
{
    for (const qint64 room : rooms)
        catchUp(room);
}

void RoomFeed::resume()
{
    // Every room's counter, read whole before any room is caught up: one statement at a time per connection.
    const auto positions = m_context.storage.messages.roomPositions();
    if (!positions) {
        qCWarning(lcStorage) << "cannot read the rooms' change counters; tried again in a moment";
        m_retryAll = true;
        return;
    }
    m_retryAll = false;
    for (auto it = positions->cbegin(); it != positions->cend(); ++it) {
        if (it->rev > m_cursors.value(it.key()).rev)
            catchUp(it.key());
    }
}

void RoomFeed::retry()
{
    if (m_retryAll)
        return resume();
    const QSet<qint64> rooms = std::exchange(m_failed, {});
    for (const qint64 room : rooms)
        catchUp(room);
}

void RoomFeed::catchUp(qint64 room)
{
    // Read whole first: a message that is new here is delivered as `message`, in id order, even when a
    // later change (an edit, a reaction) put it behind newer messages in rev order; it then carries that
    // change already. The others, known here, get `message_changed`, in rev order.
    Cursor &cursor = m_cursors[room];
    QList<ChatMessage> fresh;
    QList<ChatMessage> changed;
    QSet<qint64> freshIds;
    qint64 rev = cursor.rev;
    while (true) {
        const auto page = m_context.storage.messages.changes(room, rev, kPage);
        if (!page.ok) {
            qCWarning(lcStorage) << "cannot read the changes of room" << room << "; tried again in a moment";
            m_failed.insert(room);
            return;
        }
        for (const ChatMessage &message : page.messages) {
            rev = message.rev;
            if (message.id <= cursor.newestId) {
                changed.append(message);
            } else if (freshIds.contains(message.id)) {
                // Changed again after the page that first had it: the newer state replaces it.
                for (ChatMessage &earlier : fresh) {
                    if (earlier.id == message.id)
                        earlier = message;
                }
            } else {
                freshIds.insert(message.id);
                fresh.append(message);
            }
        }
        if (!page.more)
            break;
    }
    m_failed.remove(room);
    cursor.rev = rev;
    std::sort(fresh.begin(), fresh.end(),
              [](const ChatMessage &a, const ChatMessage &b) { return a.id < b.id; });
    if (!fresh.isEmpty())
        cursor.newestId = fresh.last().id;
    for (const ChatMessage &message : std::as_const(fresh))
        deliverRead(message, true);
    for (const ChatMessage &message : std::as_const(changed))
        deliverRead(message, false);
}

void RoomFeed::deliverRead(const ChatMessage &message, bool isNew)
{
    // What the handlers send when the change is their own (MessageHandler, MessageChangeHandler,
    // RoomHandler), here for a change another instance made or one read back in order.
    if (!isNew) {
        Delivery::toRoom(m_context, message.room, MessageChangedEvent{message}.toJson());
        return;
    }
    const User &user = message.author;
    const ClientConnection *requester = m_requesters.value({message.room, user.id}).data();
    switch (message.kind) {
    case ChatMessage::Kind::Joined:
        m_context.members.forget({message.room});
        Delivery::toRoom(
            m_context, message.room,
            MemberJoinedEvent{message.room, {user, m_context.presence.isOnline(user.id)}}.toJson(), user.id);
        Delivery::toRoom(m_context, message.room, MessageEvent{message}.toJson(), user.id);
        if (const auto row = m_context.storage.rooms.find(message.room))
            Delivery::toUser(m_context, user.id, RoomJoinedEvent{roomView(m_context, *row, user.id)}.toJson(),
                             requester);
        return;
    case ChatMessage::Kind::Left:
        m_context.members.forget({message.room});
        Delivery::toRoom(m_context, message.room, MemberLeftEvent{message.room, user}.toJson(), user.id);
        Delivery::toRoom(m_context, message.room, MessageEvent{message}.toJson(), user.id);
        Delivery::toUser(m_context, user.id, RoomLeftEvent{message.room}.toJson(), requester);
        return;
    default:
        m_context.presence.deliver(m_context.members.memberIds(message.room),
                                   WireFrame::fromJson(MessageEvent{message}.toJson()));
        return;
    }
}

} // namespace Natter::Server
