// SPDX-License-Identifier: GPL-3.0-or-later
#include "composer.h"

#include "protocollimits.h"
#include "validation.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QCompleter>
#include <QKeyEvent>
#include <QRegularExpression>
#include <QResizeEvent>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>
#include <algorithm>
#include <cmath>

namespace Natter::Client {

namespace {
constexpr int kMaxLines = 6;
} // namespace

Composer::Composer(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_completer(new QCompleter(this))
    , m_names(new QStringListModel(this))
{
    setObjectName(QStringLiteral("composer"));
    setAccessibleName(tr("Message"));
    setPlaceholderText(tr("Write a message. Enter sends, Shift+Enter starts a new line."));
    setTabChangesFocus(true);
    m_completer->setModel(m_names);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setWidget(this);
    m_completer->popup()->setObjectName(QStringLiteral("mentionPopup"));
    // Installed after QCompleter's own filter, so it sees keys first: QCompleter lets Tab through, and Tab
    // chooses a name in every chat client.
    m_completer->popup()->installEventFilter(this);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &Composer::complete);
    connect(this, &QPlainTextEdit::textChanged, this, &Composer::updateCompletion);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    // Grows and shrinks with its text (sizeHint); the line count changes also when the width does.
    // Below the most lines it shows, it has room for everything: no scroll bar.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this, [this] {
        setVerticalScrollBarPolicy(lineCount() >= kMaxLines ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
        updateGeometry();
    });
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
    // As tall as what is written, wrapped lines included: from one line up to kMaxLines, then it scrolls.
    return {QPlainTextEdit::sizeHint().width(), heightFor(lineCount())};
}

QSize Composer::minimumSizeHint() const
{
    return {QPlainTextEdit::minimumSizeHint().width(), heightFor(1)};
}

int Composer::lineCount() const
{
    int lines = int(document()->documentLayout()->documentSize().height());
    const int width = viewport()->width() - 2 * int(std::ceil(document()->documentMargin()));
    if (document()->isEmpty() && !placeholderText().isEmpty() && isVisible() && width > 0) {
        // The hint wraps in a narrow window: room for all of it, as for text. (Until shown, the width is not
        // the layout's yet.)
        const QFontMetrics metrics = fontMetrics();
        const int height =
            metrics.boundingRect(QRect(0, 0, width, 10'000), Qt::TextWordWrap, placeholderText()).height();
        lines = std::max(lines, (height + metrics.lineSpacing() - 1) / metrics.lineSpacing());
    }
    return std::clamp(lines, 1, kMaxLines);
}

void Composer::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    if (document()->isEmpty() && event->size().width() != event->oldSize().width())
        updateGeometry(); // the hint may wrap to another number of lines
}

int Composer::heightFor(int lines) const
{
    // The lines, the document's margin above and below, and the frame with whatever the style puts around
    // the viewport.
    const int chrome = 2 * frameWidth() + contentsMargins().top() + contentsMargins().bottom();
    return fontMetrics().lineSpacing() * lines + 2 * int(std::ceil(document()->documentMargin())) + chrome +
           2;
}

void Composer::setCompletionNames(const QStringList &names)
{
    m_names->setStringList(names);
}

QString Composer::mentionPrefix() const
{
    const QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    static const QRegularExpression mention(QStringLiteral("(?:^|[^A-Za-z0-9_.@-])@([A-Za-z0-9_.-]*)$"));
    const auto match = mention.match(before);
    return match.hasMatch() ? match.captured(1) : QString();
}

void Composer::updateCompletion()
{
    const QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    const QString prefix = mentionPrefix();
    if (!before.endsWith(QLatin1Char('@') + prefix) ||
        (prefix.isEmpty() && !before.endsWith(QLatin1Char('@'))) || m_names->rowCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(prefix);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    QRect rect = cursorRect();
    // As wide as the longest name, and never a sliver for short ones.
    const int minimum = fontMetrics().averageCharWidth() * 16;
    rect.setWidth(std::max(minimum, m_completer->popup()->sizeHintForColumn(0) +
                                        m_completer->popup()->verticalScrollBar()->sizeHint().width() +
                                        2 * m_completer->popup()->frameWidth()));
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    m_completer->complete(rect);
}

void Composer::complete(const QString &name)
{
    QTextCursor cursor = textCursor();
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(mentionPrefix().size()));
    cursor.insertText(name + QLatin1Char(' '));
    setTextCursor(cursor);
    m_completer->popup()->hide();
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_completer->popup() && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Tab && m_completer->popup()->currentIndex().isValid()) {
            complete(m_completer->popup()->currentIndex().data().toString());
            return true;
        }
    }
    return QPlainTextEdit::eventFilter(watched, event);
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Tab:
            complete(m_completer->popup()->currentIndex().data().toString());
            event->accept();
            return;
        case Qt::Key_Escape:
            m_completer->popup()->hide();
            event->accept();
            return;
        default:
            break;
        }
    }
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        // Control characters come only from pasting, and the server refuses them: they are left out.
        const QString text = Validation::withoutControlCharacters(toPlainText());
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
    if (event->key() == Qt::Key_Up && event->modifiers() == Qt::NoModifier && toPlainText().isEmpty()) {
        emit editLastRequested();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        emit cancelRequested();
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace Natter::Client
