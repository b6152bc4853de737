// SPDX-License-Identifier: GPL-3.0-or-later
#include "composer.h"

#include "protocollimits.h"
#include "validation.h"

#include <QKeyEvent>

namespace Natter::Client {

Composer::Composer(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("composer"));
    setAccessibleName(tr("Message"));
    setPlaceholderText(tr("Write a message. Enter sends, Shift+Enter starts a new line."));
    setTabChangesFocus(true);
}

int Composer::length() const
{
    return Validation::codePointCount(toPlainText());
}

bool Composer::isOverLimit() const
{
    return length() > Limits::messageMaxLength;
}

QSize Composer::sizeHint() const
{
    const QSize base = QPlainTextEdit::sizeHint();
    return {base.width(), fontMetrics().lineSpacing() * 3 + 12};
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        const QString text = toPlainText();
        if (Validation::checkMessageText(text) == Validation::TextCheck::Ok) {
            emit submitted(text);
            clear();
        }
        event->accept();
        return;
    }
    if (enter) {
        insertPlainText(QStringLiteral("\n"));
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace Natter::Client
