// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlsplan.h"

#include "logging.h"
#include "privatedirectory.h"
#include "serverconfig.h"
#include "tlscertificates.h"

#include <QDir>
#include <QFileInfo>
#include <QSysInfo>

namespace Natter::Server {

TlsPlan TlsPlan::forConfig(const ServerConfig &config)
{
    TlsPlan plan;
    switch (config.tlsMode) {
    case ServerConfig::TlsMode::Off:
        return plan;
    case ServerConfig::TlsMode::On:
        plan.enabled = true;
        plan.certificate = config.tlsCertificate;
        plan.privateKey = config.tlsPrivateKey;
        return plan;
    case ServerConfig::TlsMode::Auto:
        break;
    }
    if (!config.tlsCertificate.isEmpty() && !config.tlsPrivateKey.isEmpty()) {
        plan.enabled = true;
        plan.certificate = config.tlsCertificate;
        plan.privateKey = config.tlsPrivateKey;
        return plan;
    }
    if (config.listenAddress.isLoopback())
        return plan; // nothing leaves the machine
    // Like Mumble's murmur: encrypted from the first start, with no set-up.
    const QString directory = config.dataDirectory();
    plan.enabled = true;
    plan.selfSigned = true;
    plan.certificate = QDir(directory).filePath(QStringLiteral("natterd-certificate.pem"));
    plan.privateKey = QDir(directory).filePath(QStringLiteral("natterd-key.pem"));
    return plan;
}

bool TlsPlan::prepare(const ServerConfig &config, QString *error) const
{
    if (!enabled || !selfSigned || (QFileInfo::exists(certificate) && QFileInfo::exists(privateKey)))
        return true;
    if (!makePrivateDirectory(QFileInfo(certificate).absolutePath())) {
        *error = QStringLiteral("cannot create the directory of %1").arg(certificate);
        return false;
    }
    const QString host = QSysInfo::machineHostName();
    QStringList names{host.isEmpty() ? QStringLiteral("natterd") : host, QStringLiteral("localhost")};
    QList<QHostAddress> addresses;
    if (!config.listenAddress.isNull() && config.listenAddress != QHostAddress::Any &&
        config.listenAddress != QHostAddress::AnyIPv4 && config.listenAddress != QHostAddress::AnyIPv6)
        addresses.append(config.listenAddress);
    if (!TlsCertificates::generateSelfSigned(certificate, privateKey, names, addresses, error))
        return false;
    qCInfo(lcServer).noquote() << "made a self-signed certificate" << certificate;
    return true;
}

} // namespace Natter::Server
