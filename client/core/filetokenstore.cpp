// SPDX-License-Identifier: GPL-3.0-or-later
#include "filetokenstore.h"

#include "clientsettings.h"

#include <QPointer>
#include <QTimer>

namespace Natter::Client {

FileTokenStore::FileTokenStore(ClientSettings &settings, QObject *parent)
    : TokenStore(parent)
    , m_settings(settings)
{}

void FileTokenStore::read(const QUrl &server, QObject *context, ReadCallback callback)
{
    // Later, like the keychain's answer, so that callers have one path to test. The file is read then, so
    // the answer includes writes made in between.
    QTimer::singleShot(0, context, [self = QPointer(this), server, callback = std::move(callback)] {
        if (self)
            callback(self->m_settings.token(server));
    });
}

void FileTokenStore::write(const QUrl &server, const QString &token)
{
    m_settings.setToken(server, token);
}

void FileTokenStore::forget(const QUrl &server)
{
    m_settings.forgetToken(server);
}

} // namespace Natter::Client
