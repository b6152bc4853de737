// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "user.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <functional>

namespace Natter::Server {

/// Who is typing where, in memory only. An indication lasts `expiryMs` unless renewed; `changed` is called
/// when one starts, is stopped, or runs out.
class TypingTracker : public QObject {
    Q_OBJECT
public:
    using Changed = std::function<void(qint64 room, const User &user, bool typing)>;
    TypingTracker(int expiryMs, Changed changed, QObject *parent = nullptr);

    void set(qint64 room, const User &user, bool typing);
    bool isTyping(qint64 room, qint64 userId) const { return m_deadlines.contains(Key{room, userId}); }
    int active() const { return int(m_deadlines.size()); }

private:
    void expire();

    struct Key {
        qint64 room;
        qint64 user;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &key, size_t seed = 0) { return qHashMulti(seed, key.room, key.user); }
    };
    struct Entry {
        User user;
        qint64 deadlineMs;
    };
    int m_expiryMs;
    Changed m_changed;
    QHash<Key, Entry> m_deadlines;
    QTimer m_sweep;
};

} // namespace Natter::Server
