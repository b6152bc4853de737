// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "user.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace Natter::Client {

/// Who is typing in each room, from the server's typing events. An indication ends by itself when it is
/// not renewed within the protocol's expiry, or when that user's message arrives.
class TypingState : public QObject {
    Q_OBJECT
public:
    explicit TypingState(int expiryMs, QObject *parent = nullptr);

    void set(qint64 room, const User &user, bool typing);
    /// The usernames typing in a room, in the order they started.
    QStringList typingIn(qint64 room) const;
    void clear();

signals:
    void changed(qint64 room);

private:
    void expire();

    struct Entry {
        User user;
        qint64 deadlineMs = 0;
    };
    int m_expiryMs;
    QHash<qint64, QList<Entry>> m_rooms;
    QTimer m_sweep;
};

} // namespace Natter::Client
