// SPDX-License-Identifier: GPL-3.0-or-later
#include "hashingpool.h"

namespace Natter::Server {

HashingPool::HashingPool(PasswordHasher::Parameters parameters, int threads, QObject *parent)
    : QObject(parent)
    , m_hasher(parameters)
{
    m_pool.setMaxThreadCount(threads);
    m_pool.setObjectName(QStringLiteral("natter-hashing"));
}

HashingPool::~HashingPool()
{
    m_pool.clear();
    m_pool.waitForDone();
}

void HashingPool::hash(const QString &password, std::function<void(const QString &)> done)
{
    m_pool.start([this, password, done = std::move(done)] {
        const QString phc = m_hasher.hash(password);
        QMetaObject::invokeMethod(
            this, [done, phc] { done(phc); }, Qt::QueuedConnection);
    });
}

void HashingPool::verify(const QString &password, const QString &phc, std::function<void(bool, bool)> done)
{
    m_pool.start([this, password, phc, done = std::move(done)] {
        const bool known = !phc.isEmpty();
        const bool ok = m_hasher.verify(password, known ? phc : dummyHash()) && known;
        const bool rehash = ok && m_hasher.needsRehash(phc);
        QMetaObject::invokeMethod(
            this, [done, ok, rehash] { done(ok, rehash); }, Qt::QueuedConnection);
    });
}

QString HashingPool::dummyHash()
{
    std::call_once(m_dummyOnce,
                   [this] { m_dummyHash = m_hasher.hash(QStringLiteral("natter-unknown-user")); });
    return m_dummyHash;
}

} // namespace Natter::Server
