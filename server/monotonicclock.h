// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

namespace Natter::Server {

/// Milliseconds on a monotonic clock since its first use: the default clock of the rate limiters and the
/// security log, which tests replace with one of their own.
inline qint64 monotonicMs()
{
    static const QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}

} // namespace Natter::Server
