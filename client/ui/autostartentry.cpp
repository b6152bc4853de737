// SPDX-License-Identifier: GPL-3.0-or-later
#include "autostartentry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace Natter::Client {

namespace {
const QString kExecKey = QStringLiteral("Exec=");

/// One argument of an Exec line (Desktop Entry Specification, "The Exec key"): quoted when it holds
/// anything but plain characters, with ", `, $ and \ escaped inside the quotes and % doubled.
QString execArgument(const QString &argument)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./+=:,@-]+$"));
    if (plain.match(argument).hasMatch())
        return argument;
    QString quoted;
    for (const QChar c : argument) {
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$') || c == QLatin1Char('\\'))
            quoted += QLatin1Char('\\');
        quoted += c;
    }
    // The value of a key is itself a string in which a backslash is written twice.
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    quoted.replace(QLatin1Char('%'), QStringLiteral("%%"));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}
} // namespace

AutostartEntry::AutostartEntry(const QString &profile, const QString &directory)
    : m_profile(profile)
    , m_directory(directory.isEmpty()
                      ? QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                            QStringLiteral("/autostart")
                      : directory)
{}

bool AutostartEntry::isSupported()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    return true;
#else
    return false;
#endif
}

QString AutostartEntry::filePath() const
{
    QString name = QGuiApplication::desktopFileName();
    if (name.isEmpty())
        name = QCoreApplication::applicationName();
    return m_directory + QLatin1Char('/') + name + QStringLiteral(".desktop");
}

QString AutostartEntry::command() const
{
    return execArgument(QCoreApplication::applicationFilePath()) + QStringLiteral(" --profile ") +
           execArgument(m_profile);
}

bool AutostartEntry::isEnabled() const
{
    QFile file(filePath());
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    // This profile's entry, even if the program has moved since it was written.
    const QString suffix = QStringLiteral(" --profile ") + execArgument(m_profile);
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.startsWith(kExecKey))
            return line.endsWith(suffix);
    }
    return false;
}

bool AutostartEntry::setEnabled(bool enabled)
{
    if (!enabled)
        return !isEnabled() || QFile::remove(filePath());
    if (!QDir().mkpath(m_directory))
        return false;
    QString name = QGuiApplication::applicationDisplayName();
    name.remove(QLatin1Char('\n'));
    const QString entry = QStringLiteral("[Desktop Entry]\n"
                                         "Type=Application\n"
                                         "Name=%1\n"
                                         "%2%3\n"
                                         "Icon=natter\n"
                                         "Terminal=false\n"
                                         "X-GNOME-Autostart-enabled=true\n")
                              .arg(name, kExecKey, command());
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    file.write(entry.toUtf8());
    return file.commit();
}

} // namespace Natter::Client
