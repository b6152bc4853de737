// SPDX-License-Identifier: GPL-3.0-or-later
#include "natterdprocess.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace Natter::Test {

NatterdProcess::NatterdProcess()
{
    setConnectionSettings({});
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput,
                     [this] { m_output += QString::fromUtf8(m_process.readAllStandardOutput()); });
    QObject::connect(&m_process, &QProcess::readyReadStandardError,
                     [this] { m_output += QString::fromUtf8(m_process.readAllStandardError()); });
}

void NatterdProcess::setConnectionSettings(const QByteArray &lines)
{
    m_connectionSettings = lines;
    QFile config(m_dir.filePath(QStringLiteral("natterd.conf")));
    if (config.open(QIODevice::WriteOnly))
        config.write("[server]\n" + m_serverSettings + "[security]\nscrypt_ln=10\n[limits]\nenabled=false\n" +
                     "[connections]\nmax_requests_in_flight=100000\n" + m_connectionSettings);
}

void NatterdProcess::setServerSettings(const QByteArray &lines)
{
    m_serverSettings = lines;
    setConnectionSettings(m_connectionSettings);
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
#ifdef Q_OS_UNIX
    const int limit = m_openFileLimit;
    m_process.setChildProcessModifier([limit] {
        if (limit > 0) {
            const rlimit files{rlim_t(limit), rlim_t(limit)};
            setrlimit(RLIMIT_NOFILE, &files);
        }
    });
#endif
    m_process.start(QStringLiteral(NATTERD_PATH),
                    QStringList{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--database"),
                                database(), QStringLiteral("--config"),
                                m_dir.filePath(QStringLiteral("natterd.conf"))} +
                        m_extraArguments);
    static const QRegularExpression listening(QStringLiteral("natterd listening on (wss?://\\S+)"));
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
