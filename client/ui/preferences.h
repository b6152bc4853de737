// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "autostartentry.h"
#include "clientsettings.h"

#include <QFont>
#include <QList>
#include <QLocale>
#include <QObject>
#include <QPalette>
#include <QStringList>

class QTranslator;

namespace Natter::Client {

/// The user's preferences for this profile: each setter saves the choice in the profile's settings and
/// applies it to the whole application at once (language, colours, font size), or to the system (start
/// at login). Keeps the system's own style, palette and font, to go back to them; the translators it
/// installed, to replace them; and puts all of it back when destroyed.
class Preferences : public QObject {
    Q_OBJECT
public:
    /// `autostartDirectory` empty: the user's XDG autostart directory.
    explicit Preferences(ClientSettings &settings, const QString &autostartDirectory = {},
                         QObject *parent = nullptr);
    ~Preferences() override;
    Q_DISABLE_COPY_MOVE(Preferences)

    /// What main() applies before building the window: the saved language, or `languageOverride` (--lang)
    /// when given, then the theme and the font size.
    void applyAtStart(const QString &languageOverride = {});

    /// The languages offered, as codes; "" stands for the system's.
    static QStringList languages();

    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool enabled);
    QString language() const;
    void setLanguage(const QString &code);
    ClientSettings::Theme theme() const;
    void setTheme(ClientSettings::Theme theme);
    /// The chosen size, or the system's when none was chosen.
    int fontPointSize() const;
    int systemFontPointSize() const;
    void setFontPointSize(int points);
    bool startsAtLogin() const;
    /// False when the autostart entry could not be written or removed.
    bool setStartAtLogin(bool start);
    const AutostartEntry &autostart() const { return m_autostart; }

signals:
    void notificationsChanged(bool enabled);

private:
    void installLanguage(const QString &code);
    void removeTranslators();
    void applyTheme(ClientSettings::Theme theme);
    void applyFont(int points);

    ClientSettings &m_settings;
    AutostartEntry m_autostart;
    QString m_systemStyle;
    QPalette m_systemPalette;
    QFont m_systemFont;
    QLocale m_startLocale;
    QList<QTranslator *> m_translators;
    bool m_themeApplied = false;
    bool m_fontApplied = false;
};

} // namespace Natter::Client
