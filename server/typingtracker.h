// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "user.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <functional>

namespace Natter::Server {

/// Who is typing where, in memory only. An indication lasts `expiryMs` unless renewed; `changed` is called
/// when one starts, is renewed (the clients that show it end it themselves without renewals), is stopped, or
/// runs out.
class TypingTracker : public QObject {
    Q_OBJECT
public:
    using Changed = std::function<void(qint64 room, const User &user, bool typing)>;
    TypingTracker(int expiryMs, Changed changed, QObject *parent = nullptr);

    void set(qint64 room, const User &user, bool typing);
    /// Typing through another instance, as its `typing` events tell: for room views only (the events reach
    /// this instance's connections as they are). That instance sends the end, and renews it while the user
    /// types; an end that was lost (its listening connection down) runs out like a client's, a little later.
    void setElsewhere(qint64 room, qint64 userId, const QString &instance, bool typing);
    /// What an instance that died was telling: it sends no end.
    void forgetInstance(const QString &instance);
    /// The user has no connection on another instance any more, so nothing is being typed there.
    void forgetElsewhere(qint64 userId);
    /// This instance may have missed events.
    void forgetAllElsewhere() { m_elsewhere.clear(); }
    bool isTyping(qint64 room, qint64 userId) const;
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
    QHash<Key, QHash<QString, qint64>> m_elsewhere; // per room and user: instance -> deadline
    QTimer m_sweep;
};

} // namespace Natter::Server
