// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordhasher.h"

#include "logging.h"
#include "securerandom.h"

#include <QRegularExpression>
#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace Natter::Server {

namespace {
constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;
constexpr auto kBase64 = QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals;

QString encode(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64(kBase64));
}

bool sane(const PasswordHasher::Parameters &p)
{
    // Bounds keep a crafted or corrupt hash from asking for terabytes of memory.
    return p.logN >= 1 && p.logN <= 24 && p.r >= 1 && p.r <= 32 && p.p >= 1 && p.p <= 16;
}
} // namespace

PasswordHasher::PasswordHasher(Parameters parameters)
    : m_parameters(parameters)
{}

QByteArray PasswordHasher::derive(const QString &password, const QByteArray &salt,
                                  const Parameters &parameters, int length)
{
    const QByteArray secret = password.toUtf8();
    const uint64_t n = uint64_t(1) << parameters.logN;
    // scrypt needs 128 * N * r * p bytes (plus a little); allow exactly that with headroom.
    const uint64_t maxMemory = 128 * n * uint64_t(parameters.r) * uint64_t(parameters.p) +
                               (uint64_t(1) << 20) +
                               128 * uint64_t(parameters.r) * uint64_t(parameters.p) * 2;
    QByteArray key(length, Qt::Uninitialized);
    const int ok = EVP_PBE_scrypt(secret.constData(), size_t(secret.size()),
                                  reinterpret_cast<const unsigned char *>(salt.constData()),
                                  size_t(salt.size()), n, uint64_t(parameters.r), uint64_t(parameters.p),
                                  maxMemory, reinterpret_cast<unsigned char *>(key.data()), size_t(length));
    if (ok != 1) {
        qCWarning(lcAuth) << "EVP_PBE_scrypt failed with ln" << parameters.logN << "r" << parameters.r << "p"
                          << parameters.p;
        return {};
    }
    return key;
}

QString PasswordHasher::hash(const QString &password) const
{
    const QByteArray salt = SecureRandom::bytes(kSaltBytes);
    const QByteArray key = derive(password, salt, m_parameters, kHashBytes);
    if (key.isEmpty())
        return {};
    return QStringLiteral("$scrypt$ln=%1,r=%2,p=%3$%4$%5")
        .arg(m_parameters.logN)
        .arg(m_parameters.r)
        .arg(m_parameters.p)
        .arg(encode(salt), encode(key));
}

std::optional<PasswordHasher::Parsed> PasswordHasher::parse(const QString &phc)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^\\$scrypt\\$ln=(\\d{1,2}),r=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$"));
    const auto match = pattern.match(phc);
    if (!match.hasMatch())
        return std::nullopt;
    Parsed parsed;
    parsed.parameters = {match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt()};
    const auto salt = QByteArray::fromBase64Encoding(match.captured(4).toLatin1(), kBase64);
    const auto hash = QByteArray::fromBase64Encoding(match.captured(5).toLatin1(), kBase64);
    if (!sane(parsed.parameters) || !salt || !hash || salt.decoded.isEmpty() || hash.decoded.size() < 16)
        return std::nullopt;
    parsed.salt = salt.decoded;
    parsed.hash = hash.decoded;
    return parsed;
}

bool PasswordHasher::verify(const QString &password, const QString &phc) const
{
    const auto parsed = parse(phc);
    if (!parsed)
        return false;
    const QByteArray key = derive(password, parsed->salt, parsed->parameters, int(parsed->hash.size()));
    return key.size() == parsed->hash.size() &&
           CRYPTO_memcmp(key.constData(), parsed->hash.constData(), size_t(key.size())) == 0;
}

bool PasswordHasher::needsRehash(const QString &phc) const
{
    const auto parsed = parse(phc);
    return !parsed || !(parsed->parameters == m_parameters);
}

} // namespace Natter::Server
