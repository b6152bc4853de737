// SPDX-License-Identifier: GPL-3.0-or-later
#include "trustedcertificatesdialog.h"

#include "clientsettings.h"
#include "serveraddress.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace Natter::Client {

namespace {
constexpr int kPinKeyRole = Qt::UserRole + 1;
}

TrustedCertificatesDialog::TrustedCertificatesDialog(ClientSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_model(new QStandardItemModel(this))
    , m_list(new QListView(this))
    , m_remove(new QPushButton(tr("&Remove"), this))
{
    setWindowTitle(tr("Trusted certificates"));
    auto *explanation = new QLabel(tr("Servers whose self-signed certificate you chose to trust, with its "
                                      "SHA-256 fingerprint. Remove one "
                                      "only when its operator has told you that the certificate was "
                                      "replaced: Natter will then ask again."),
                                   this);
    explanation->setWordWrap(true);
    m_list->setModel(m_model);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The fingerprint in two lines of 16 bytes in a fixed-width font, as the trust dialogs show it: the
    // whole of it fits, and it can be compared by eye.
    m_list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_list->setUniformItemSizes(true);
    m_list->setAccessibleName(tr("Trusted certificates"));
    m_remove->setAccessibleName(tr("Remove the selected certificate"));
    m_remove->setEnabled(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_remove, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_remove, &QPushButton::clicked, this, &TrustedCertificatesDialog::removeSelected);
    m_list->installEventFilter(this); // Delete removes the selected one
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_remove->setEnabled(m_list->selectionModel()->hasSelection()); });
    resize(560, 320);
    reload();
}

void TrustedCertificatesDialog::reload()
{
    m_model->clear();
    const QMap<QString, QString> pins = m_settings.pinnedCertificates();
    for (auto it = pins.cbegin(); it != pins.cend(); ++it) {
        auto *item = new QStandardItem(
            QStringLiteral("%1\n%2").arg(it.key(), ServerAddress::fingerprintInTwoLines(it.value())));
        item->setData(it.key(), kPinKeyRole);
        item->setToolTip(it.value());
        m_model->appendRow(item);
    }
    // The first one selected, so that the keyboard alone can remove it (Tab to Remove, or Delete).
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0, 0));
    m_remove->setEnabled(m_list->selectionModel()->hasSelection());
}

bool TrustedCertificatesDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Delete)) {
        removeSelected();
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

void TrustedCertificatesDialog::removeSelected()
{
    const QModelIndexList selected = m_list->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : selected)
        m_settings.forgetPinnedCertificate(index.data(kPinKeyRole).toString());
    m_removed = m_removed || !selected.isEmpty();
    reload();
}

} // namespace Natter::Client
