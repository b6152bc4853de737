// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace Natter::Server {

/// scrypt's cost: N = 2^logN, r, p. The default (2^17, 8, 1: 128 MiB) is OWASP's recommendation.
struct ScryptParameters {
    int logN = 17;
    int r = 8;
    int p = 1;
    friend bool operator==(const ScryptParameters &, const ScryptParameters &) = default;
};

/// scrypt through OpenSSL (EVP_PBE_scrypt), stored as a PHC string: $scrypt$ln=17,r=8,p=1$<salt>$<hash>
/// with unpadded standard base64. Slow on purpose: call it on the hashing pool, never on the event loop.
class PasswordHasher {
public:
    using Parameters = ScryptParameters;

    explicit PasswordHasher(Parameters parameters = {});

    Parameters parameters() const { return m_parameters; }
    /// A new PHC string with a fresh 16-byte salt; empty when OpenSSL refuses (e.g. out of memory).
    QString hash(const QString &password) const;
    /// Constant-time comparison against a PHC string; false for a malformed one.
    bool verify(const QString &password, const QString &phc) const;
    /// True when the stored hash was made with other parameters than the current ones.
    bool needsRehash(const QString &phc) const;

    struct Parsed {
        Parameters parameters;
        QByteArray salt;
        QByteArray hash;
    };
    /// Reads a PHC string; nullopt when it is not a well-formed scrypt one.
    static std::optional<Parsed> parse(const QString &phc);

private:
    static QByteArray derive(const QString &password, const QByteArray &salt, const Parameters &parameters,
                             int length);
    Parameters m_parameters;
};

} // namespace Natter::Server
