// SPDX-License-Identifier: GPL-3.0-or-later
#include "membershipcache.h"

#include "roomrepository.h"

namespace Natter::Server {

namespace {
// Rooms kept; past this the cache starts again (a server with more rooms than this that are all busy at once
// reads some of them twice, nothing worse).
constexpr qsizetype kMaxRooms = 20'000;
} // namespace

MembershipCache::MembershipCache(const RoomRepository &rooms)
    : m_rooms(rooms)
{}

const MembershipCache::Members *MembershipCache::members(qint64 room)
{
    const auto found = m_members.constFind(room);
    if (found != m_members.constEnd())
        return &*found;
    const QList<qint64> ids = m_rooms.memberIds(room);
    if (ids.isEmpty())
        return nullptr; // no such room, nobody left in it, or reading failed: asked again next time
    if (m_members.size() >= kMaxRooms)
        m_members.clear();
    return &*m_members.insert(room, Members{ids, QSet<qint64>(ids.cbegin(), ids.cend())});
}

bool MembershipCache::isMember(qint64 room, qint64 user)
{
    const Members *found = members(room);
    return found && found->set.contains(user);
}

QList<qint64> MembershipCache::memberIds(qint64 room)
{
    const Members *found = members(room);
    return found ? found->ids : QList<qint64>();
}

void MembershipCache::forget(const QSet<qint64> &rooms)
{
    for (const qint64 room : rooms)
        m_members.remove(room);
}

} // namespace Natter::Server
