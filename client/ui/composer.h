// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>

namespace Natter::Client {

/// Where messages are written: Enter sends, Shift+Enter starts a new line. Text over the limit is kept
/// but not sent.
class Composer : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

    /// Unicode code points written so far.
    int length() const;
    bool isOverLimit() const;
    QSize sizeHint() const override;

signals:
    void submitted(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace Natter::Client
