// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation.h"

#include "protocollimits.h"

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

} // namespace Natter::Validation
