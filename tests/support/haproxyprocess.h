// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

namespace Natter::Test {

/// HAProxy (Debian's package) as a child process, running the repository's reference configuration,
/// deploy/haproxy.cfg, with only its addresses replaced: it terminates TLS on a free loopback port with a
/// certificate made for the test, and balances over the given natterd instances.
class HaproxyProcess {
public:
    HaproxyProcess();
    ~HaproxyProcess();

    /// The haproxy program, or empty when it is not installed.
    static QString program();
    /// Starts in front of `backends` (host:port each); an empty string on success, else what failed.
    QString start(const QString &referenceConfig, const QList<quint16> &backendPorts);
    void stop();
    /// wss://127.0.0.1:port of the frontend.
    QUrl url() const { return m_url; }
    /// The PEM certificate clients must trust.
    QString certificatePath() const { return m_dir.filePath(QStringLiteral("cert.pem")); }
    QString output() const { return m_output; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QUrl m_url;
    QString m_output;
};

} // namespace Natter::Test
