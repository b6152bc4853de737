// SPDX-License-Identifier: GPL-3.0-or-later
#include "emoji.h"

#include <QFontDatabase>
#include <QList>
#include <QStringList>
#include <algorithm>
#include <iterator>

namespace Natter::Client::Emoji {

namespace {
/// Drawn as emoji on their own (Unicode's Emoji_Presentation, roughly): pictographs and the few older
/// symbols that are emoji by default.
bool isEmojiBase(char32_t c)
{
    static constexpr char32_t byDefault[] = {
        0x231A, 0x231B, 0x23E9, 0x23EA, 0x23EB, 0x23EC, 0x23F0, 0x23F3, 0x25FD, 0x25FE, 0x2614, 0x2615,
        0x267F, 0x2693, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26D4, 0x26EA,
        0x26F2, 0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A, 0x270B, 0x2728, 0x274C, 0x274E, 0x2753,
        0x2754, 0x2755, 0x2757, 0x2795, 0x2796, 0x2797, 0x27B0, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B55};
    return (c >= 0x1F000 && c <= 0x1FAFF) || // pictographs, emoticons, transport, flags' regional letters…
           (c >= 0x2648 && c <= 0x2653) ||   // the zodiac
           std::binary_search(std::begin(byDefault), std::end(byDefault), c);
}

/// A symbol that is an emoji when variation selector 16 follows it (❤️, ☀️, ✔️).
bool isSymbol(char32_t c)
{
    return (c >= 0x2190 && c <= 0x2BFF) || c == 0x00A9 || c == 0x00AE || c == 0x203C || c == 0x2049 ||
           c == 0x2122 || c == 0x2139 || c == 0x3030 || c == 0x303D || c == 0x3297 || c == 0x3299;
}

/// What continues an emoji: the variation selector, the zero-width joiner, skin tones, the keycap, tags.
bool continuesEmoji(char32_t c)
{
    return c == 0xFE0F || c == 0x200D || c == 0x20E3 || (c >= 0x1F3FB && c <= 0x1F3FF) ||
           (c >= 0xE0020 && c <= 0xE007F);
}

/// The emoji runs of `text`: [start, end) in code points.
template <typename Each>
void forEachRun(const QList<uint> &points, Each each)
{
    qsizetype i = 0;
    while (i < points.size()) {
        const char32_t c = points.at(i);
        const bool next16 = i + 1 < points.size() && points.at(i + 1) == 0xFE0F;
        if (!isEmojiBase(c) && !(isSymbol(c) && next16)) {
            ++i;
            continue;
        }
        const qsizetype start = i++;
        while (i < points.size()) {
            const char32_t d = points.at(i);
            if (continuesEmoji(d)) {
                ++i;
            } else if (points.at(i - 1) == 0x200D && (isEmojiBase(d) || isSymbol(d))) {
                ++i; // joined: 👩‍💻, ❤️‍🔥
            } else if (isEmojiBase(d)) {
                ++i; // several in a row go in one span
            } else {
                break;
            }
        }
        each(start, i);
    }
}
} // namespace

QString colourFamily()
{
    static const QString family = [] {
        const QStringList installed = QFontDatabase::families();
        for (const QString &candidate :
             {QStringLiteral("Noto Color Emoji"), QStringLiteral("Twemoji"), QStringLiteral("Segoe UI Emoji"),
              QStringLiteral("Apple Color Emoji")}) {
            if (installed.contains(candidate))
                return candidate;
        }
        return QString();
    }();
    return family;
}

bool contains(const QString &text)
{
    bool found = false;
    forEachRun(text.toUcs4(), [&found](qsizetype, qsizetype) { found = true; });
    return found;
}

QString markUp(const QString &html)
{
    const QString family = colourFamily();
    if (family.isEmpty())
        return html;
    const QList<uint> points = html.toUcs4();
    QString result;
    qsizetype done = 0;
    const auto text = [&points](qsizetype from, qsizetype to) {
        return QString::fromUcs4(reinterpret_cast<const char32_t *>(points.constData()) + from, to - from);
    };
    forEachRun(points, [&](qsizetype start, qsizetype end) {
        result += text(done, start);
        result += QStringLiteral("<span style=\"font-family: '%1'\">%2</span>").arg(family, text(start, end));
        done = end;
    });
    result += text(done, points.size());
    return result;
}

QFont font(const QFont &base)
{
    const QString family = colourFamily();
    if (family.isEmpty())
        return base;
    QFont font = base;
    font.setFamilies(QStringList{family} + base.families() + QStringList{base.family()});
    return font;
}

} // namespace Natter::Client::Emoji
