// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QListView;
class QPushButton;
class QStandardItemModel;

namespace Natter::Client {

class ClientSettings;

/// The certificates trusted on first use, one per server, and the only way to forget one (after the
/// operator replaced a certificate): Natter → Trusted certificates….
class TrustedCertificatesDialog : public QDialog {
    Q_OBJECT
public:
    explicit TrustedCertificatesDialog(ClientSettings &settings, QWidget *parent = nullptr);

    QListView *list() const { return m_list; }
    QPushButton *removeButton() const { return m_remove; }
    /// Whether a certificate was forgotten while the dialog was open.
    bool removedAny() const { return m_removed; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reload();
    void removeSelected();

    ClientSettings &m_settings;
    QStandardItemModel *m_model;
    QListView *m_list;
    QPushButton *m_remove;
    bool m_removed = false;
};

} // namespace Natter::Client
