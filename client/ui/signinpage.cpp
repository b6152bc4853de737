// SPDX-License-Identifier: GPL-3.0-or-later
#include "signinpage.h"

#include "formparts.h"
#include "serveraddress.h"

#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Natter::Client {

SignInPage::SignInPage(QWidget *parent)
    : QWidget(parent)
    , m_server(new QLineEdit(this))
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_keep(new QCheckBox(this))
    , m_signIn(new QPushButton(this))
    , m_error(FormParts::errorLabel(QString(), this))
    , m_title(FormParts::title(QString(), this))
    , m_signUpLink(FormParts::link(QString(), QStringLiteral("signUpLink"), this))
    , m_form(new QFormLayout)
    , m_waiting(new QLabel(this))
    , m_retry(new QPushButton(this))
{
    m_waiting->setObjectName(QStringLiteral("waiting"));
    m_waiting->setWordWrap(true);
    m_waiting->hide();
    m_retry->setObjectName(QStringLiteral("retryNow"));
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &SignInPage::retryWanted);
    m_server->setObjectName(QStringLiteral("server"));
    m_server->setPlaceholderText(QStringLiteral("chat.example.org"));
    m_username->setObjectName(QStringLiteral("username"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_keep->setObjectName(QStringLiteral("keepSignedIn"));
    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_signIn->setDefault(true);

    connect(m_signUpLink, &QLabel::linkActivated, this, &SignInPage::signUpWanted);

    m_form->addRow(QStringLiteral("-"), m_server);
    m_form->addRow(QStringLiteral("-"), m_username);
    m_form->addRow(QStringLiteral("-"), m_password);
    m_form->addRow(QString(), m_keep);

    auto *box = new QVBoxLayout;
    box->addWidget(m_title);
    box->addWidget(m_waiting);
    box->addWidget(m_retry, 0, Qt::AlignLeft);
    box->addLayout(m_form);
    box->addWidget(m_error);
    box->addWidget(m_signIn);
    box->addWidget(m_signUpLink, 0, Qt::AlignHCenter);
    FormParts::centre(this, box);

    setTabOrder(m_server, m_username);
    setTabOrder(m_username, m_password);
    setTabOrder(m_password, m_keep);
    setTabOrder(m_keep, m_signIn);
    setTabOrder(m_signIn, m_signUpLink);

    connect(m_signIn, &QPushButton::clicked, this, &SignInPage::submit);
    connect(m_password, &QLineEdit::returnPressed, this, &SignInPage::submit);
    connect(m_username, &QLineEdit::returnPressed, m_password, qOverload<>(&QWidget::setFocus));
    // What the server said about the old input ("wrong password") is not true of the new.
    for (QLineEdit *edit : {m_server, m_username, m_password})
        connect(edit, &QLineEdit::textEdited, this, [this] { showError({}); });
    retranslate();
}

void SignInPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void SignInPage::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && m_signIn->isEnabled()) {
        submit();
        return;
    }
    QWidget::keyPressEvent(event);
}

void SignInPage::retranslate()
{
    m_title->setText(tr("Sign in to Natter"));
    m_server->setAccessibleName(tr("Server address"));
    m_username->setAccessibleName(tr("Username"));
    m_password->setAccessibleName(tr("Password"));
    m_keep->setText(tr("&Keep me signed in"));
    m_keep->setAccessibleName(tr("Keep me signed in"));
    m_signIn->setAccessibleName(tr("Sign in"));
    setBusy(!m_signIn->isEnabled());
    m_error->setAccessibleName(tr("Sign-in error"));
    m_waiting->setAccessibleName(tr("Waiting for the server"));
    m_retry->setText(tr("&Try now"));
    m_retry->setAccessibleName(tr("Try to reach the server now"));
    FormParts::setLinkText(m_signUpLink, tr("Create an account"));
    const std::pair<QLineEdit *, QString> rows[] = {
        {m_server, tr("Ser&ver:")}, {m_username, tr("&Username:")}, {m_password, tr("&Password:")}};
    for (const auto &[field, text] : rows) {
        if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(field)))
            label->setText(text);
    }
}

void SignInPage::setServer(const QUrl &server)
{
    m_server->setText(server.toString());
}

QUrl SignInPage::server() const
{
    return ServerAddress::fromUserInput(m_server->text());
}

void SignInPage::setUsername(const QString &username)
{
    m_username->setText(username);
}

void SignInPage::setKeepSignedIn(bool keep)
{
    m_keep->setChecked(keep);
}

void SignInPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void SignInPage::showWaiting(const QString &message)
{
    m_waiting->setText(message);
    m_waiting->setAccessibleDescription(message);
    m_waiting->setVisible(!message.isEmpty());
    m_retry->setVisible(!message.isEmpty());
}

bool SignInPage::isWaiting() const
{
    return !m_waiting->isHidden();
}

void SignInPage::setBusy(bool busy)
{
    m_signIn->setEnabled(!busy);
    m_signIn->setText(busy ? tr("Signing in…") : tr("&Sign in"));
}

void SignInPage::clearPassword()
{
    m_password->clear();
}

void SignInPage::prepare()
{
    clearPassword();
    (m_username->text().isEmpty() ? m_username : m_password)->setFocus();
}

void SignInPage::submit()
{
    const QUrl server = ServerAddress::fromUserInput(m_server->text());
    if (m_username->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        showError(tr("Enter your username and password."));
        return;
    }
    if (!server.isValid()) {
        showError(tr("Enter the server's name or address, for example chat.example.org or localhost:7447."));
        return;
    }
    showError({});
    emit signInRequested(server, m_username->text().trimmed(), m_password->text(), m_keep->isChecked());
}

} // namespace Natter::Client
