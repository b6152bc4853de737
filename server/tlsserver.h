// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSslConfiguration>
#include <QTcpServer>

namespace Natter::Server {

/// A QTcpServer whose pending connections are QSslSockets set up with the current configuration but not
/// yet encrypting: natterd admits each socket (ConnectionGate) before it spends a TLS handshake on it.
/// QSslServer (Qt 6.4) starts the handshake itself and has no deadline for it.
class TlsServer : public QTcpServer {
    Q_OBJECT
public:
    explicit TlsServer(QSslConfiguration configuration, QObject *parent = nullptr);

    /// For connections accepted from now on (a renewed certificate); open ones keep theirs.
    void setConfiguration(const QSslConfiguration &configuration) { m_configuration = configuration; }
    const QSslConfiguration &configuration() const { return m_configuration; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QSslConfiguration m_configuration;
};

} // namespace Natter::Server
