// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation.h"

#include "protocollimits.h"

#include <QRegularExpression>
#include <algorithm>

namespace Natter::Validation {

int codePointCount(const QString &text)
{
    int count = 0;
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < size && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

bool hasForbiddenCharacters(const QString &text)
{
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text.at(i);
        if (c.isNull())
            return true;
        if (c.isHighSurrogate()) {
            if (i + 1 >= size || !text.at(i + 1).isLowSurrogate())
                return true;
            ++i;
        } else if (c.isLowSurrogate()) {
            return true;
        }
    }
    return false;
}

bool isValidUsername(const QString &username)
{
    if (username.size() < Limits::usernameMinLength || username.size() > Limits::usernameMaxLength)
        return false;
    for (const QChar c : username) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                        u == '_' || u == '.' || u == '-';
        if (!ok)
            return false;
    }
    return true;
}

bool isValidPassword(const QString &password)
{
    const int length = codePointCount(password);
    return length >= Limits::passwordMinLength && length <= Limits::passwordMaxLength;
}

QString usernameKey(const QString &username)
{
    return username.toLower();
}

namespace {
bool isVisible(char32_t c)
{
    const QChar::Category category = QChar::category(c);
    return !QChar::isSpace(c) && category != QChar::Other_Format && category != QChar::Other_Control;
}

bool isRefusedControl(char32_t c)
{
    return QChar::category(c) == QChar::Other_Control && c != '\t' && c != '\n' && c != '\r';
}

bool anyVisible(const QList<uint> &codePoints)
{
    return std::any_of(codePoints.cbegin(), codePoints.cend(), [](uint c) { return isVisible(c); });
}
} // namespace

bool hasVisibleCharacter(const QString &text)
{
    return anyVisible(text.toUcs4());
}

std::optional<QString> normalizedRoomName(const QString &name)
{
    const QString trimmed = name.trimmed();
    // One conversion serves the length (an unpaired surrogate counts as one, as in codePointCount) and
    // every check of the characters.
    const QList<uint> codePoints = trimmed.toUcs4();
    const qsizetype length = codePoints.size();
    if (length < 1 || length > Limits::roomNameMaxLength || !anyVisible(codePoints))
        return std::nullopt;
    for (const char32_t c : codePoints) {
        // Control characters, and bidirectional embeddings, overrides and isolates, which would turn the
        // text around the name (in the room list, in notifications) backwards.
        if (QChar::category(c) == QChar::Other_Control || (c >= 0x202a && c <= 0x202e) ||
            (c >= 0x2066 && c <= 0x2069))
            return std::nullopt;
    }
    return trimmed;
}

QString normalizedAccessCode(const QString &code)
{
    return code.trimmed().toUpper();
}

bool isWellFormedAccessCode(const QString &normalizedCode)
{
    if (normalizedCode.size() != Limits::accessCodeLength)
        return false;
    const QLatin1String alphabet(accessCodeAlphabet);
    for (const QChar c : normalizedCode) {
        if (!alphabet.contains(c))
            return false;
    }
    return true;
}

QString withoutControlCharacters(const QString &text)
{
    QList<uint> codePoints = text.toUcs4();
    codePoints.removeIf([](uint c) { return isRefusedControl(c); });
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()), codePoints.size());
}

TextCheck checkMessageText(const QString &text)
{
    // Every send and edit comes through here: the text is converted once for all three checks.
    const QList<uint> codePoints = text.toUcs4();
    if (!anyVisible(codePoints))
        return TextCheck::Blank;
    if (codePoints.size() > Limits::messageMaxLength)
        return TextCheck::TooLong;
    if (std::any_of(codePoints.cbegin(), codePoints.cend(), [](uint c) { return isRefusedControl(c); }))
        return TextCheck::Control;
    return TextCheck::Ok;
}

bool isValidReaction(const QString &emoji)
{
    if (emoji.isEmpty() || emoji.size() > Limits::emojiMaxLength)
        return false;
    const QList<uint> codePoints = emoji.toUcs4();
    // It starts with something drawn on its own (not a mark or a joiner)...
    const QChar::Category first = QChar::category(codePoints.first());
    if (first == QChar::Mark_NonSpacing || first == QChar::Mark_Enclosing ||
        first == QChar::Mark_SpacingCombining)
        return false;
    bool pictograph = false;
    for (const uint c : codePoints) {
        switch (QChar::category(c)) {
        case QChar::Symbol_Other:    // pictographs, regional indicators (flags)
        case QChar::Symbol_Modifier: // skin tones
        case QChar::Mark_Enclosing:  // the keycap of 1️⃣
            pictograph = pictograph || c > 0x7f;
            break;
        case QChar::Other_Format:
            // ...and of the invisible characters holds only the joiner of sequences and the tags of
            // subdivision flags: no bidirectional overrides, zero-width spaces or byte-order marks.
            if (c != 0x200d && !(c >= 0xe0020 && c <= 0xe007f))
                return false;
            break;
        case QChar::Other_Control:
        case QChar::Other_PrivateUse:
        case QChar::Other_NotAssigned:
        case QChar::Other_Surrogate:
        case QChar::Separator_Space:
        case QChar::Separator_Line:
        case QChar::Separator_Paragraph:
            return false;
        default:
            break;
        }
    }
    return pictograph; // at least one emoji: not a word with an accent
}

QStringList mentionedKeys(const QString &text)
{
    // After the start or a character that cannot be part of a name or an e-mail address.
    static const QRegularExpression mention(QStringLiteral("(?<![A-Za-z0-9_.@-])@([A-Za-z0-9_.-]{3,32})"));
    QStringList keys;
    for (auto match = mention.globalMatch(text); match.hasNext();) {
        QString name = match.next().captured(1);
        for (;;) {
            if (isValidUsername(name) && !keys.contains(usernameKey(name)))
                keys.append(usernameKey(name));
            if (!name.endsWith(QLatin1Char('.')) && !name.endsWith(QLatin1Char('-')))
                break;
            name.chop(1);
        }
    }
    return keys;
}

} // namespace Natter::Validation
