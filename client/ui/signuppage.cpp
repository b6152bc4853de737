// SPDX-License-Identifier: GPL-3.0-or-later
#include "signuppage.h"

#include "formparts.h"

#include "protocollimits.h"
#include "validation.h"

#include <QCheckBox>
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
    , m_keep(new QCheckBox(tr("&Keep me signed in"), this))
    , m_hint(new QLabel(this))
    , m_error(FormParts::errorLabel(tr("Sign-up error"), this))
    , m_create(new QPushButton(tr("&Create account"), this))
{
    QLabel *title = FormParts::title(tr("Create a Natter account"), this);

    m_username->setObjectName(QStringLiteral("newUsername"));
    m_username->setAccessibleName(tr("Username"));
    m_username->setMaxLength(Limits::usernameMaxLength);
    m_password->setObjectName(QStringLiteral("newPassword"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat->setObjectName(QStringLiteral("repeatPassword"));
    m_repeat->setAccessibleName(tr("Password again"));
    m_repeat->setEchoMode(QLineEdit::Password);
    m_keep->setAccessibleName(tr("Keep me signed in"));
    m_keep->setChecked(true);
    m_hint->setObjectName(QStringLiteral("hint"));
    m_hint->setAccessibleName(tr("Account rules"));
    m_hint->setWordWrap(true);
    m_create->setObjectName(QStringLiteral("createAccount"));
    m_create->setAccessibleName(tr("Create account"));
    m_create->setDefault(true);

    QLabel *back = FormParts::link(tr("I already have an account"), QStringLiteral("signInLink"), this);
    connect(back, &QLabel::linkActivated, this, &SignUpPage::signInWanted);

    auto *form = new QFormLayout;
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("&Again:"), m_repeat);
    form->addRow(QString(), m_keep);

    auto *box = new QVBoxLayout;
    box->addWidget(title);
    box->addLayout(form);
    box->addWidget(m_hint);
    box->addWidget(m_error);
    box->addWidget(m_create);
    box->addWidget(back, 0, Qt::AlignHCenter);
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
    validate();
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
