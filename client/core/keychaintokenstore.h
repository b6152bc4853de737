// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keychainbackend.h"
#include "tokenstore.h"

#include <QPointer>
#include <deque>
#include <memory>

namespace Natter::Client {

class ClientSettings;

/// Keeps tokens in the OS keychain under the service "Natter" and the key "<profile>/<host>:<port>", so that
/// profiles and servers do not collide. Falls back to the settings file for a token whose keychain operation
/// fails for want of a working keychain, and moves a token found in the file (an earlier version's, or such
/// a fallback) into the keychain when it is read. Operations run one at a time, in the order they were made.
class KeychainTokenStore : public TokenStore {
    Q_OBJECT
public:
    KeychainTokenStore(ClientSettings &settings, std::unique_ptr<KeychainBackend> backend,
                       QObject *parent = nullptr);
    ~KeychainTokenStore() override;

    static QString service();
    static QString key(const QString &profile, const QUrl &server);

    void read(const QUrl &server, QObject *context, ReadCallback callback) override;
    void write(const QUrl &server, const QString &token) override;
    void forget(const QUrl &server) override;
    bool usesKeychain() const override { return true; }
    bool busy() const override { return m_running || !m_queue.empty(); }

private:
    struct Operation {
        enum class Kind { Read, Write, Forget } kind;
        QUrl server;
        QString token;
        QPointer<QObject> context;
        ReadCallback callback;
    };

    void enqueue(Operation operation);
    void runNext();
    void finished();
    void runRead(const Operation &operation);
    void runWrite(const Operation &operation);
    void runForget(const Operation &operation);
    void dropFileCopy(const QUrl &server);
    QString keyFor(const QUrl &server) const;

    ClientSettings &m_settings;
    std::unique_ptr<KeychainBackend> m_backend;
    std::deque<Operation> m_queue;
    bool m_running = false;
    bool m_scheduled = false;
};

} // namespace Natter::Client
