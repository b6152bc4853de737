// SPDX-License-Identifier: GPL-3.0-or-later
#include "qtkeychainbackend.h"

#include <qt6keychain/keychain.h>

namespace Natter::Client {

namespace {
KeychainBackend::Result resultOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return KeychainBackend::Result::Ok;
    case QKeychain::EntryNotFound:
        return KeychainBackend::Result::NotFound;
    case QKeychain::AccessDeniedByUser:
        return KeychainBackend::Result::DeniedByUser;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDenied:
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        break;
    }
    return KeychainBackend::Result::Unavailable;
}
} // namespace

QtKeychainBackend::QtKeychainBackend(const QString &service, QObject *parent)
    : KeychainBackend(parent)
    , m_service(service)
{}

void QtKeychainBackend::read(const QString &key, Done done)
{
    run(new QKeychain::ReadPasswordJob(m_service), key, std::move(done));
}

void QtKeychainBackend::write(const QString &key, const QString &secret, Done done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(secret);
    run(job, key, std::move(done));
}

void QtKeychainBackend::remove(const QString &key, Done done)
{
    run(new QKeychain::DeletePasswordJob(m_service), key, std::move(done));
}

void QtKeychainBackend::run(QKeychain::Job *job, const QString &key, Done done)
{
    // No parent: libsecret's answer holds a raw pointer to the job, so a job must never be destroyed before
    // it finishes; it deletes itself then. Destroying the backend only cuts the connection to `done`.
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *finished) {
        const auto *reader = qobject_cast<QKeychain::ReadPasswordJob *>(finished);
        done(resultOf(finished->error()), reader ? reader->textData() : QString(), finished->errorString());
    });
    job->start();
}

} // namespace Natter::Client
