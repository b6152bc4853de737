// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keychainbackend.h"

namespace QKeychain {
class Job;
}

namespace Natter::Client {

/// The OS keychain through QtKeychain: the Secret Service (GNOME Keyring, KWallet) on Linux, the Credential
/// Manager on Windows, the Keychain on macOS. QtKeychain's own plain-text fallback stays off: falling back
/// is KeychainTokenStore's decision.
class QtKeychainBackend : public KeychainBackend {
    Q_OBJECT
public:
    explicit QtKeychainBackend(const QString &service, QObject *parent = nullptr);

    void read(const QString &key, Done done) override;
    void write(const QString &key, const QString &secret, Done done) override;
    void remove(const QString &key, Done done) override;

private:
    void run(QKeychain::Job *job, const QString &key, Done done);

    QString m_service;
};

} // namespace Natter::Client
