// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>

class QCompleter;
class QStringListModel;

namespace Natter::Client {

/// Where messages are written: Enter sends, Shift+Enter starts a new line. Text over the limit is kept
/// but not sent. Typing @ offers the room's members' names; Up in an empty composer asks to edit the last
/// own message, Escape to cancel a reply or an edit.
class Composer : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

    /// Unicode code points written so far.
    int length() const;
    bool isOverLimit() const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    /// The names @ completes (the room's members).
    void setCompletionNames(const QStringList &names);
    QCompleter *completer() const { return m_completer; }

signals:
    void submitted(const QString &text);
    void editLastRequested();
    void cancelRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    /// The lines of text, wrapped ones included, up to the most it grows to.
    int lineCount() const;
    int heightFor(int lines) const;
    /// The "@name" being typed just before the cursor, without the @; empty when there is none.
    QString mentionPrefix() const;
    void complete(const QString &name);
    void updateCompletion();

    QCompleter *m_completer;
    QStringListModel *m_names;
};

} // namespace Natter::Client
