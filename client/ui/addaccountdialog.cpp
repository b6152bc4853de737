// SPDX-License-Identifier: GPL-3.0-or-later
#include "addaccountdialog.h"

#include "formparts.h"
#include "profilelist.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace Natter::Client {

AddAccountDialog::AddAccountDialog(const QStringList &existing, QWidget *parent)
    : QDialog(parent)
    , m_existing(existing)
    , m_name(new QLineEdit(this))
    , m_error(FormParts::errorLabel(tr("Name error"), this))
    , m_add(new QPushButton(tr("&Add and switch"), this))
{
    setWindowTitle(tr("Add account"));
    setObjectName(QStringLiteral("addAccountDialog"));
    auto *explain = new QLabel(tr("Each account keeps its own settings and its own session. Natter starts "
                                  "again with the new one, where you sign in."),
                               this);
    explain->setWordWrap(true);
    auto *prompt = new QLabel(tr("&Name of the new account (letters, digits, - and _):"), this);
    prompt->setBuddy(m_name);
    m_name->setObjectName(QStringLiteral("profileName"));
    m_name->setAccessibleName(tr("Account name"));
    m_name->setPlaceholderText(tr("e.g. work"));
    // Typing or pasting anything else is refused as it happens; the length is checked by ProfileList.
    m_name->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9_-]*")), m_name));
    m_name->setMaxLength(64);
    m_add->setObjectName(QStringLiteral("add"));
    m_add->setDefault(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_add, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &AddAccountDialog::check);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explain);
    layout->addWidget(prompt);
    layout->addWidget(m_name);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    check();
}

QString AddAccountDialog::name() const
{
    return m_name->text();
}

void AddAccountDialog::check()
{
    const bool taken = m_existing.contains(name(), Qt::CaseInsensitive); // one file on Windows and macOS
    m_error->setText(taken ? tr("An account with this name exists already: choose it in the Accounts menu.")
                           : QString());
    m_error->setVisible(taken);
    m_add->setEnabled(ProfileList::isValidName(name()) && !taken);
}

} // namespace Natter::Client
