// SPDX-License-Identifier: GPL-3.0-or-later
#include "signinpage.h"

#include "formparts.h"
#include "serveraddress.h"

#include <QCheckBox>
#include <QFormLayout>
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
    , m_keep(new QCheckBox(tr("&Keep me signed in"), this))
    , m_signIn(new QPushButton(tr("&Sign in"), this))
    , m_error(FormParts::errorLabel(tr("Sign-in error"), this))
    , m_waiting(new QLabel(this))
    , m_retry(new QPushButton(tr("&Try now"), this))
{
    m_waiting->setObjectName(QStringLiteral("waiting"));
    m_waiting->setAccessibleName(tr("Waiting for the server"));
    m_waiting->setWordWrap(true);
    m_waiting->hide();
    m_retry->setObjectName(QStringLiteral("retryNow"));
    m_retry->setAccessibleName(tr("Try to reach the server now"));
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &SignInPage::retryWanted);
    QLabel *title = FormParts::title(tr("Sign in to Natter"), this);

    m_server->setObjectName(QStringLiteral("server"));
    m_server->setAccessibleName(tr("Server address"));
    m_server->setPlaceholderText(QStringLiteral("chat.example.org"));
    m_username->setObjectName(QStringLiteral("username"));
    m_username->setAccessibleName(tr("Username"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_keep->setObjectName(QStringLiteral("keepSignedIn"));
    m_keep->setAccessibleName(tr("Keep me signed in"));
    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_signIn->setAccessibleName(tr("Sign in"));
    m_signIn->setDefault(true);

    QLabel *signUp = FormParts::link(tr("Create an account"), QStringLiteral("signUpLink"), this);
    connect(signUp, &QLabel::linkActivated, this, &SignInPage::signUpWanted);

    auto *form = new QFormLayout;
    form->addRow(tr("Ser&ver:"), m_server);
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_keep);

    auto *box = new QVBoxLayout;
    box->addWidget(title);
    box->addWidget(m_waiting);
    box->addWidget(m_retry, 0, Qt::AlignLeft);
    box->addLayout(form);
    box->addWidget(m_error);
    box->addWidget(m_signIn);
    box->addWidget(signUp, 0, Qt::AlignHCenter);
    FormParts::centre(this, box);

    setTabOrder(m_server, m_username);
    setTabOrder(m_username, m_password);
    setTabOrder(m_password, m_keep);
    setTabOrder(m_keep, m_signIn);
    setTabOrder(m_signIn, signUp);

    connect(m_signIn, &QPushButton::clicked, this, &SignInPage::submit);
    connect(m_password, &QLineEdit::returnPressed, this, &SignInPage::submit);
    connect(m_username, &QLineEdit::returnPressed, m_password, qOverload<>(&QWidget::setFocus));
    // What the server said about the old input ("wrong password") is not true of the new.
    for (QLineEdit *edit : {m_server, m_username, m_password})
        connect(edit, &QLineEdit::textEdited, this, [this] { showError({}); });
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
