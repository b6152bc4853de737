// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenstore.h"

#include <QEventLoop>
#include <QTimer>

namespace Natter::Client {

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
{}

TokenStore::~TokenStore() = default;

bool TokenStore::finishPending(int timeoutMs)
{
    if (!busy())
        return true;
    QEventLoop loop;
    connect(this, &TokenStore::idle, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return !busy();
}

} // namespace Natter::Client
