// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Natter::Server::SecureRandom {

/// `count` bytes from OpenSSL's CSPRNG (RAND_bytes). Aborts the process if the CSPRNG fails: handing out
/// predictable tokens would be worse than stopping.
QByteArray bytes(int count);
/// A new session token: 256 random bits, base64url without padding (43 characters).
QString token();
/// The form a token is stored in: hex SHA-256.
QString tokenHash(const QString &token);
/// A room access code: 10 characters of the unambiguous alphabet.
QString accessCode();
/// How many fresh codes to try before giving up on finding an unused one: among 32^10 codes a collision
/// at all is rare, eight in a row means a broken random source.
inline constexpr int accessCodeAttempts = 8;

} // namespace Natter::Server::SecureRandom
