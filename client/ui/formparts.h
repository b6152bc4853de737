// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QDialog;
class QLabel;
class QLayout;
class QWidget;

namespace Natter::Client::FormParts {

/// The least width of the small dialogs (join, new room, settings, password).
inline constexpr int kDialogWidth = 400;

/// A page heading: the body font, larger and bold.
QLabel *title(const QString &text, QWidget *parent);
/// Gives `widget` the application's font `factor` times larger (bold if asked), and again whenever the
/// application's font changes (Preferences → Text size): a font set on a widget keeps its size otherwise.
void scaleFont(QWidget *widget, qreal factor, bool bold);
/// The inline error of a form: named "error", wrapped, in the error colour, hidden until set.
QLabel *errorLabel(const QString &accessibleName, QWidget *parent);
/// A link-styled label that works with mouse and keyboard; connect to its linkActivated().
QLabel *link(const QString &text, const QString &objectName, QWidget *parent);
/// Sets a status label's text and says it to screen readers too: a label with an accessible name (what it
/// is, e.g. "Connection") otherwise exposes only that name, not its state.
void setStatus(QLabel *label, const QString &text);
/// Changes the text of a link() label (a new language).
void setLinkText(QLabel *link, const QString &text);
/// Runs a modal dialog over `window` and gives the window the activation back: window managers do that
/// when a dialog closes, but without one (kiosk sessions, Xvfb, offscreen) nobody does, and the window's
/// shortcuts would stop working. Returns the dialog's result.
int runModal(QDialog &dialog, QWidget *window);
/// Lays `content` out in a column of comfortable width, centred on `page`, a little above the middle.
void centre(QWidget *page, QLayout *content);

} // namespace Natter::Client::FormParts
