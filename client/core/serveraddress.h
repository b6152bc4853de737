// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSslCertificate>
#include <QString>
#include <QUrl>

namespace Natter::Client::ServerAddress {

/// What a person types as the server, as a URL: `chat.example.org` means wss://chat.example.org:7447;
/// plain ws:// only when typed, or for a loopback host (localhost, 127.x, ::1), where nothing crosses a
/// network. The port defaults to 7447. Invalid (isValid() false) when it is not a ws/wss address.
QUrl fromUserInput(const QString &text);

/// True for localhost and loopback addresses.
bool isLoopback(const QString &host);

/// The key a certificate is pinned under: host and port, whatever the path.
QString pinKey(const QUrl &server);

/// SHA-256 of the certificate, upper-case hex in colon-separated pairs, as natterd prints it.
QString fingerprint(const QSslCertificate &certificate);
/// A fingerprint as people compare it by eye: its 32 bytes in two lines of 16.
QString fingerprintInTwoLines(const QString &fingerprint);

} // namespace Natter::Client::ServerAddress
