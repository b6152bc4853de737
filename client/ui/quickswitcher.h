// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLineEdit;
class QListView;
class QSortFilterProxyModel;

namespace Natter::Client {

class RoomListModel;

/// Ctrl+K: type part of a room's name, Enter opens it.
class QuickSwitcher : public QDialog {
    Q_OBJECT
public:
    explicit QuickSwitcher(RoomListModel *rooms, QWidget *parent = nullptr);
    qint64 chosenRoom() const { return m_chosen; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void choose();

    QLineEdit *m_filter;
    QListView *m_list;
    QSortFilterProxyModel *m_proxy;
    qint64 m_chosen = 0;
};

} // namespace Natter::Client
