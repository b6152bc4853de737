// SPDX-License-Identifier: GPL-3.0-or-later
#include "abuselog.h"

#include "logging.h"
#include "monotonicclock.h"

namespace Natter::Server {

AbuseLog::AbuseLog(qint64 intervalMs, Clock clock)
    : m_intervalMs(intervalMs)
    , m_clock(clock ? std::move(clock) : Clock(monotonicMs))
{}

bool AbuseLog::report(const QString &addressKey, const QString &what)
{
    const qint64 now = m_clock();
    if (now - m_lastSweepMs >= m_intervalMs) {
        // Entries past their interval would log anyway: dropping them bounds memory by recent attackers.
        // One that still owes a count of left-out events is kept a while, for that count's next report.
        m_lastSweepMs = now;
        m_entries.removeIf([&](QHash<QString, Entry>::iterator it) {
            const qint64 age = now - it->loggedMs;
            return age >= m_intervalMs && (it->suppressed == 0 || age >= 10 * m_intervalMs);
        });
    }
    const QString key = addressKey + QLatin1Char('\n') + what;
    auto it = m_entries.find(key);
    if (it != m_entries.end() && now - it->loggedMs < m_intervalMs) {
        ++it->suppressed;
        return false;
    }
    const int suppressed = it != m_entries.end() ? it->suppressed : 0;
    m_entries.insert(key, Entry{now, 0});
    if (suppressed > 0) {
        qCWarning(lcSecurity).noquote()
            << addressKey << what << QStringLiteral("(and %1 more since the last report)").arg(suppressed);
    } else {
        qCWarning(lcSecurity).noquote() << addressKey << what;
    }
    return true;
}

} // namespace Natter::Server
