// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencesdialog.h"

#include "autostartentry.h"
#include "formparts.h"
#include "preferences.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Natter::Client {

namespace {
constexpr int kMinFontSize = 8;
constexpr int kMaxFontSize = 20;
const QList<ClientSettings::Theme> kThemes = {ClientSettings::Theme::System, ClientSettings::Theme::Light,
                                              ClientSettings::Theme::Dark};
} // namespace

PreferencesDialog::PreferencesDialog(Preferences &preferences, QWidget *parent)
    : QDialog(parent)
    , m_preferences(preferences)
    , m_form(new QFormLayout)
    , m_notifications(new QCheckBox(this))
    , m_language(new QComboBox(this))
    , m_startAtLogin(new QCheckBox(this))
    , m_theme(new QComboBox(this))
    , m_fontSize(new QSpinBox(this))
    , m_error(FormParts::errorLabel(QString(), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    m_notifications->setObjectName(QStringLiteral("notificationsOption"));
    m_notifications->setChecked(preferences.notificationsEnabled());
    m_language->setObjectName(QStringLiteral("languageOption"));
    for (const QString &code : Preferences::languages())
        m_language->addItem(QString(), code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(preferences.language())));
    m_startAtLogin->setObjectName(QStringLiteral("startAtLoginOption"));
    m_startAtLogin->setChecked(preferences.startsAtLogin());
    m_startAtLogin->setVisible(AutostartEntry::isSupported());
    m_theme->setObjectName(QStringLiteral("themeOption"));
    for (const ClientSettings::Theme theme : kThemes)
        m_theme->addItem(QString(), int(theme));
    m_theme->setCurrentIndex(int(kThemes.indexOf(preferences.theme())));
    m_fontSize->setObjectName(QStringLiteral("fontSizeOption"));
    m_fontSize->setRange(kMinFontSize, kMaxFontSize);
    m_fontSize->setValue(preferences.fontPointSize());

    m_form->addRow(QString(), m_notifications);
    m_form->addRow(QStringLiteral("-"), m_language);
    m_form->addRow(QString(), m_startAtLogin);
    m_form->addRow(QStringLiteral("-"), m_theme);
    m_form->addRow(QStringLiteral("-"), m_fontSize);
    if (!AutostartEntry::isSupported())
        m_form->setRowVisible(m_startAtLogin, false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_notifications, &QCheckBox::toggled, &m_preferences, &Preferences::setNotificationsEnabled);
    connect(&m_preferences, &Preferences::notificationsChanged, m_notifications, &QCheckBox::setChecked);
    connect(m_language, &QComboBox::activated, this,
            [this] { m_preferences.setLanguage(m_language->currentData().toString()); });
    connect(m_startAtLogin, &QCheckBox::toggled, this, &PreferencesDialog::setStartAtLogin);
    connect(m_theme, &QComboBox::activated, this, [this] {
        m_preferences.setTheme(static_cast<ClientSettings::Theme>(m_theme->currentData().toInt()));
    });
    connect(m_fontSize, &QSpinBox::valueChanged, &m_preferences, &Preferences::setFontPointSize);
    retranslate();
}

QList<QKeySequence> PreferencesDialog::shortcuts()
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (keys.isEmpty())
        keys.append(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    return keys;
}

void PreferencesDialog::setStartAtLogin(bool start)
{
    if (m_preferences.setStartAtLogin(start)) {
        m_error->hide();
        return;
    }
    m_error->setText(start ? tr("Could not write %1.").arg(m_preferences.autostart().filePath())
                           : tr("Could not remove %1.").arg(m_preferences.autostart().filePath()));
    m_error->show();
    const QSignalBlocker blocker(m_startAtLogin);
    m_startAtLogin->setChecked(m_preferences.startsAtLogin());
}

void PreferencesDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void PreferencesDialog::retranslate()
{
    const auto setLabel = [this](QWidget *field, const QString &text) {
        if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(field)))
            label->setText(text);
    };
    setWindowTitle(tr("Preferences"));
    m_notifications->setText(tr("Show desktop &notifications"));
    m_notifications->setAccessibleName(tr("Show desktop notifications"));
    m_startAtLogin->setText(tr("&Start Natter when I log in"));
    m_startAtLogin->setAccessibleName(tr("Start Natter when I log in"));
    setLabel(m_language, tr("&Language:"));
    m_language->setAccessibleName(tr("Language"));
    for (int i = 0; i < m_language->count(); ++i)
        m_language->setItemText(i, languageName(m_language->itemData(i).toString()));
    setLabel(m_theme, tr("&Theme:"));
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->setItemText(0, tr("Follow the system"));
    m_theme->setItemText(1, tr("Light"));
    m_theme->setItemText(2, tr("Dark"));
    setLabel(m_fontSize, tr("Text si&ze:"));
    m_fontSize->setAccessibleName(tr("Text size"));
    m_fontSize->setSuffix(tr(" pt"));
    m_error->setAccessibleName(tr("Preferences error"));
}

QString PreferencesDialog::languageName(const QString &code)
{
    // Each language under its own name, untranslated, so that whoever reads it can find it.
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    if (code == QLatin1String("fr"))
        return QStringLiteral("Français");
    if (code == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    return code.isEmpty() ? tr("System") : QLocale(code).nativeLanguageName();
}

} // namespace Natter::Client
