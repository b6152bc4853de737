// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientsettings.h"

#include "serveraddress.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <algorithm>

namespace Natter::Client {

namespace {
const QString kDefaultServer = QStringLiteral("ws://localhost:7447");
}

ClientSettings::ClientSettings(const QString &profile, const QString &directory)
    : m_profile(profile)
{
    const QString dir =
        directory.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) : directory;
    QDir().mkpath(dir);
    const QString path = dir + QLatin1Char('/') + profile + QStringLiteral(".ini");
    // Private from its first byte: QSettings rewrites the file through QSaveFile, which keeps the mode of the
    // file it replaces, so a token never sits in a file that others can read.
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.close();
    }
    m_settings = std::make_unique<QSettings>(path, QSettings::IniFormat);
}

ClientSettings::~ClientSettings()
{
    sync();
}

QString ClientSettings::filePath() const
{
    return m_settings->fileName();
}

QString ClientSettings::serverKey(const QUrl &server)
{
    // A stable key per server that survives any characters the URL holds.
    return QString::fromLatin1(QCryptographicHash::hash(server.toString(QUrl::NormalizePathSegments).toUtf8(),
                                                        QCryptographicHash::Sha1)
                                   .toHex());
}

QUrl ClientSettings::serverUrl() const
{
    return QUrl(m_settings->value(QStringLiteral("server/url"), kDefaultServer).toString());
}

void ClientSettings::setServerUrl(const QUrl &url)
{
    m_settings->setValue(QStringLiteral("server/url"), url.toString());
}

QString ClientSettings::lastUsername() const
{
    return m_settings->value(QStringLiteral("server/username")).toString();
}

void ClientSettings::setLastUsername(const QString &username)
{
    m_settings->setValue(QStringLiteral("server/username"), username);
}

QString ClientSettings::token(const QUrl &server) const
{
    return m_settings->value(QStringLiteral("tokens/") + serverKey(server)).toString();
}

void ClientSettings::setToken(const QUrl &server, const QString &token)
{
    m_settings->setValue(QStringLiteral("tokens/") + serverKey(server), token);
    sync();
}

void ClientSettings::forgetToken(const QUrl &server)
{
    m_settings->remove(QStringLiteral("tokens/") + serverKey(server));
    sync();
}

namespace {
// QSettings keys cannot hold ':' or '/' portably; the group's keys are percent-encoded host:port.
QString pinSettingsKey(const QString &pinKey)
{
    return QStringLiteral("pins/") + QString::fromLatin1(QUrl::toPercentEncoding(pinKey));
}
} // namespace

QList<qint64> ClientSettings::mutedRooms(const QUrl &server) const
{
    QList<qint64> rooms;
    const QStringList ids = m_settings->value(QStringLiteral("muted/") + serverKey(server))
                                .toString()
                                .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &id : ids) {
        if (const qint64 room = id.toLongLong(); room > 0)
            rooms.append(room);
    }
    return rooms;
}

void ClientSettings::setMutedRooms(const QUrl &server, const QList<qint64> &rooms)
{
    QStringList ids;
    for (const qint64 room : rooms)
        ids.append(QString::number(room));
    const QString key = QStringLiteral("muted/") + serverKey(server);
    if (ids.isEmpty())
        m_settings->remove(key);
    else
        m_settings->setValue(key, ids.join(QLatin1Char(' ')));
}

QHash<qint64, QString> ClientSettings::drafts(const QUrl &server) const
{
    QHash<qint64, QString> drafts;
    m_settings->beginGroup(QStringLiteral("drafts/") + serverKey(server));
    for (const QString &key : m_settings->childKeys()) {
        const QString text = m_settings->value(key).toString();
        if (const qint64 room = key.toLongLong(); room > 0 && !text.isEmpty())
            drafts.insert(room, text);
    }
    m_settings->endGroup();
    return drafts;
}

