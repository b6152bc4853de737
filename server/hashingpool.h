// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "passwordhasher.h"

#include <QHash>
#include <QObject>
#include <QQueue>
#include <QStringList>
#include <QThreadPool>
#include <functional>
#include <mutex>

namespace Natter::Server {

/// Runs password hashing on a small bounded thread pool so that a sign-in never stalls the event loop.
/// Results come back on the thread that owns this object (the event loop's).
///
/// The queue is bounded and fair: each request names who it is for (an address key); at most
/// `maxQueued` wait in total and `maxPerKey` per key (running ones included), and the threads take work
/// from the waiting keys in turn, so one address flooding sign-ins delays the others by one hash at most.
class HashingPool : public QObject {
    Q_OBJECT
public:
    struct Limits {
        int threads = 2;
        int maxQueued = 64;
        int maxPerKey = 4;
    };
    HashingPool(PasswordHasher::Parameters parameters, Limits limits, QObject *parent = nullptr);
    ~HashingPool() override;

    /// done(phc): the new PHC string, empty if hashing failed. False (and `done` never called) when the
    /// queue has no room for `key`.
    bool hash(const QString &key, const QString &password, std::function<void(const QString &)> done);
    /// done(ok, needsRehash). With an empty `phc` (unknown user) a dummy hash is checked instead, so that an
    /// unknown username costs as long as a wrong password. False when the queue has no room for `key`.
    bool verify(const QString &key, const QString &password, const QString &phc,
                std::function<void(bool, bool)> done);

    int queued() const { return m_queued; }

private:
    using Work = std::function<void()>; // runs on a pool thread
    bool enqueue(const QString &key, Work work);
    void dispatch();
    void finished(const QString &key);
    QString dummyHash();

    PasswordHasher m_hasher;
    Limits m_limits;
    QThreadPool m_pool;
    QHash<QString, QQueue<Work>> m_waiting;
    QStringList m_turns;          // keys with waiting work, in the order they get a thread
    QHash<QString, int> m_perKey; // waiting + running
    int m_queued = 0;             // waiting
    int m_running = 0;
    std::once_flag m_dummyOnce;
    QString m_dummyHash;
};

} // namespace Natter::Server
