// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProxyStyle>

namespace Natter::Client {

/// Fusion, for the themes Natter chooses itself (Preferences → Theme: light or dark), with what Fusion gets
/// wrong on a dark palette put right: check box and radio button outlines drawn a shade darker than the
/// window (invisible on a dark one), and the black icons of dialog buttons (Close, OK) on grey: none, in
/// either theme.
class ThemeStyle : public QProxyStyle {
    Q_OBJECT

public:
    ThemeStyle();

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
    using QProxyStyle::polish;
    void polish(QWidget *widget) override;
    int styleHint(StyleHint hint, const QStyleOption *option = nullptr, const QWidget *widget = nullptr,
                  QStyleHintReturn *returnData = nullptr) const override;

    /// The outline of a check box or radio button on `palette`: at least 3:1 against the window (WCAG's
    /// least contrast for the edge of a control).
    static QColor indicatorOutline(const QPalette &palette);
};

} // namespace Natter::Client
