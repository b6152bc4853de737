// SPDX-License-Identifier: GPL-3.0-or-later
#include "reconnectbackoff.h"

#include <QRandomGenerator>
#include <algorithm>

namespace Natter::Client {

ReconnectBackoff::ReconnectBackoff(int firstMs, int capMs, Random random)
    : m_firstMs(firstMs)
    , m_capMs(capMs)
    , m_random(random ? std::move(random)
                      : Random([] { return QRandomGenerator::global()->generateDouble(); }))
{}

int ReconnectBackoff::next()
{
    const int exponent = std::min(m_attempt, 20);
    const double step = std::min(double(m_capMs), double(m_firstMs) * double(1 << exponent));
    ++m_attempt;
    return std::max(m_firstMs / 2, int(step / 2 + m_random() * step / 2));
}

} // namespace Natter::Client
