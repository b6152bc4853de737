// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tokenstore.h"

namespace Natter::Client {

class ClientSettings;

/// Keeps tokens in the profile's settings file, which only its owner can read: where no keychain service
/// exists, or where Natter was built without QtKeychain. Writes reach the file at once.
class FileTokenStore : public TokenStore {
    Q_OBJECT
public:
    explicit FileTokenStore(ClientSettings &settings, QObject *parent = nullptr);

    void read(const QUrl &server, QObject *context, ReadCallback callback) override;
    void write(const QUrl &server, const QString &token) override;
    void forget(const QUrl &server) override;
    bool usesKeychain() const override { return false; }
    bool busy() const override { return false; }

private:
    ClientSettings &m_settings;
};

} // namespace Natter::Client
