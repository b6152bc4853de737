// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomsettingsdialog.h"

#include "colours.h"
#include "formparts.h"

#include "chatsession.h"
#include "errortext.h"
#include "roomlistmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace Natter::Client {

RoomSettingsDialog::RoomSettingsDialog(ChatSession &session, qint64 roomId, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_room(roomId)
    , m_name(new QLineEdit(this))
    , m_rename(new QPushButton(tr("&Rename"), this))
    , m_code(new QLabel(this))
    , m_copy(new QPushButton(tr("&Copy code"), this))
    , m_renew(new QPushButton(tr("&New code"), this))
    , m_ownerNote(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("roomSettings"));
    setWindowTitle(tr("Room settings"));
    // Wide enough for the title bar to show the title whole, in any language, with the window's buttons.
    setMinimumWidth(FormParts::kDialogWidth);
    m_name->setObjectName(QStringLiteral("roomName"));
    m_name->setMaxLength(64);
    m_rename->setObjectName(QStringLiteral("rename"));
    m_code->setObjectName(QStringLiteral("code"));
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_copy->setObjectName(QStringLiteral("copyCode"));
    m_renew->setObjectName(QStringLiteral("newCode"));
    m_renew->setToolTip(tr("Gives the room a new access code; the old one stops working."));
    m_ownerNote->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    Colours::follow(m_error, Colours::Role::Error);
    m_error->hide();

    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(m_rename);
    auto *codeRow = new QHBoxLayout;
    codeRow->addWidget(m_code, 1);
    codeRow->addWidget(m_copy);
    codeRow->addWidget(m_renew);
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), nameRow);
    form->addRow(tr("Access code:"), codeRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *leave = buttons->addButton(tr("&Leave room"), QDialogButtonBox::DestructiveRole);
    leave->setObjectName(QStringLiteral("leave"));
    // Enter in the dialog must never leave the room or renew the code: no button is the default.
    for (QPushButton *button : {leave, m_rename, m_copy, m_renew, buttons->button(QDialogButtonBox::Close)}) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_ownerNote);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(leave, &QPushButton::clicked, this, [this] {
        emit leaveRequested(m_room);
        accept();
    });
    connect(m_rename, &QPushButton::clicked, this, &RoomSettingsDialog::rename);
    connect(m_name, &QLineEdit::returnPressed, this, &RoomSettingsDialog::rename);
    connect(m_renew, &QPushButton::clicked, this, &RoomSettingsDialog::renewCode);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_session.rooms()->codeOf(m_room)); });
    // Renamed or renewed elsewhere while open: show what is current.
    connect(session.rooms(), &QAbstractItemModel::dataChanged, this, &RoomSettingsDialog::refresh);
    refresh();
}

void RoomSettingsDialog::refresh()
{
    const RoomListModel *rooms = m_session.rooms();
    const bool owner = rooms->ownerOf(m_room) == m_session.user().id;
    if (!m_name->hasFocus())
        m_name->setText(rooms->nameOf(m_room));
    m_code->setText(rooms->codeOf(m_room));
    m_code->setAccessibleName(tr("Access code %1").arg(rooms->codeOf(m_room)));
    m_name->setReadOnly(!owner);
    m_rename->setEnabled(owner);
    m_renew->setEnabled(owner);
    m_ownerNote->setText(owner ? tr("You own this room: you may rename it and give it a new code.")
                               : tr("Only the owner of this room may rename it or give it a new code."));
}

void RoomSettingsDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void RoomSettingsDialog::rename()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty() || name == m_session.rooms()->nameOf(m_room))
        return;
    m_rename->setEnabled(false);
    m_session.renameRoom(
        m_room, name, [this](const std::optional<Room> &room, const std::optional<ProtocolError> &error) {
            m_rename->setEnabled(true);
            showError(room ? QString()
                           : ErrorText::describe(error.value_or(ProtocolError{}), !error.has_value(), {}));
            refresh();
        });
}

void RoomSettingsDialog::renewCode()
{
    auto *question =
        new QMessageBox(QMessageBox::Question, tr("New access code"),
                        tr("Give the room a new access code? The current one stops working at once; "
                           "people who have it cannot join with it any more."),
                        QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("newCodeQuestion"));
    QPushButton *renew = question->addButton(tr("&New code"), QMessageBox::AcceptRole);
    question->setDefaultButton(QMessageBox::Cancel);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this, question, renew] {
        if (question->clickedButton() == renew)
            confirmedRenewCode();
    });
    question->open();
}

void RoomSettingsDialog::confirmedRenewCode()
{
    m_renew->setEnabled(false);
    m_session.renewCode(
        m_room, [this](const std::optional<Room> &room, const std::optional<ProtocolError> &error) {
            showError(room ? QString()
                           : ErrorText::describe(error.value_or(ProtocolError{}), !error.has_value(), {}));
            refresh();
        });
}

} // namespace Natter::Client
