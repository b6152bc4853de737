// SPDX-License-Identifier: GPL-3.0-or-later
#include "quickswitcher.h"

#include "roomlistmodel.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace Natter::Client {

QuickSwitcher::QuickSwitcher(RoomListModel *rooms, QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setWindowTitle(tr("Go to room"));
    setObjectName(QStringLiteral("quickSwitcher"));
    m_proxy->setSourceModel(rooms);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterRole(RoomListModel::NameRole);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setAccessibleName(tr("Room name"));
    m_filter->setPlaceholderText(tr("Type a room's name"));
    m_list->setObjectName(QStringLiteral("matches"));
    m_list->setAccessibleName(tr("Matching rooms"));
    m_list->setModel(m_proxy);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    m_filter->installEventFilter(this);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        m_list->setCurrentIndex(m_proxy->index(0, 0));
    });
    connect(m_filter, &QLineEdit::returnPressed, this, &QuickSwitcher::choose);
    connect(m_list, &QListView::activated, this, &QuickSwitcher::choose);
    m_list->setCurrentIndex(m_proxy->index(0, 0));
    resize(360, 300);
}

bool QuickSwitcher::eventFilter(QObject *watched, QEvent *event)
{
    // Up and Down move through the matches while the cursor stays in the filter.
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up) {
            const int row = m_list->currentIndex().row() + (key == Qt::Key_Down ? 1 : -1);
            if (row >= 0 && row < m_proxy->rowCount())
                m_list->setCurrentIndex(m_proxy->index(row, 0));
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void QuickSwitcher::choose()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return;
    m_chosen = current.data(RoomListModel::IdRole).toLongLong();
    accept();
}

} // namespace Natter::Client
