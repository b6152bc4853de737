// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratelimiter.h"

#include "monotonicclock.h"

#include <algorithm>
#include <cmath>

namespace Natter::Server {

namespace {
constexpr qint64 kSweepIntervalMs = 60'000;
} // namespace

RateLimiter::RateLimiter(Rule rule, Clock clock)
    : m_rule(rule)
    , m_clock(clock ? std::move(clock) : Clock(monotonicMs))
{}

void RateLimiter::refill(Bucket &bucket, qint64 now) const
{
    const double gained = double(now - bucket.updatedMs) * m_rule.perMinute / 60'000.0;
    bucket.tokens = std::min(double(m_rule.burst), bucket.tokens + gained);
    bucket.updatedMs = now;
}

qint64 RateLimiter::take(const QString &key)
{
    if (!m_rule.enabled())
        return 0;
    const qint64 now = m_clock();
    forgetFullBuckets(now);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{double(m_rule.burst), now});
    refill(*it, now);
    if (it->tokens >= 1.0) {
        it->tokens -= 1.0;
        return 0;
    }
    const double missing = 1.0 - it->tokens;
    return std::max<qint64>(1, qint64(std::ceil(missing * 60'000.0 / m_rule.perMinute)));
}

qint64 RateLimiter::peek(const QString &key)
{
    if (!m_rule.enabled())
        return 0;
    const qint64 now = m_clock();
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        return 0;
    refill(*it, now);
    if (it->tokens >= 1.0)
        return 0;
    return std::max<qint64>(1, qint64(std::ceil((1.0 - it->tokens) * 60'000.0 / m_rule.perMinute)));
}

void RateLimiter::refund(const QString &key)
{
    auto it = m_buckets.find(key);
    if (it != m_buckets.end())
        it->tokens = std::min(double(m_rule.burst), it->tokens + 1.0);
}

void RateLimiter::forgetFullBuckets(qint64 now)
{
    // A full bucket is the same as no bucket: dropping them keeps memory bounded by recent activity.
    if (now - m_lastSweepMs < kSweepIntervalMs)
        return;
    m_lastSweepMs = now;
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        refill(*it, now);
        it = it->tokens >= m_rule.burst ? m_buckets.erase(it) : std::next(it);
    }
}

} // namespace Natter::Server
