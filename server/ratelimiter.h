// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <functional>

namespace Natter::Server {

/// Token buckets, one per key (an address for sign-ins, a user for sends and joins). A bucket holds up to
/// `burst` tokens and refills at `perMinute`; a request that finds it empty is told how long to wait.
class RateLimiter {
public:
    struct Rule {
        int burst = 0;        // 0 switches the rule off
        double perMinute = 0; // refill rate
        bool enabled() const { return burst > 0 && perMinute > 0; }
    };
    using Clock = std::function<qint64()>; // monotonic milliseconds

    explicit RateLimiter(Rule rule, Clock clock = {});

    /// Takes one token for `key`. Returns 0 when allowed, else the milliseconds until a token is back.
    qint64 take(const QString &key);
    /// Like take() without taking: 0 when a token is there for `key`, else the milliseconds until one is.
    qint64 peek(const QString &key);
    /// Gives back a token taken for a request that turned out not to count (an idempotent retry).
    void refund(const QString &key);
    int trackedKeys() const { return int(m_buckets.size()); }

private:
    struct Bucket {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    void refill(Bucket &bucket, qint64 now) const;
    void forgetFullBuckets(qint64 now);

    Rule m_rule;
    Clock m_clock;
    QHash<QString, Bucket> m_buckets;
    qint64 m_lastSweepMs = 0;
};

} // namespace Natter::Server
