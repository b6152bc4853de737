// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientaddress.h"

namespace Natter::Server::ClientAddress {

namespace {
QHostAddress plain(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}
} // namespace

QString limitKey(const QHostAddress &address)
{
    const QHostAddress normalized = plain(address);
    if (normalized.protocol() != QAbstractSocket::IPv6Protocol)
        return normalized.toString();
    Q_IPV6ADDR bytes = normalized.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        bytes[i] = 0;
    return QHostAddress(bytes).toString() + QStringLiteral("/64");
}

bool isTrusted(const QHostAddress &address, const QList<QPair<QHostAddress, int>> &trustedProxies)
{
    const QHostAddress normalized = plain(address);
    for (const auto &subnet : trustedProxies) {
        if (normalized.isInSubnet(subnet))
            return true;
    }
    return false;
}

QHostAddress forwardedFor(const QHostAddress &peer, const QByteArray &forwardedForHeader,
                          const QList<QPair<QHostAddress, int>> &trustedProxies)
{
    if (!isTrusted(peer, trustedProxies))
        return peer;
    // Only the entries added by our own proxies can be believed; read from the right, the first
    // untrusted one is the client that talked to them. What lies left of it is the client's own claim.
    const QList<QByteArray> hops = forwardedForHeader.split(',');
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        QHostAddress hop;
        if (!hop.setAddress(QString::fromLatin1(it->trimmed())))
            return peer;
        if (!isTrusted(hop, trustedProxies))
            return plain(hop);
    }
    return peer;
}

} // namespace Natter::Server::ClientAddress
