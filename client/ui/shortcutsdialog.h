// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QMenuBar;
class QTreeWidget;

namespace Natter::Client {

/// Help → Keyboard shortcuts: every shortcut of the window's menus, read from their actions when the
/// dialog opens so that the list cannot fall behind them, and the keys of the message composer.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QMenuBar *menus, QWidget *parent = nullptr);

    /// An action's or menu's text as shown, without its & accelerator marks.
    static QString plainText(const QString &text);

private:
    QTreeWidget *m_list;
};

} // namespace Natter::Client
