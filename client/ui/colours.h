// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>

class QPainter;
class QStyleOptionViewItem;
class QWidget;

namespace Natter::Client::Colours {

/// The colours the palette has no role for, chosen to read well on its background: light or dark.
enum class Role { Error, Online, Attention };

bool isDark(const QPalette &palette);
QColor of(Role role, const QPalette &palette);
/// A user's colour: stable (from the name, the same on every device and run) and readable on the palette's
/// base colour. For avatars and author names.
QColor forName(const QString &name, const QPalette &palette);
/// The tint behind a message that names the user.
QColor mention(const QPalette &palette);
/// Outlines the row that has the keyboard focus (keyboard users must see where they are), in a colour that
/// stands out on the row whether it is selected or not.
void paintFocus(QPainter *painter, const QStyleOptionViewItem &option);
/// WCAG contrast ratio of two colours (1 to 21). Public for tests.
double contrast(const QColor &a, const QColor &b);
/// Draws `widget`'s text in `role`'s colour, and again whenever its palette changes (a new theme).
void follow(QWidget *widget, Role role);

} // namespace Natter::Client::Colours
