// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlscertificates.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSaveFile>
#include <QSslKey>
#include <functional>
#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace Natter::Server::TlsCertificates {

namespace {

template <typename T, void (*Free)(T *)>
struct Deleter {
    void operator()(T *p) const { Free(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Certificate = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using BigNum = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using Extension = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

constexpr int kValidDays = 3650;

bool addExtension(X509 *certificate, int nid, const QByteArray &value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    const Extension extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData()));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

QByteArray pem(const std::function<int(BIO *)> &write)
{
    const Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(size));
}

bool save(const QString &path, const QByteArray &content, bool secret, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (secret)
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (file.write(content) != content.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QByteArray readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    const QByteArray content = file.readAll();
    if (content.isEmpty())
        *error = QStringLiteral("%1 is empty").arg(path);
    return content;
}

} // namespace

bool generateSelfSigned(const QString &certificatePath, const QString &privateKeyPath,
                        const QStringList &hostNames, const QList<QHostAddress> &addresses, QString *error)
{
    const Key key(EVP_EC_gen("P-256"));
    const Certificate certificate(X509_new());
    const BigNum serial(BN_new());
    if (!key || !certificate || !serial) {
        *error = QStringLiteral("OpenSSL could not make a key");
        return false;
    }
    X509_set_version(certificate.get(), 2); // v3
    // A random 127-bit serial: positive, and unique in practice.
    if (BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1 ||
        !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get()))) {
        *error = QStringLiteral("OpenSSL could not make a serial number");
        return false;
    }
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600); // an hour of clock skew
    X509_time_adj_ex(X509_getm_notAfter(certificate.get()), kValidDays, 0, nullptr);
    X509_set_pubkey(certificate.get(), key.get());
    X509_NAME *name = X509_get_subject_name(certificate.get());
    const QByteArray commonName =
        hostNames.isEmpty() ? QByteArrayLiteral("natterd") : hostNames.first().toUtf8();
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("natterd"),
                               -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(commonName.constData()), -1, -1, 0);
    X509_set_issuer_name(certificate.get(), name);

    QStringList alternativeNames;
    for (const QString &host : hostNames)
        alternativeNames.append(QStringLiteral("DNS:") + host);
    for (const QHostAddress &address : addresses)
        alternativeNames.append(QStringLiteral("IP:") + address.toString());
    const bool extended =
        addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE") &&
        addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature") &&
        addExtension(certificate.get(), NID_ext_key_usage, "serverAuth") &&
        addExtension(certificate.get(), NID_subject_key_identifier, "hash") &&
        (alternativeNames.isEmpty() || addExtension(certificate.get(), NID_subject_alt_name,
                                                    alternativeNames.join(QLatin1Char(',')).toUtf8()));
    if (!extended || X509_sign(certificate.get(), key.get(), EVP_sha256()) <= 0) {
        *error = QStringLiteral("OpenSSL could not sign the certificate");
        return false;
    }
    const QByteArray keyPem = pem([&](BIO *bio) {
        return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    });
    const QByteArray certificatePem =
        pem([&](BIO *bio) { return PEM_write_bio_X509(bio, certificate.get()); });
    if (keyPem.isEmpty() || certificatePem.isEmpty()) {
        *error = QStringLiteral("OpenSSL could not write PEM");
        return false;
    }
    // The key first: a certificate without its key would be loaded and fail.
    return save(privateKeyPath, keyPem, true, error) && save(certificatePath, certificatePem, false, error);
}

std::optional<QSslConfiguration> load(const QString &certificatePath, const QString &privateKeyPath,
                                      QString *error)
{
    const QByteArray certificatePem = readFile(certificatePath, error);
    if (certificatePem.isEmpty())
        return std::nullopt;
    const QByteArray keyPem = readFile(privateKeyPath, error);
    if (keyPem.isEmpty())
        return std::nullopt;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        *error = QStringLiteral("%1 holds no PEM certificate").arg(certificatePath);
        return std::nullopt;
    }
    QSslKey key(keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull()) {
        *error = QStringLiteral("%1 holds no unencrypted PEM private key (EC or RSA)").arg(privateKeyPath);
        return std::nullopt;
    }
    // Qt does not check that the key belongs to the certificate; a mismatch would fail every handshake.
    const Bio certificateBio(BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size())));
    const Bio keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    const Certificate x509(PEM_read_bio_X509(certificateBio.get(), nullptr, nullptr, nullptr));
    const Key pkey(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    if (!x509 || !pkey || X509_check_private_key(x509.get(), pkey.get()) != 1) {
        *error = QStringLiteral("the private key %1 does not belong to the certificate %2")
                     .arg(privateKeyPath, certificatePath);
        return std::nullopt;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients sign in with passwords and tokens
    return configuration;
}

QString fingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

} // namespace Natter::Server::TlsCertificates
