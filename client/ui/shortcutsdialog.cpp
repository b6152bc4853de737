// SPDX-License-Identifier: GPL-3.0-or-later
#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Natter::Client {

namespace {
QString keysOf(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &key : action->shortcuts())
        keys.append(key.toString(QKeySequence::NativeText));
    return keys.join(QStringLiteral(", "));
}

/// The actions of a menu and its submenus that have a shortcut, under the menu's title.
void addMenu(QTreeWidget *list, const QMenu *menu, const QString &title)
{
    QTreeWidgetItem *group = nullptr;
    const QList<QAction *> actions = menu->actions();
    for (const QAction *action : actions) {
        if (action->menu()) {
            addMenu(list, action->menu(),
                    title + QStringLiteral(" → ") + ShortcutsDialog::plainText(action->text()));
            continue;
        }
        if (action->isSeparator() || action->shortcuts().isEmpty())
            continue;
        if (!group) {
            group = new QTreeWidgetItem(list, {title});
            group->setFirstColumnSpanned(true);
        }
        new QTreeWidgetItem(group, {ShortcutsDialog::plainText(action->text()), keysOf(action)});
    }
}
} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menus, QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    m_list->setObjectName(QStringLiteral("shortcutList"));
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    m_list->setHeaderLabels({tr("Action"), tr("Keys")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setItemsExpandable(false);

    if (menus) {
        const QList<QAction *> titles = menus->actions();
        for (const QAction *title : titles) {
            if (title->menu())
                addMenu(m_list, title->menu(), plainText(title->text()));
        }
    }
    // The composer's keys are handled in Composer::keyPressEvent, not by actions: keep this list with it.
    auto *composer = new QTreeWidgetItem(m_list, {tr("Writing a message")});
    composer->setFirstColumnSpanned(true);
    const auto key = [](QKeyCombination combination) {
        return QKeySequence(combination).toString(QKeySequence::NativeText);
    };
    const QList<std::pair<QString, QString>> composerKeys = {
        {tr("Send the message"), key(Qt::Key_Enter)},
        {tr("Start a new line"), key(Qt::SHIFT | Qt::Key_Enter)},
        {tr("Edit your last message (in an empty composer)"), key(Qt::Key_Up)},
        {tr("Cancel the reply or the edit"), key(Qt::Key_Escape)},
        {tr("Choose the highlighted name after @"),
         key(Qt::Key_Tab) + QStringLiteral(", ") + key(Qt::Key_Enter)},
    };
    for (const auto &[what, keys] : composerKeys)
        new QTreeWidgetItem(composer, {what, keys});

    m_list->expandAll();
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QFont bold = m_list->topLevelItem(i)->font(0);
        bold.setBold(true);
        m_list->topLevelItem(i)->setFont(0, bold);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(520, 480);
}

QString ShortcutsDialog::plainText(const QString &text)
{
    // "&&" stands for a shown "&"; any other "&" marks the accelerator.
    static const QRegularExpression accelerator(QStringLiteral("&(.)"));
    QString plain = text;
    return plain.replace(accelerator, QStringLiteral("\\1"));
}

} // namespace Natter::Client
