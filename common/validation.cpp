// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation.h"

#include "protocollimits.h"

#include <QRegularExpression>

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

std::optional<QString> normalizedRoomName(const QString &name)
{
    const QString trimmed = name.trimmed();
    const int length = codePointCount(trimmed);
    if (length < 1 || length > Limits::roomNameMaxLength)
        return std::nullopt;
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

TextCheck checkMessageText(const QString &text)
{
    if (text.trimmed().isEmpty())
        return TextCheck::Blank;
    if (codePointCount(text) > Limits::messageMaxLength)
        return TextCheck::TooLong;
    return TextCheck::Ok;
}

bool isValidReaction(const QString &emoji)
{
    if (emoji.isEmpty() || emoji.size() > Limits::emojiMaxLength)
        return false;
    bool beyondAscii = false;
    for (const QChar c : emoji) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return false;
        beyondAscii = beyondAscii || c.unicode() > 0x7f;
    }
    return beyondAscii;
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
