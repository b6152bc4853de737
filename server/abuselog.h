// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <functional>

namespace Natter::Server {

/// The operator's view of an attack: failed sign-ins, rate-limit hits, refused and closed connections,
/// logged (category natter.server.security) at most once per address and kind per interval, with the
/// number of the same events left out since. Never a password, a token or message text.
class AbuseLog {
public:
    using Clock = std::function<qint64()>; // monotonic milliseconds

    explicit AbuseLog(qint64 intervalMs = 60'000, Clock clock = {});

    /// Returns true when this call wrote a line (for tests).
    bool report(const QString &addressKey, const QString &what);
    int trackedKeys() const { return int(m_entries.size()); }

private:
    struct Entry {
        qint64 loggedMs = 0;
        int suppressed = 0;
    };
    qint64 m_intervalMs;
    Clock m_clock;
    QHash<QString, Entry> m_entries;
    qint64 m_lastSweepMs = 0;
};

} // namespace Natter::Server
