// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

namespace Natter::Client {

/// A one-line label that gives way in a narrow window: it draws its text cut short with "…" to the width
/// it gets, and asks for little more than the "…". text() (and so screen readers) keep the whole text.
/// Plain text only, not selectable.
class ElidingLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidingLabel(QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;
    /// What is drawn at the present width.
    QString shownText() const;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace Natter::Client