void ClientSettings::setDrafts(const QUrl &server, const QHash<qint64, QString> &drafts)
{
    m_settings->beginGroup(QStringLiteral("drafts/") + serverKey(server));
    m_settings->remove(QString()); // the whole group: drafts sent or emptied meanwhile are gone
    for (auto it = drafts.cbegin(); it != drafts.cend(); ++it) {
        if (!it.value().isEmpty())
            m_settings->setValue(QString::number(it.key()), it.value());
    }
    m_settings->endGroup();
}

QString ClientSettings::pinnedCertificate(const QUrl &server) const
{
    return m_settings->value(pinSettingsKey(ServerAddress::pinKey(server))).toString();
}

void ClientSettings::pinCertificate(const QUrl &server, const QString &fingerprint)
{
    m_settings->setValue(pinSettingsKey(ServerAddress::pinKey(server)), fingerprint);
    sync();
}

void ClientSettings::forgetPinnedCertificate(const QString &pinKey)
{
    m_settings->remove(pinSettingsKey(pinKey));
    sync();
}

QMap<QString, QString> ClientSettings::pinnedCertificates() const
{
    QMap<QString, QString> pins;
    m_settings->beginGroup(QStringLiteral("pins"));
    const QStringList keys = m_settings->childKeys();
    for (const QString &key : keys)
        pins.insert(QUrl::fromPercentEncoding(key.toLatin1()), m_settings->value(key).toString());
    m_settings->endGroup();
    return pins;
}

bool ClientSettings::notificationsEnabled() const
{
    return m_settings->value(QStringLiteral("notifications/enabled"), true).toBool();
}

void ClientSettings::setNotificationsEnabled(bool enabled)
{
    m_settings->setValue(QStringLiteral("notifications/enabled"), enabled);
}

QString ClientSettings::language() const
{
    return m_settings->value(QStringLiteral("appearance/language")).toString();
}

void ClientSettings::setLanguage(const QString &code)
{
    m_settings->setValue(QStringLiteral("appearance/language"), code);
}

ClientSettings::Theme ClientSettings::theme() const
{
    const QString name = m_settings->value(QStringLiteral("appearance/theme")).toString();
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

void ClientSettings::setTheme(Theme theme)
{
    // Words, not enum values, in the file: it stays readable and survives a reordered enum.
    const QString name = theme == Theme::Light  ? QStringLiteral("light")
                         : theme == Theme::Dark ? QStringLiteral("dark")
                                                : QStringLiteral("system");
    m_settings->setValue(QStringLiteral("appearance/theme"), name);
}

int ClientSettings::fontPointSize() const
{
    return std::max(0, m_settings->value(QStringLiteral("appearance/font_size"), 0).toInt());
}

void ClientSettings::setFontPointSize(int points)
{
    m_settings->setValue(QStringLiteral("appearance/font_size"), std::max(0, points));
}

bool ClientSettings::trayNoticeShown() const
{
    return m_settings->value(QStringLiteral("window/tray_notice_shown"), false).toBool();
}

void ClientSettings::setTrayNoticeShown(bool shown)
{
    m_settings->setValue(QStringLiteral("window/tray_notice_shown"), shown);
}

QByteArray ClientSettings::windowGeometry() const
{
    return m_settings->value(QStringLiteral("window/geometry")).toByteArray();
}

void ClientSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(QStringLiteral("window/geometry"), geometry);
}

QByteArray ClientSettings::splitterState() const
{
    return m_settings->value(QStringLiteral("window/splitter")).toByteArray();
}

void ClientSettings::setSplitterState(const QByteArray &state)
{
    m_settings->setValue(QStringLiteral("window/splitter"), state);
}

qint64 ClientSettings::lastRoom() const
{
    return m_settings->value(QStringLiteral("window/last_room"), 0).toLongLong();
}

void ClientSettings::setLastRoom(qint64 roomId)
{
    m_settings->setValue(QStringLiteral("window/last_room"), roomId);
}

void ClientSettings::sync()
{
    m_settings->sync();
    QFile::setPermissions(m_settings->fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

} // namespace Natter::Client
