// SPDX-License-Identifier: GPL-3.0-or-later
#include "palettes.h"

#include <QColor>

namespace Natter::Client::Palettes {

QPalette dark()
{
    const QColor window(0x2b, 0x2b, 0x2e);
    const QColor base(0x1e, 0x1e, 0x21);
    const QColor text(0xe8, 0xe8, 0xea);
    const QColor disabledText(0x80, 0x80, 0x86);
    const QColor highlight(0x3d, 0x7a, 0xd6);

    QPalette palette;
    for (const auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const bool disabled = group == QPalette::Disabled;
        palette.setColor(group, QPalette::Window, window);
        palette.setColor(group, QPalette::WindowText, disabled ? disabledText : text);
        palette.setColor(group, QPalette::Base, disabled ? window : base);
        palette.setColor(group, QPalette::AlternateBase, QColor(0x26, 0x26, 0x2a));
        palette.setColor(group, QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3e));
        palette.setColor(group, QPalette::ToolTipText, text);
        palette.setColor(group, QPalette::PlaceholderText, QColor(0x8e, 0x8e, 0x94));
        palette.setColor(group, QPalette::Text, disabled ? disabledText : text);
        palette.setColor(group, QPalette::Button, QColor(0x35, 0x35, 0x39));
        palette.setColor(group, QPalette::ButtonText, disabled ? disabledText : text);
        palette.setColor(group, QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
        palette.setColor(group, QPalette::Light, QColor(0x4a, 0x4a, 0x4f));
        palette.setColor(group, QPalette::Midlight, QColor(0x3e, 0x3e, 0x43));
        palette.setColor(group, QPalette::Mid, QColor(0x2f, 0x2f, 0x33));
        palette.setColor(group, QPalette::Dark, QColor(0x18, 0x18, 0x1a));
        palette.setColor(group, QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d));
        palette.setColor(group, QPalette::Highlight, disabled ? QColor(0x48, 0x48, 0x4d) : highlight);
        palette.setColor(group, QPalette::HighlightedText, disabled ? disabledText : QColor(Qt::white));
        palette.setColor(group, QPalette::Link, QColor(0x6c, 0xb6, 0xff));
        palette.setColor(group, QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xff));
    }
    return palette;
}

} // namespace Natter::Client::Palettes
