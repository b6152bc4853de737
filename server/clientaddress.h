// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>

class QNetworkRequest;

namespace Natter::Server {

/// Who a connection counts as for the per-address limits.
namespace ClientAddress {

/// The key a peer's limits are kept under: an IPv4 address (also when it arrives IPv4-mapped), or the /64
/// prefix of an IPv6 address, since one IPv6 host is usually handed a whole /64.
QString limitKey(const QHostAddress &address);

/// The client behind a trusted proxy: walks X-Forwarded-For from the right, skipping trusted proxies, and
/// returns the first address that is not one. Returns `peer` itself when `peer` is not trusted, or when
/// the header is missing or malformed.
QHostAddress forwardedFor(const QHostAddress &peer, const QByteArray &forwardedForHeader,
                          const QList<QPair<QHostAddress, int>> &trustedProxies);

/// True when `address` lies in one of the subnets.
bool isTrusted(const QHostAddress &address, const QList<QPair<QHostAddress, int>> &trustedProxies);

} // namespace ClientAddress

} // namespace Natter::Server
