// SPDX-License-Identifier: GPL-3.0-or-later
#include "signuppage.h"

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
    , m_error(new QLabel(this))
    , m_create(new QPushButton(tr("&Create account"), this))
{
    auto *title = new QLabel(tr("Create a Natter account"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

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
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setAccessibleName(tr("Sign-up error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();
    m_create->setObjectName(QStringLiteral("createAccount"));
    m_create->setAccessibleName(tr("Create account"));
    m_create->setDefault(true);

    auto *back =
        new QLabel(QStringLiteral("<a href=\"#signin\">%1</a>").arg(tr("I already have an account")), this);
    back->setObjectName(QStringLiteral("signInLink"));
    back->setAccessibleName(tr("Back to sign in"));
    back->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
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
    auto *frame = new QWidget(this);
    frame->setLayout(box);
    frame->setMinimumWidth(360);
    frame->setMaximumWidth(440);
    auto *outer = new QVBoxLayout(this);
    outer->addStretch();
    outer->addWidget(frame, 0, Qt::AlignHCenter);
    outer->addStretch(2);

    for (QLineEdit *edit : {m_username, m_password, m_repeat})
        connect(edit, &QLineEdit::textChanged, this, &SignUpPage::validate);
    connect(m_create, &QPushButton::clicked, this, &SignUpPage::submit);
    connect(m_repeat, &QLineEdit::returnPressed, this, &SignUpPage::submit);
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

void SignUpPage::prepare()
{
    m_password->clear();
    m_repeat->clear();
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
