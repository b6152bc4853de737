// SPDX-License-Identifier: GPL-3.0-or-later
#include "createroomdialog.h"

#include "chatsession.h"
#include "errortext.h"
#include "formparts.h"
#include "protocollimits.h"
#include "validation.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Natter::Client {

CreateRoomDialog::CreateRoomDialog(ChatSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_pages(new QStackedWidget(this))
    , m_name(new QLineEdit(this))
    , m_error(FormParts::errorLabel(tr("Room error"), this))
    , m_create(new QPushButton(tr("&Create"), this))
    , m_code(new QLabel(this))
{
    setWindowTitle(tr("New room"));
    // Wide enough for the title bar to show the title whole, in any language, with the window's buttons.
    setMinimumWidth(FormParts::kDialogWidth);
    setObjectName(QStringLiteral("createRoomDialog"));

    auto *ask = new QWidget(m_pages);
    auto *askLayout = new QVBoxLayout(ask);
    auto *prompt = new QLabel(tr("&Name of the new room:"), ask);
    prompt->setBuddy(m_name);
    m_name->setObjectName(QStringLiteral("roomName"));
    m_name->setAccessibleName(tr("Room name"));
    m_name->setMaxLength(Limits::roomNameMaxLength);
    auto *askButtons = new QDialogButtonBox(QDialogButtonBox::Cancel, ask);
    askButtons->addButton(m_create, QDialogButtonBox::AcceptRole);
    m_create->setDefault(true);
    m_create->setAccessibleName(tr("Create room"));
    m_create->setObjectName(QStringLiteral("create"));
    askLayout->addWidget(prompt);
    askLayout->addWidget(m_name);
    askLayout->addWidget(m_error);
    askLayout->addWidget(askButtons);
    connect(askButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, &CreateRoomDialog::create);
    connect(m_name, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_create->setEnabled(Validation::normalizedRoomName(text).has_value());
    });
    m_create->setEnabled(false);

    auto *done = new QWidget(m_pages);
    auto *doneLayout = new QVBoxLayout(done);
    auto *explain =
        new QLabel(tr("The room is ready. Give this access code to the people you want in it:"), done);
    explain->setWordWrap(true);
    QFont big = m_code->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    big.setStyleHint(QFont::Monospace);
    m_code->setFont(big);
    m_code->setObjectName(QStringLiteral("accessCode"));
    m_code->setAccessibleName(tr("Access code"));
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_code->setAlignment(Qt::AlignCenter);
    auto *copy = new QPushButton(tr("&Copy code"), done);
    copy->setObjectName(QStringLiteral("copyCode"));
    copy->setAccessibleName(tr("Copy access code"));
    connect(copy, &QPushButton::clicked, this, [this, copy] {
        QGuiApplication::clipboard()->setText(m_code->text());
        copy->setText(tr("Copied"));
    });
    auto *doneButtons = new QDialogButtonBox(QDialogButtonBox::Close, done);
    connect(doneButtons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    doneLayout->addWidget(explain);
    doneLayout->addWidget(m_code);
    doneLayout->addWidget(copy, 0, Qt::AlignHCenter);
    doneLayout->addWidget(doneButtons);

    m_pages->addWidget(ask);
    m_pages->addWidget(done);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    m_name->setFocus();
}

QString CreateRoomDialog::accessCode() const
{
    return m_code->text();
}

void CreateRoomDialog::create()
{
    m_create->setEnabled(false);
    m_error->hide();
    QPointer<CreateRoomDialog> guard(this);
    m_session.createRoom(
        m_name->text(), [guard](const std::optional<Room> &room, const std::optional<ProtocolError> &error) {
            if (!guard)
                return;
            if (!room) {
                guard->m_error->setText(ErrorText::describe(error.value_or(ProtocolError{}), !error));
                guard->m_error->show();
                guard->adjustSize(); // as tall as the error's lines, none of them cut
                guard->m_create->setEnabled(true);
                return;
            }
            guard->m_room = room->id;
            guard->m_code->setText(room->code);
            guard->m_pages->setCurrentIndex(1);
        });
}

} // namespace Natter::Client
