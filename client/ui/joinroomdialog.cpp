// SPDX-License-Identifier: GPL-3.0-or-later
#include "joinroomdialog.h"

#include "chatsession.h"
#include "errortext.h"
#include "formparts.h"
#include "protocollimits.h"
#include "validation.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace Natter::Client {

JoinRoomDialog::JoinRoomDialog(ChatSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_code(new QLineEdit(this))
    , m_error(FormParts::errorLabel(tr("Join error"), this))
    , m_join(new QPushButton(tr("&Join"), this))
{
    setWindowTitle(tr("Join a room"));
    // Wide enough for the title bar to show the title whole, in any language, with the window's buttons.
    setMinimumWidth(FormParts::kDialogWidth);
    setObjectName(QStringLiteral("joinRoomDialog"));
    auto *prompt = new QLabel(tr("Access &code (10 characters):"), this);
    prompt->setBuddy(m_code);
    m_code->setObjectName(QStringLiteral("code"));
    m_code->setAccessibleName(tr("Access code"));
    m_code->setPlaceholderText(QStringLiteral("ABCDEFGHJK"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_join, QDialogButtonBox::AcceptRole);
    m_join->setDefault(true);
    m_join->setAccessibleName(tr("Join room"));
    m_join->setObjectName(QStringLiteral("join"));
    m_join->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(prompt);
    layout->addWidget(m_code);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_join, &QPushButton::clicked, this, &JoinRoomDialog::join);
    connect(m_code, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_join->setEnabled(Validation::normalizedAccessCode(text).size() == Limits::accessCodeLength);
    });
    connect(m_code, &QLineEdit::textEdited, m_error, &QWidget::hide); // "no such code" was about the old one
}

void JoinRoomDialog::join()
{
    m_join->setEnabled(false);
    m_error->hide();
    QPointer<JoinRoomDialog> guard(this);
    m_session.joinRoom(
        m_code->text(), [guard](const std::optional<Room> &room, const std::optional<ProtocolError> &error) {
            if (!guard)
                return;
            if (!room) {
                guard->m_error->setText(ErrorText::describe(error.value_or(ProtocolError{}), !error));
                guard->m_error->show();
                guard->adjustSize(); // as tall as the error's lines, none of them cut
                guard->m_join->setEnabled(true);
                return;
            }
            guard->m_room = room->id;
            guard->accept();
        });
}

} // namespace Natter::Client
