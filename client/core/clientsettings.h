// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QSettings>
#include <QString>
#include <QUrl>
#include <memory>

namespace Natter::Client {

/// One profile's settings (~/.config/Natter/natter/<profile>.ini): the server, the last user, window
/// state, and, for "keep me signed in" where no keychain service exists, the session token per server (see
/// TokenStore). Never the password. The file is made readable by its owner only, since a token signs in.
class ClientSettings {
public:
    /// `directory` empty: the platform's config location for the application.
    explicit ClientSettings(const QString &profile, const QString &directory = {});
    ~ClientSettings();

    QString profile() const { return m_profile; }
    QString filePath() const;

    QUrl serverUrl() const;
    void setServerUrl(const QUrl &url);
    QString lastUsername() const;
    void setLastUsername(const QString &username);

    /// The token kept in this file for a server, empty when none. Use a TokenStore, which prefers the
    /// keychain.
    QString token(const QUrl &server) const;
    void setToken(const QUrl &server, const QString &token);
    void forgetToken(const QUrl &server);

    /// Certificates the user chose to trust (trust on first use), by server (host and port): the SHA-256
    /// fingerprint, empty when none is pinned.
    /// Rooms of a server whose notifications the user muted.
    QList<qint64> mutedRooms(const QUrl &server) const;
    void setMutedRooms(const QUrl &server, const QList<qint64> &rooms);
    /// What the user had written and not sent, per room of a server.
    QHash<qint64, QString> drafts(const QUrl &server) const;
    void setDrafts(const QUrl &server, const QHash<qint64, QString> &drafts);
    QString pinnedCertificate(const QUrl &server) const;
    void pinCertificate(const QUrl &server, const QString &fingerprint);
    void forgetPinnedCertificate(const QString &pinKey);
    /// Every pin: host:port -> fingerprint.
    QMap<QString, QString> pinnedCertificates() const;

    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool enabled);
    /// The language chosen in Preferences ("fr", "de", ...); empty: the system's.
    QString language() const;
    void setLanguage(const QString &code);
    /// System: the platform's style and colours, left alone.
    enum class Theme { System, Light, Dark };
    Theme theme() const;
    void setTheme(Theme theme);
    /// The application font's size in points; 0: the system's.
    int fontPointSize() const;
    void setFontPointSize(int points);
    /// Whether the user was told, once, that closing the window leaves Natter running in the tray.
    bool trayNoticeShown() const;
    void setTrayNoticeShown(bool shown);
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);
    qint64 lastRoom() const;
    void setLastRoom(qint64 roomId);

    /// Writes to disk now and restricts the file to its owner.
    void sync();

private:
    static QString serverKey(const QUrl &server);
    QString m_profile;
    std::unique_ptr<QSettings> m_settings;
};

} // namespace Natter::Client
