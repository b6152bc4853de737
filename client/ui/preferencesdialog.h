// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QKeySequence>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QSpinBox;

namespace Natter::Client {

class Preferences;

/// Natter → Preferences: notifications, language, start at login, theme and font size. Every change
/// applies at once (there is nothing to confirm), the language too, and this dialog follows it.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(Preferences &preferences, QWidget *parent = nullptr);

    /// The platform's key for preferences (Ctrl+, where it has none).
    static QList<QKeySequence> shortcuts();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    static QString languageName(const QString &code);
    void setStartAtLogin(bool start);

    Preferences &m_preferences;
    QFormLayout *m_form;
    QCheckBox *m_notifications;
    QComboBox *m_language;
    QCheckBox *m_startAtLogin;
    QComboBox *m_theme;
    QSpinBox *m_fontSize;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace Natter::Client
