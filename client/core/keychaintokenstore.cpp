// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychaintokenstore.h"

#include "clientlogging.h"
#include "clientsettings.h"
#include "serveraddress.h"

#include <QMetaEnum>
#include <QTimer>

namespace Natter::Client {

namespace {
const char *resultName(KeychainBackend::Result result)
{
    return QMetaEnum::fromType<KeychainBackend::Result>().valueToKey(int(result));
}
} // namespace

KeychainTokenStore::KeychainTokenStore(ClientSettings &settings, std::unique_ptr<KeychainBackend> backend,
                                       QObject *parent)
    : TokenStore(parent)
    , m_settings(settings)
    , m_backend(std::move(backend))
{}

// The backend goes first, taking its pending answers with it, before the queue they would act on.
KeychainTokenStore::~KeychainTokenStore()
{
    m_backend.reset();
}

QString KeychainTokenStore::service()
{
    return QStringLiteral("Natter");
}

QString KeychainTokenStore::key(const QString &profile, const QUrl &server)
{
    return profile + QLatin1Char('/') + ServerAddress::pinKey(server);
}

QString KeychainTokenStore::keyFor(const QUrl &server) const
{
    return key(m_settings.profile(), server);
}

void KeychainTokenStore::read(const QUrl &server, QObject *context, ReadCallback callback)
{
    enqueue({Operation::Kind::Read, server, {}, context, std::move(callback)});
}

void KeychainTokenStore::write(const QUrl &server, const QString &token)
{
    enqueue({Operation::Kind::Write, server, token, nullptr, {}});
}

void KeychainTokenStore::forget(const QUrl &server)
{
    enqueue({Operation::Kind::Forget, server, {}, nullptr, {}});
}

void KeychainTokenStore::enqueue(Operation operation)
{
    m_queue.push_back(std::move(operation));
    // Started from the event loop, so that a read never answers from within read().
    if (!m_running && !m_scheduled) {
        m_scheduled = true;
        QTimer::singleShot(0, this, &KeychainTokenStore::runNext);
    }
}

void KeychainTokenStore::runNext()
{
    m_scheduled = false;
    if (m_running || m_queue.empty())
        return;
    m_running = true;
    const Operation operation = std::move(m_queue.front());
    m_queue.pop_front();
    switch (operation.kind) {
    case Operation::Kind::Read:
        runRead(operation);
        break;
    case Operation::Kind::Write:
        runWrite(operation);
        break;
    case Operation::Kind::Forget:
        runForget(operation);
        break;
    }
}

void KeychainTokenStore::finished()
{
    m_running = false;
    if (m_queue.empty())
        emit idle();
    else
        runNext();
}

void KeychainTokenStore::runRead(const Operation &operation)
{
    const QString key = keyFor(operation.server);
    auto deliver = [context = operation.context, callback = operation.callback](const QString &token) {
        if (context)
            callback(token);
    };
    // A token in the file is the newest one: it is written there only when the keychain failed to take it,
    // and removed whenever the keychain does. Or an earlier version of Natter put it there.
    const QString fileToken = m_settings.token(operation.server);
    if (!fileToken.isEmpty()) {
        deliver(fileToken);
        m_backend->write(key, fileToken,
                         [this, server = operation.server, key](KeychainBackend::Result result,
                                                                const QString &, const QString &detail) {
                             if (result == KeychainBackend::Result::Ok) {
                                 dropFileCopy(server);
                                 qCInfo(lcKeychain,
                                        "moved the token %s from the settings file into the keychain",
                                        qUtf8Printable(key));
                             } else {
                                 qCWarning(lcKeychain,
                                           "could not move the token %s into the keychain (%s: %s); it stays "
                                           "in the settings file",
                                           qUtf8Printable(key), resultName(result), qUtf8Printable(detail));
                             }
                             finished();
                         });
        return;
    }
    m_backend->read(key, [this, key, deliver](KeychainBackend::Result result, const QString &secret,
                                              const QString &detail) {
        if (result != KeychainBackend::Result::Ok && result != KeychainBackend::Result::NotFound)
            qCWarning(lcKeychain, "could not read the token %s from the keychain (%s: %s)",
                      qUtf8Printable(key), resultName(result), qUtf8Printable(detail));
        deliver(result == KeychainBackend::Result::Ok ? secret : QString());
        finished();
    });
}

void KeychainTokenStore::runWrite(const Operation &operation)
{
    const QString key = keyFor(operation.server);
    m_backend->write(key, operation.token,
                     [this, server = operation.server, token = operation.token,
                      key](KeychainBackend::Result result, const QString &, const QString &detail) {
                         switch (result) {
                         case KeychainBackend::Result::Ok:
                             dropFileCopy(server); // a fallback copy from before is stale now
                             break;
                         case KeychainBackend::Result::DeniedByUser:
                             // The user said no to the keychain; writing the token elsewhere would overrule
                             // them.
                             qCWarning(lcKeychain, "the keychain refused the token %s (%s); it is not kept",
                                       qUtf8Printable(key), qUtf8Printable(detail));
                             dropFileCopy(server);
                             break;
                         case KeychainBackend::Result::NotFound:
                         case KeychainBackend::Result::Unavailable:
                             qCWarning(lcKeychain,
                                       "the keychain failed to take the token %s (%s: %s); keeping it in the "
                                       "settings file",
                                       qUtf8Printable(key), resultName(result), qUtf8Printable(detail));
                             m_settings.setToken(server, token);
                             break;
                         }
                         finished();
                     });
}

void KeychainTokenStore::runForget(const Operation &operation)
{
    const QString key = keyFor(operation.server);
    m_backend->remove(key, [this, server = operation.server, key](KeychainBackend::Result result,
                                                                  const QString &, const QString &detail) {
        if (result != KeychainBackend::Result::Ok && result != KeychainBackend::Result::NotFound)
            qCWarning(lcKeychain, "could not remove the token %s from the keychain (%s: %s)",
                      qUtf8Printable(key), resultName(result), qUtf8Printable(detail));
        dropFileCopy(server);
        finished();
    });
}

void KeychainTokenStore::dropFileCopy(const QUrl &server)
{
    if (!m_settings.token(server).isEmpty())
        m_settings.forgetToken(server);
}

} // namespace Natter::Client
