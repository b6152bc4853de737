// SPDX-License-Identifier: GPL-3.0-or-later
#include "haproxyprocess.h"

#include "tlscertificates.h"

#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>

namespace Natter::Test {

namespace {
// A port nobody listens on now. HAProxy is told it, then binds it: a small race, on loopback only.
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}
} // namespace

HaproxyProcess::HaproxyProcess()
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    QObject::connect(&m_process, &QProcess::readyRead,
                     [this] { m_output += QString::fromUtf8(m_process.readAll()); });
}

HaproxyProcess::~HaproxyProcess()
{
    stop();
}

QString HaproxyProcess::program()
{
    const QString found = QStandardPaths::findExecutable(QStringLiteral("haproxy"));
    return found.isEmpty()
               ? QStandardPaths::findExecutable(QStringLiteral("haproxy"), {QStringLiteral("/usr/sbin")})
               : found;
}

QString HaproxyProcess::start(const QString &referenceConfig, const QList<quint16> &backendPorts)
{
    QFile reference(referenceConfig);
    if (!reference.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read %1").arg(referenceConfig);
    QString config = QString::fromUtf8(reference.readAll());

    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    QString error;
    if (!Server::TlsCertificates::generateSelfSigned(certificatePath(), key, {QStringLiteral("localhost")},
                                                     {QHostAddress::LocalHost}, &error))
        return error;
    // HAProxy takes the certificate and its key in one file.
    const QString bundle = m_dir.filePath(QStringLiteral("natter.pem"));
    QFile out(bundle);
    QFile certificate(certificatePath());
    QFile privateKey(key);
    if (!out.open(QIODevice::WriteOnly) || !certificate.open(QIODevice::ReadOnly) ||
        !privateKey.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot write %1").arg(bundle);
    out.write(certificate.readAll() + privateKey.readAll());
    out.close();

    const quint16 port = freePort();
    static const QRegularExpression bind(QStringLiteral("^(\\s*bind )\\S+"),
                                         QRegularExpression::MultilineOption);
    static const QRegularExpression server(QStringLiteral("^\\s*server .*\\n"),
                                           QRegularExpression::MultilineOption);
    static const QRegularExpression log(QStringLiteral("^\\s*log /dev/log.*$"),
                                        QRegularExpression::MultilineOption);
    if (!config.contains(bind) || !config.contains(server))
        return QStringLiteral("%1 has no bind or server line to replace").arg(referenceConfig);
    config.replace(bind, QStringLiteral("\\1127.0.0.1:%1").arg(port));
    config.replace(QStringLiteral("/etc/haproxy/natter.pem"), bundle);
    config.replace(server, QString());
    config.replace(log, QStringLiteral("    log stderr format short local0 notice"));
    for (int i = 0; i < backendPorts.size(); ++i)
        config +=
            QStringLiteral("    server natterd%1 127.0.0.1:%2 check\n").arg(i + 1).arg(backendPorts.at(i));
    const QString path = m_dir.filePath(QStringLiteral("haproxy.cfg"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0)
        return QStringLiteral("cannot write %1").arg(path);
    file.close();

    // -db: in the foreground, not as a daemon; -W would fork a master.
    m_process.start(program(), {QStringLiteral("-db"), QStringLiteral("-f"), path});
    if (!m_process.waitForStarted(10'000))
        return QStringLiteral("haproxy did not start: %1").arg(m_process.errorString());
    m_url = QUrl(QStringLiteral("wss://127.0.0.1:%1").arg(port));
    return {};
}

void HaproxyProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10'000))
        m_process.kill();
    m_process.waitForFinished(10'000);
}

} // namespace Natter::Test
