// SPDX-License-Identifier: GPL-3.0-or-later
#include "serveraddress.h"

#include <QCryptographicHash>
#include <QHostAddress>

namespace Natter::Client::ServerAddress {

namespace {
constexpr int kDefaultPort = 7447;
}

bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QUrl fromUserInput(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    QUrl url(trimmed.contains(QLatin1String("://")) ? trimmed : QStringLiteral("placeholder://") + trimmed);
    if (!url.isValid() || url.host().isEmpty())
        return {};
    if (url.scheme() == QLatin1String("placeholder"))
        url.setScheme(isLoopback(url.host()) ? QStringLiteral("ws") : QStringLiteral("wss"));
    if (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss"))
        return {};
    if (url.port() == -1)
        url.setPort(kDefaultPort);
    return url;
}

QString pinKey(const QUrl &server)
{
    return server.host().toLower() + QLatin1Char(':') + QString::number(server.port(kDefaultPort));
}

QString fingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

QString fingerprintInTwoLines(const QString &fingerprint)
{
    return fingerprint.left(47) + QLatin1Char('\n') + fingerprint.mid(48);
}

} // namespace Natter::Client::ServerAddress
