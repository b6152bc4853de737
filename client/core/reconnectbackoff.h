// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <functional>

namespace Natter::Client {

/// Delays between reconnect attempts: doubling from the first delay up to the cap, each drawn at random
/// from the upper half of its step (jitter), so that a server restart is not met by every client at once.
class ReconnectBackoff {
public:
    using Random = std::function<double()>; // uniform in [0, 1)

    explicit ReconnectBackoff(int firstMs = 1000, int capMs = 60'000, Random random = {});

    /// The delay before the next attempt; each call moves one step up.
    int next();
    /// After a successful connection: the next delay is the first one again.
    void reset() { m_attempt = 0; }
    /// Takes back the last step: an attempt the user asked for does not lengthen the next wait.
    void stepBack() { m_attempt = std::max(0, m_attempt - 1); }
    int attempt() const { return m_attempt; }

private:
    int m_firstMs;
    int m_capMs;
    Random m_random;
    int m_attempt = 0;
};

} // namespace Natter::Client
