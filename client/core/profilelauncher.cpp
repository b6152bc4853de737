// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilelauncher.h"

#include <QCoreApplication>
#include <QProcess>

namespace Natter::Client {

ProfileLauncher::ProfileLauncher()
    : m_start([](const QString &program, const QStringList &arguments) {
        return QProcess::startDetached(program, arguments);
    })
{}

bool ProfileLauncher::launch(const QString &profile) const
{
    const QStringList arguments = QStringList{QStringLiteral("--profile"), profile} + m_passThrough;
    return m_start(QCoreApplication::applicationFilePath(), arguments);
}

} // namespace Natter::Client
