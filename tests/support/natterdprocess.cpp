// SPDX-License-Identifier: GPL-3.0-or-later
#include "natterdprocess.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace Natter::Test {

NatterdProcess::NatterdProcess()
{
    QFile config(m_dir.filePath(QStringLiteral("natterd.conf")));
    if (config.open(QIODevice::WriteOnly))
        config.write("[security]\nscrypt_ln=10\n[limits]\nenabled=false\n"
                     "[connections]\nmax_requests_in_flight=100000\n");
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput,
                     [this] { m_output += QString::fromUtf8(m_process.readAllStandardOutput()); });
    QObject::connect(&m_process, &QProcess::readyReadStandardError,
                     [this] { m_output += QString::fromUtf8(m_process.readAllStandardError()); });
}

NatterdProcess::~NatterdProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        kill();
}

bool NatterdProcess::start(int timeoutMs)
{
    m_output.clear();
    m_url.clear();
    m_process.start(QStringLiteral(NATTERD_PATH),
                    {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--database"),
                     databasePath(), QStringLiteral("--config"),
                     m_dir.filePath(QStringLiteral("natterd.conf"))});
    static const QRegularExpression listening(QStringLiteral("natterd listening on (ws://\\S+)"));
    const bool ready = QTest::qWaitFor(
        [this] {
            const auto match = listening.match(m_output);
            if (match.hasMatch())
                m_url = QUrl(match.captured(1));
            return m_url.isValid() || m_process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    return ready && m_url.isValid();
}

int NatterdProcess::exitCode() const
{
    if (m_process.state() != QProcess::NotRunning || m_process.exitStatus() != QProcess::NormalExit)
        return -1;
    return m_process.exitCode();
}

void NatterdProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(10000);
}

int NatterdProcess::terminate(int timeoutMs)
{
    m_process.terminate();
    if (!m_process.waitForFinished(timeoutMs))
        return -1;
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

} // namespace Natter::Test
