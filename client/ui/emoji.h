// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QString>

namespace Natter::Client::Emoji {

/// The colour emoji font installed (Noto Color Emoji, Twemoji, Segoe UI Emoji, Apple Color Emoji), or empty.
/// Qt 6.4 picks a font per character by family order, and the usual text fonts have black-and-white
/// glyphs for ❤ and ☀: emoji are drawn in this font explicitly.
QString colourFamily();
/// `html` (already escaped text) with each run of emoji wrapped in a span of the colour emoji font; as it
/// was when no such font is installed.
QString markUp(const QString &html);
/// Whether `text` has an emoji in it.
bool contains(const QString &text);
/// `base` drawing emoji in colour where a colour font is installed (for text that is painted, not HTML).
QFont font(const QFont &base);

} // namespace Natter::Client::Emoji
