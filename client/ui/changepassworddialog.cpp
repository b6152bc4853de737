// SPDX-License-Identifier: GPL-3.0-or-later
#include "changepassworddialog.h"

#include "chatsession.h"
#include "errortext.h"
#include "formparts.h"
#include "validation.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace Natter::Client {

namespace {
QLineEdit *passwordField(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *field = new QLineEdit(parent);
    field->setEchoMode(QLineEdit::Password);
    field->setObjectName(objectName);
    field->setAccessibleName(accessibleName);
    return field;
}
} // namespace

ChangePasswordDialog::ChangePasswordDialog(ChatSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_current(passwordField(QStringLiteral("currentPassword"), tr("Current password"), this))
    , m_new(passwordField(QStringLiteral("newPassword"), tr("New password"), this))
    , m_repeat(passwordField(QStringLiteral("repeatPassword"), tr("New password again"), this))
    , m_error(FormParts::errorLabel(tr("Password error"), this))
    , m_change(new QPushButton(tr("&Change password"), this))
{
    setWindowTitle(tr("Change password"));
    // Wide enough for the title bar to show the title whole, in any language, with the window's buttons.
    setMinimumWidth(FormParts::kDialogWidth);
    setObjectName(QStringLiteral("changePasswordDialog"));
    auto *explanation =
        new QLabel(tr("Your other devices will be signed out; this one stays signed in."), this);
    explanation->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("C&urrent password:"), m_current);
    form->addRow(tr("&New password:"), m_new);
    form->addRow(tr("New password &again:"), m_repeat);
    m_change->setObjectName(QStringLiteral("change"));
    m_change->setDefault(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_change, QDialogButtonBox::AcceptRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_change, &QPushButton::clicked, this, &ChangePasswordDialog::submit);
    m_current->setFocus();
}

void ChangePasswordDialog::submit()
{
    const auto fail = [this](const QString &text) {
        m_error->setText(text);
        m_error->show();
    };
    if (m_new->text() != m_repeat->text())
        return fail(tr("The two new passwords are not the same."));
    if (!Validation::isValidPassword(m_new->text()))
        return fail(tr("A password needs at least 8 characters."));
    m_error->hide();
    m_change->setEnabled(false);
    QPointer<ChangePasswordDialog> guard(this);
    m_session.changePassword(m_current->text(), m_new->text(), [guard](const Answer<EmptyReply> &reply) {
        if (!guard)
            return;
        guard->m_change->setEnabled(true);
        if (reply.ok())
            return guard->accept();
        guard->m_error->setText(
            reply.error && reply.error->code == ErrorCode::BadCredentials
                ? tr("That is not your current password.")
                : ErrorText::describe(reply.error.value_or(ProtocolError{}), reply.offline));
        guard->m_error->show();
    });
}

} // namespace Natter::Client
