// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenstorechoice.h"

#include "clientlogging.h"
#include "clientsettings.h"
#include "filetokenstore.h"

#ifdef NATTER_HAVE_QTKEYCHAIN
#include "keychainprobe.h"
#include "keychaintokenstore.h"
#include "qtkeychainbackend.h"
#endif

namespace Natter::Client::TokenStoreChoice {

std::unique_ptr<TokenStore> create(ClientSettings &settings)
{
#ifdef NATTER_HAVE_QTKEYCHAIN
    const KeychainProbe::Finding keychain = KeychainProbe::check();
    if (keychain.available) {
        qCInfo(lcKeychain, "keeping session tokens in the keychain (%s)", qUtf8Printable(keychain.detail));
        return std::make_unique<KeychainTokenStore>(
            settings, std::make_unique<QtKeychainBackend>(KeychainTokenStore::service()));
    }
    qCInfo(lcKeychain, "no keychain (%s): keeping session tokens in %s", qUtf8Printable(keychain.detail),
           qUtf8Printable(settings.filePath()));
#else
    qCInfo(lcKeychain, "built without QtKeychain: keeping session tokens in %s",
           qUtf8Printable(settings.filePath()));
#endif
    return std::make_unique<FileTokenStore>(settings);
}

} // namespace Natter::Client::TokenStoreChoice
