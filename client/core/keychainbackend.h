// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace Natter::Client {

/// The secrets of one service in an OS keychain, by key. Each call answers later through `done`, in the
/// event loop; none blocks. `done` is not called once the backend is destroyed. The real one is
/// QtKeychainBackend; tests use their own.
class KeychainBackend : public QObject {
    Q_OBJECT
public:
    enum class Result {
        Ok,
        NotFound,
        /// No keychain, or it failed: the caller falls back to the settings file.
        Unavailable,
        /// The user refused (e.g. closed the prompt that unlocks the keychain).
        DeniedByUser,
    };
    Q_ENUM(Result)
    /// `detail`: the keychain's own words on a failure, for the log.
    using Done = std::function<void(Result result, const QString &secret, const QString &detail)>;

    using QObject::QObject;
    ~KeychainBackend() override;

    virtual void read(const QString &key, Done done) = 0;
    virtual void write(const QString &key, const QString &secret, Done done) = 0;
    virtual void remove(const QString &key, Done done) = 0;
};

} // namespace Natter::Client
