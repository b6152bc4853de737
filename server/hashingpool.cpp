// SPDX-License-Identifier: GPL-3.0-or-later
#include "hashingpool.h"

namespace Natter::Server {

HashingPool::HashingPool(PasswordHasher::Parameters parameters, Limits limits, QObject *parent)
    : QObject(parent)
    , m_hasher(parameters)
    , m_limits(limits)
{
    m_pool.setMaxThreadCount(limits.threads);
    m_pool.setObjectName(QStringLiteral("natter-hashing"));
}

HashingPool::~HashingPool()
{
    m_waiting.clear();
    m_pool.clear();
    m_pool.waitForDone();
}

bool HashingPool::hash(const QString &key, const QString &password, std::function<void(const QString &)> done)
{
    return enqueue(key, [this, password, done = std::move(done)] {
        const QString phc = m_hasher.hash(password);
        QMetaObject::invokeMethod(
            this, [done, phc] { done(phc); }, Qt::QueuedConnection);
    });
}

bool HashingPool::verify(const QString &key, const QString &password, const QString &phc,
                         std::function<void(bool, bool)> done)
{
    return enqueue(key, [this, password, phc, done = std::move(done)] {
        const bool known = !phc.isEmpty();
        const bool ok = m_hasher.verify(password, known ? phc : dummyHash()) && known;
        const bool rehash = ok && m_hasher.needsRehash(phc);
        QMetaObject::invokeMethod(
            this, [done, ok, rehash] { done(ok, rehash); }, Qt::QueuedConnection);
    });
}

bool HashingPool::enqueue(const QString &key, Work work)
{
    int &mine = m_perKey[key];
    if (m_queued >= m_limits.maxQueued || mine >= m_limits.maxPerKey) {
        if (mine == 0)
            m_perKey.remove(key);
        return false;
    }
    ++mine;
    ++m_queued;
    QQueue<Work> &queue = m_waiting[key];
    if (queue.isEmpty())
        m_turns.append(key);
    queue.enqueue(std::move(work));
    dispatch();
    return true;
}

void HashingPool::dispatch()
{
    while (m_running < m_limits.threads && !m_turns.isEmpty()) {
        // Round robin: the key at the front gets one job run, then waits behind the others.
        const QString key = m_turns.takeFirst();
        QQueue<Work> &queue = m_waiting[key];
        Work work = queue.dequeue();
        if (queue.isEmpty())
            m_waiting.remove(key);
        else
            m_turns.append(key);
        --m_queued;
        ++m_running;
        m_pool.start([this, key, work = std::move(work)] {
            work();
            QMetaObject::invokeMethod(
                this, [this, key] { finished(key); }, Qt::QueuedConnection);
        });
    }
}

void HashingPool::finished(const QString &key)
{
    --m_running;
    auto it = m_perKey.find(key);
    if (it != m_perKey.end() && --*it <= 0)
        m_perKey.erase(it);
    dispatch();
}

QString HashingPool::dummyHash()
{
    std::call_once(m_dummyOnce,
                   [this] { m_dummyHash = m_hasher.hash(QStringLiteral("natter-unknown-user")); });
    return m_dummyHash;
}

} // namespace Natter::Server
