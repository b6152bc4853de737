// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <optional>

namespace Natter::Server::TlsCertificates {

/// Makes a self-signed certificate (ECDSA P-256, SHA-256, valid for ten years) with OpenSSL, for the given
/// host names and addresses, and writes it and its private key as PEM (the key 0600).
bool generateSelfSigned(const QString &certificatePath, const QString &privateKeyPath,
                        const QStringList &hostNames, const QList<QHostAddress> &addresses, QString *error);

/// A server configuration for the PEM chain and key (EC or RSA): TLS 1.2 or later, no client
/// certificates. Fails when a file is unreadable, holds no certificate or key, or the key is not the
/// certificate's.
std::optional<QSslConfiguration> load(const QString &certificatePath, const QString &privateKeyPath,
                                      QString *error);

/// The SHA-256 fingerprint users compare: 32 bytes in upper-case hex, separated by colons.
QString fingerprint(const QSslCertificate &certificate);

} // namespace Natter::Server::TlsCertificates
