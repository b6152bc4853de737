// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "passwordhasher.h"

#include <QObject>
#include <QThreadPool>
#include <functional>
#include <mutex>

namespace Natter::Server {

/// Runs password hashing on a small bounded thread pool so that a sign-in never stalls the event loop.
/// Results come back on the thread that owns this object (the event loop's).
class HashingPool : public QObject {
    Q_OBJECT
public:
    HashingPool(PasswordHasher::Parameters parameters, int threads, QObject *parent = nullptr);
    ~HashingPool() override;

    /// done(phc): the new PHC string, empty if hashing failed.
    void hash(const QString &password, std::function<void(const QString &)> done);
    /// done(ok, needsRehash). With an empty `phc` (unknown user) a dummy hash is checked instead, so that an
    /// unknown username costs as long as a wrong password.
    void verify(const QString &password, const QString &phc, std::function<void(bool, bool)> done);

private:
    QString dummyHash();

    PasswordHasher m_hasher;
    QThreadPool m_pool;
    std::once_flag m_dummyOnce;
    QString m_dummyHash;
};

} // namespace Natter::Server
