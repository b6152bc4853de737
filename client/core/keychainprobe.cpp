// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainprobe.h"

#ifdef NATTER_KEYCHAIN_DBUS
#include <QDBusConnection>
#include <QDBusError>
#include <QDBusMessage>
#include <QStringList>
#endif

namespace Natter::Client::KeychainProbe {

#ifdef NATTER_KEYCHAIN_DBUS
namespace {
// The bus daemon answers these from memory at once; the bound only guards against a bus that hangs.
constexpr int kBusTimeoutMs = 1000;

QStringList busNames(QDBusConnection &bus, const QString &method, QString *error)
{
    const QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.DBus"),
                                                             QStringLiteral("/org/freedesktop/DBus"),
                                                             QStringLiteral("org.freedesktop.DBus"), method);
    const QDBusMessage reply = bus.call(call, QDBus::Block, kBusTimeoutMs);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty()) {
        *error = reply.errorMessage();
        return {};
    }
    return reply.arguments().constFirst().toStringList();
}
} // namespace

Finding check()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return {false, QStringLiteral("no D-Bus session bus (%1)").arg(bus.lastError().message())};
    QString error;
    const QStringList running = busNames(bus, QStringLiteral("ListNames"), &error);
    const QStringList startable = busNames(bus, QStringLiteral("ListActivatableNames"), &error);
    const QStringList services = {QStringLiteral("org.freedesktop.secrets"),
                                  QStringLiteral("org.kde.kwalletd6"), QStringLiteral("org.kde.kwalletd5")};
    for (const QString &service : services) {
        if (running.contains(service))
            return {true, service + QStringLiteral(" is running")};
        if (startable.contains(service))
            return {true, service + QStringLiteral(" can be started")};
    }
    if (!error.isEmpty())
        return {false, QStringLiteral("the session bus did not answer (%1)").arg(error)};
    return {false, QStringLiteral("no Secret Service or KWallet on the session bus")};
}
#else
Finding check()
{
    return {true, QStringLiteral("the system keychain")};
}
#endif

} // namespace Natter::Client::KeychainProbe
