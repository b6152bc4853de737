// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

class QActionGroup;

namespace Natter::Client {

class ClientSettings;

/// Natter → Accounts: the profiles in the settings directory with who last signed in with each and where,
/// the one in use checked, and "Add account…". Choosing another one asks for a switch.
class AccountsMenu : public QMenu {
    Q_OBJECT
public:
    AccountsMenu(ClientSettings &settings, QWidget *parent);

    /// Lists the profiles again; done whenever the menu opens, since another natter may have added one.
    void refresh();

signals:
    /// The user chose another profile, or added one (its settings file exists then).
    void switchRequested(const QString &profile);

private:
    void addAccount();

    ClientSettings &m_settings;
    QActionGroup *m_group;
};

} // namespace Natter::Client
