// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferences.h"

#include "palettes.h"
#include "themestyle.h"
#include "translations.h"

#include <QApplication>
#include <QStyle>
#include <QTranslator>

namespace Natter::Client {

Preferences::Preferences(ClientSettings &settings, const QString &autostartDirectory, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_autostart(settings.profile(), autostartDirectory)
    , m_systemStyle(QApplication::style()->name())
    , m_systemPalette(QApplication::palette())
    , m_systemFont(QApplication::font())
{}

Preferences::~Preferences()
{
    if (!m_translators.isEmpty()) {
        removeTranslators();
        QLocale::setDefault(m_startLocale);
    }
    if (m_themeApplied)
        applyTheme(ClientSettings::Theme::System);
    if (m_fontApplied)
        applyFont(0);
}

void Preferences::applyAtStart(const QString &languageOverride)
{
    installLanguage(languageOverride.isEmpty() ? m_settings.language() : languageOverride);
    // "Follow the system" leaves the platform's style and palette alone, from the start.
    if (m_settings.theme() != ClientSettings::Theme::System)
        applyTheme(m_settings.theme());
    if (m_settings.fontPointSize() > 0)
        applyFont(m_settings.fontPointSize());
}

QStringList Preferences::languages()
{
    // The languages translations/ holds.
    return {QString(), QStringLiteral("en"), QStringLiteral("fr"), QStringLiteral("de")};
}

bool Preferences::notificationsEnabled() const
{
    return m_settings.notificationsEnabled();
}

void Preferences::setNotificationsEnabled(bool enabled)
{
    if (enabled == m_settings.notificationsEnabled())
        return;
    m_settings.setNotificationsEnabled(enabled);
    emit notificationsChanged(enabled);
}

QString Preferences::language() const
{
    return m_settings.language();
}

void Preferences::setLanguage(const QString &code)
{
    m_settings.setLanguage(code);
    installLanguage(code);
}

void Preferences::installLanguage(const QString &code)
{
    // Every widget hears of it through QEvent::LanguageChange, once: Qt folds the events that removing and
    // installing translators post into one per window.
    removeTranslators();
    m_translators = Translations::install(*QCoreApplication::instance(),
                                          code.isEmpty() ? QLocale::system() : QLocale(code));
}

void Preferences::removeTranslators()
{
    for (QTranslator *translator : std::as_const(m_translators)) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    m_translators.clear();
}

ClientSettings::Theme Preferences::theme() const
{
    return m_settings.theme();
}

void Preferences::setTheme(ClientSettings::Theme theme)
{
    m_settings.setTheme(theme);
    applyTheme(theme);
}

void Preferences::applyTheme(ClientSettings::Theme theme)
{
    m_themeApplied = theme != ClientSettings::Theme::System;
    switch (theme) {
    case ClientSettings::Theme::System:
        // Qt 6.4 cannot ask the platform again: back to what it gave at start.
        QApplication::setStyle(m_systemStyle);
        QApplication::setPalette(m_systemPalette);
        return;
    case ClientSettings::Theme::Light:
        QApplication::setStyle(new ThemeStyle);
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    case ClientSettings::Theme::Dark:
        QApplication::setStyle(new ThemeStyle);
        QApplication::setPalette(Palettes::dark());
        return;
    }
}

int Preferences::fontPointSize() const
{
    return m_settings.fontPointSize() > 0 ? m_settings.fontPointSize() : systemFontPointSize();
}

int Preferences::systemFontPointSize() const
{
    return m_systemFont.pointSize() > 0 ? m_systemFont.pointSize() : 10;
}

void Preferences::setFontPointSize(int points)
{
    // The system's own size is saved as "the system's", so that it follows when the system changes.
    m_settings.setFontPointSize(points == systemFontPointSize() ? 0 : points);
    applyFont(points);
}

void Preferences::applyFont(int points)
{
    QFont font = m_systemFont;
    if (points > 0)
        font.setPointSize(points);
    m_fontApplied = points > 0 && points != systemFontPointSize();
    QApplication::setFont(font);
}

bool Preferences::startsAtLogin() const
{
    return m_autostart.isEnabled();
}

bool Preferences::setStartAtLogin(bool start)
{
    return m_autostart.setEnabled(start);
}

} // namespace Natter::Client
