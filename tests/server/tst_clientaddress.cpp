// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientaddress.h"

#include <QTest>

using namespace Natter::Server;

class TestClientAddress : public QObject {
    Q_OBJECT

private slots:
    void limitKeys()
    {
        QCOMPARE(ClientAddress::limitKey(QHostAddress(QStringLiteral("192.0.2.7"))),
                 QStringLiteral("192.0.2.7"));
        // An IPv4 client reaching an IPv6 socket is still the IPv4 address.
        QCOMPARE(ClientAddress::limitKey(QHostAddress(QStringLiteral("::ffff:192.0.2.7"))),
                 QStringLiteral("192.0.2.7"));
        // One IPv6 host usually holds a whole /64: all of it counts as one.
        QCOMPARE(ClientAddress::limitKey(QHostAddress(QStringLiteral("2001:db8:1:2:aaaa::1"))),
                 QStringLiteral("2001:db8:1:2::/64"));
        QCOMPARE(ClientAddress::limitKey(QHostAddress(QStringLiteral("2001:db8:1:2:ffff::9"))),
                 ClientAddress::limitKey(QHostAddress(QStringLiteral("2001:db8:1:2::1"))));
        QVERIFY(ClientAddress::limitKey(QHostAddress(QStringLiteral("2001:db8:1:3::1"))) !=
                ClientAddress::limitKey(QHostAddress(QStringLiteral("2001:db8:1:2::1"))));
    }

    void forwardedFor()
    {
        const QList<QPair<QHostAddress, int>> proxies{QHostAddress::parseSubnet(QStringLiteral("10.0.0.0/8")),
                                                      QHostAddress::parseSubnet(QStringLiteral("::1/128"))};
        const QHostAddress proxy(QStringLiteral("10.1.2.3"));
        const QHostAddress stranger(QStringLiteral("192.0.2.1"));
        const auto client = [&](const QHostAddress &peer, const QByteArray &header) {
            return ClientAddress::forwardedFor(peer, header, proxies).toString();
        };
        QCOMPARE(client(proxy, "203.0.113.9"), QStringLiteral("203.0.113.9"));
        // Read from the right: what the client itself put in front is not believed.
        QCOMPARE(client(proxy, "1.1.1.1, 203.0.113.9"), QStringLiteral("203.0.113.9"));
        // Our own proxies in the chain are skipped.
        QCOMPARE(client(proxy, "203.0.113.9, 10.9.9.9"), QStringLiteral("203.0.113.9"));
        QCOMPARE(client(QHostAddress(QStringLiteral("::1")), "2001:db8::5"), QStringLiteral("2001:db8::5"));
        // A peer that is not a trusted proxy is the client, whatever it claims.
        QCOMPARE(client(stranger, "203.0.113.9"), stranger.toString());
        // Garbage or nothing: the proxy itself is all we know.
        QCOMPARE(client(proxy, ""), proxy.toString());
        QCOMPARE(client(proxy, "203.0.113.9, not-an-address"), proxy.toString());
        QCOMPARE(client(proxy, "10.9.9.9"), proxy.toString());
    }
};

QTEST_GUILESS_MAIN(TestClientAddress)
#include "tst_clientaddress.moc"
