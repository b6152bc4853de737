// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>

namespace Natter::Client {

/// Where "keep me signed in" keeps the session token of a server: the OS keychain, or the profile's settings
/// file where there is none. Every call returns at once; nothing here waits for the keychain. Calls take
/// effect in the order they were made, so a forget issued after a write wins, and a read sees every write
/// and forget issued before it.
class TokenStore : public QObject {
    Q_OBJECT
public:
    using ReadCallback = std::function<void(const QString &token)>;

    explicit TokenStore(QObject *parent = nullptr);
    ~TokenStore() override;

    /// Calls `callback` later, never from within this call, with the token kept for `server` (empty when
    /// none), unless `context` is gone by then.
    virtual void read(const QUrl &server, QObject *context, ReadCallback callback) = 0;
    virtual void write(const QUrl &server, const QString &token) = 0;
    virtual void forget(const QUrl &server) = 0;
    /// Whether writes and forgets go to the OS keychain (false: to the settings file).
    virtual bool usesKeychain() const = 0;
    /// Whether operations are still under way; idle() follows when the last one ends.
    virtual bool busy() const = 0;

    /// For shutdown only, after the window has gone: lets what is under way finish (a token written or
    /// forgotten just before quitting), for at most `timeoutMs`. Returns whether everything finished.
    bool finishPending(int timeoutMs);

signals:
    void idle();
};

} // namespace Natter::Client
