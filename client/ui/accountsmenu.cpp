// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountsmenu.h"

#include "addaccountdialog.h"
#include "clientsettings.h"
#include "formparts.h"
#include "profilelist.h"

#include <QActionGroup>
#include <QFileInfo>

namespace Natter::Client {

namespace {
QString escapeAmpersands(QString text)
{
    return text.replace(QLatin1Char('&'), QStringLiteral("&&"));
}

QString describe(const QString &name, const QString &username, const QUrl &server)
{
    const QString where =
        server.port() < 0 ? server.host() : QStringLiteral("%1:%2").arg(server.host()).arg(server.port());
    if (username.isEmpty())
        //: An account in the Accounts menu that nobody signed in with yet: profile name (server).
        return AccountsMenu::tr("%1 (%2)").arg(escapeAmpersands(name), escapeAmpersands(where));
    //: An account in the Accounts menu: profile name (user on server).
    return AccountsMenu::tr("%1 (%2 on %3)")
        .arg(escapeAmpersands(name), escapeAmpersands(username), escapeAmpersands(where));
}
} // namespace

AccountsMenu::AccountsMenu(ClientSettings &settings, QWidget *parent)
    : QMenu(tr("&Accounts"), parent)
    , m_settings(settings)
    , m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("accountsMenu"));
    connect(this, &QMenu::aboutToShow, this, &AccountsMenu::refresh);
    refresh(); // so that the menu is never empty, and a test sees it without opening it
}

void AccountsMenu::refresh()
{
    clear(); // deletes the actions, which leave the group
    const QString current = m_settings.profile();
    for (const ProfileList::Profile &profile :
         ProfileList::in(QFileInfo(m_settings.filePath()).absolutePath())) {
        const bool isCurrent = profile.name == current;
        // This window's own settings may not be on disk yet.
        QAction *action =
            addAction(isCurrent ? describe(current, m_settings.lastUsername(), m_settings.serverUrl())
                                : describe(profile.name, profile.username, profile.server));
        action->setObjectName(QStringLiteral("profile:") + profile.name);
        action->setCheckable(true);
        action->setChecked(isCurrent);
        action->setActionGroup(m_group);
        connect(action, &QAction::triggered, this, [this, name = profile.name, isCurrent] {
            if (!isCurrent)
                emit switchRequested(name);
        });
    }
    addSeparator();
    addAction(tr("A&dd account…"), this, &AccountsMenu::addAccount)
        ->setObjectName(QStringLiteral("addAccount"));
}

void AccountsMenu::addAccount()
{
    QStringList existing;
    const QString directory = QFileInfo(m_settings.filePath()).absolutePath();
    for (const ProfileList::Profile &profile : ProfileList::in(directory))
        existing.append(profile.name);
    AddAccountDialog dialog(existing, parentWidget());
    if (FormParts::runModal(dialog, parentWidget()->window()) != QDialog::Accepted)
        return;
    {
        // Most often the new account is on the same server: the sign-in form starts with it.
        ClientSettings added(dialog.name(), directory);
        added.setServerUrl(m_settings.serverUrl());
    }
    emit switchRequested(dialog.name());
}

} // namespace Natter::Client
