// SPDX-License-Identifier: GPL-3.0-or-later
#include "signuppage.h"

#include "formparts.h"

#include "protocollimits.h"
#include "validation.h"

#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Natter::Client {

SignUpPage::SignUpPage(QWidget *parent)
    : QWidget(parent)
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_keep(new QCheckBox(this))
    , m_hint(new QLabel(this))
    , m_error(FormParts::errorLabel(QString(), this))
    , m_create(new QPushButton(this))
    , m_title(FormParts::title(QString(), this))
    , m_signInLink(FormParts::link(QString(), QStringLiteral("signInLink"), this))
    , m_form(new QFormLayout)
{
    m_username->setObjectName(QStringLiteral("newUsername"));
    m_username->setMaxLength(Limits::usernameMaxLength);
    m_password->setObjectName(QStringLiteral("newPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat->setObjectName(QStringLiteral("repeatPassword"));
    m_repeat->setEchoMode(QLineEdit::Password);
    m_keep->setChecked(true);
    m_hint->setObjectName(QStringLiteral("hint"));
    m_hint->setWordWrap(true);
    // Room for two lines from the start: the rules and the messages that replace them differ in length,
    // and the fields below must not jump as one wraps and the other does not.
    m_hint->setMinimumHeight(2 * m_hint->fontMetrics().lineSpacing());
    m_hint->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_create->setObjectName(QStringLiteral("createAccount"));
    m_create->setDefault(true);

    connect(m_signInLink, &QLabel::linkActivated, this, &SignUpPage::signInWanted);

    m_form->addRow(QStringLiteral("-"), m_username);
    m_form->addRow(QStringLiteral("-"), m_password);
    m_form->addRow(QStringLiteral("-"), m_repeat);
    m_form->addRow(QString(), m_keep);

    auto *box = new QVBoxLayout;
    box->addWidget(m_title);
    box->addLayout(m_form);
    box->addWidget(m_hint);
    box->addWidget(m_error);
    box->addWidget(m_create);
    box->addWidget(m_signInLink, 0, Qt::AlignHCenter);
    FormParts::centre(this, box);

    for (QLineEdit *edit : {m_username, m_password, m_repeat}) {
        connect(edit, &QLineEdit::textChanged, this, &SignUpPage::validate);
        // What the server said about the old input ("username taken") is not true of the new.
        connect(edit, &QLineEdit::textEdited, this, [this] { showError({}); });
        // Enter creates the account once the form is complete, and else goes on to the next field.
        connect(edit, &QLineEdit::returnPressed, this, [this, edit] {
            if (m_create->isEnabled())
                return submit();
            if (edit == m_username)
                m_password->setFocus();
            else if (edit == m_password)
                m_repeat->setFocus();
        });
    }
    connect(m_create, &QPushButton::clicked, this, &SignUpPage::submit);
    retranslate();
}

void SignUpPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void SignUpPage::retranslate()
{
    m_title->setText(tr("Create a Natter account"));
    m_username->setAccessibleName(tr("Username"));
    m_password->setAccessibleName(tr("Password"));
    m_repeat->setAccessibleName(tr("Password again"));
    m_keep->setText(tr("&Keep me signed in"));
    m_keep->setAccessibleName(tr("Keep me signed in"));
    m_hint->setAccessibleName(tr("Account rules"));
    m_create->setAccessibleName(tr("Create account"));
    m_error->setAccessibleName(tr("Sign-up error"));
    FormParts::setLinkText(m_signInLink, tr("I already have an account"));
    const std::pair<QLineEdit *, QString> rows[] = {
        {m_username, tr("&Username:")}, {m_password, tr("&Password:")}, {m_repeat, tr("&Again:")}};
    for (const auto &[field, text] : rows) {
        if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(field)))
            label->setText(text);
    }
    setBusy(m_busy); // the button's text, and the hint through validate()
}

void SignUpPage::validate()
{
    QString hint;
    const QString username = m_username->text();
    if (!username.isEmpty() && !Validation::isValidUsername(username))
        hint = tr("A username is 3 to 32 letters, digits, dots, dashes or underscores.");
    else if (!m_password->text().isEmpty() && !Validation::isValidPassword(m_password->text()))
        hint = tr("A password needs at least 8 characters.");
    else if (!m_repeat->text().isEmpty() && m_repeat->text() != m_password->text())
        hint = tr("The two passwords differ.");
    m_hint->setText(hint.isEmpty() ? tr("3–32 characters: letters, digits, . _ -; a password of at least 8.")
                                   : hint);
    const bool ready = Validation::isValidUsername(username) &&
                       Validation::isValidPassword(m_password->text()) &&
                       m_repeat->text() == m_password->text();
    m_create->setEnabled(ready && !m_busy);
}

void SignUpPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void SignUpPage::setBusy(bool busy)
{
    m_busy = busy;
    m_create->setText(busy ? tr("Creating…") : tr("&Create account"));
    validate();
}

void SignUpPage::clearPasswords()
{
    m_password->clear();
    m_repeat->clear();
}

void SignUpPage::prepare()
{
    clearPasswords();
    showError({});
    m_username->setFocus();
}

void SignUpPage::submit()
{
    if (!m_create->isEnabled())
        return;
    showError({});
    emit signUpRequested(m_server, m_username->text(), m_password->text(), m_keep->isChecked());
}

} // namespace Natter::Client
