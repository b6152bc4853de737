// SPDX-License-Identifier: GPL-3.0-or-later
#include "securerandom.h"

#include "protocollimits.h"
#include "validation.h"

#include <QCryptographicHash>
#include <openssl/rand.h>

namespace Natter::Server::SecureRandom {

QByteArray bytes(int count)
{
    QByteArray buffer(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(buffer.data()), count) != 1)
        qFatal("RAND_bytes failed: the system has no usable source of randomness");
    return buffer;
}

QString token()
{
    return QString::fromLatin1(
        bytes(Limits::tokenBytes).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString tokenHash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString accessCode()
{
    constexpr int alphabetSize = sizeof(Validation::accessCodeAlphabet) - 1;
    static_assert(256 % alphabetSize == 0, "a byte must map onto the alphabet without bias");
    const QByteArray random = bytes(Limits::accessCodeLength);
    QString code;
    code.reserve(Limits::accessCodeLength);
    for (const char byte : random)
        code.append(
            QLatin1Char(Validation::accessCodeAlphabet[static_cast<unsigned char>(byte) % alphabetSize]));
    return code;
}

} // namespace Natter::Server::SecureRandom
