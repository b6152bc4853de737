// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Natter::Client {

/// Asks for the name of a new profile: letters, digits, '-' and '_', and not one that exists already.
class AddAccountDialog : public QDialog {
    Q_OBJECT
public:
    AddAccountDialog(const QStringList &existing, QWidget *parent = nullptr);
    QString name() const;

private:
    void check();

    QStringList m_existing;
    QLineEdit *m_name;
    QLabel *m_error;
    QPushButton *m_add;
};

} // namespace Natter::Client
