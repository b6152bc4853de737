// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace Natter::Validation {

/// The characters access codes are made of: no 0/O, 1/I/l, so a code read aloud or copied by hand survives.
inline constexpr char accessCodeAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// Number of Unicode code points (a surrogate pair counts once).
int codePointCount(const QString &text);
/// True when the text holds U+0000 or a surrogate that is not half of a pair: text no client should send,
/// that SQLite, terminals and other clients each treat differently.
bool hasForbiddenCharacters(const QString &text);

/// 3-32 characters of A-Z a-z 0-9 _ . -
bool isValidUsername(const QString &username);
/// 8-1024 code points.
bool isValidPassword(const QString &password);
/// The key under which usernames are unique and matched: case folded.
QString usernameKey(const QString &username);

/// The name trimmed when it is 1-64 code points after trimming, shows something, and holds no control
/// characters or bidirectional overrides; nullopt otherwise.
std::optional<QString> normalizedRoomName(const QString &name);
/// Whether the text holds anything but white space and invisible format or control characters.
bool hasVisibleCharacter(const QString &text);

/// Trimmed and upper-cased; codes are matched without regard to case.
QString normalizedAccessCode(const QString &code);
/// True when a normalized code has the right length and alphabet.
bool isWellFormedAccessCode(const QString &normalizedCode);

/// A reaction: 1 to 16 UTF-16 units, no white space or control characters, at least one beyond ASCII.
bool isValidReaction(const QString &emoji);

/// The usernames a text names as @username, as username keys, each once. "@bob." names "bob." and "bob"
/// (a name may end in a dot, a sentence too): the caller keeps the ones that are members.
QStringList mentionedKeys(const QString &text);

enum class TextCheck { Ok, Blank, TooLong, Control };
/// Message text: something visible (not only white space or invisible format characters), at most 4000
/// code points, no control characters but tab and line breaks (U+0002/U+0003 mark search matches).
TextCheck checkMessageText(const QString &text);
/// The text without the control characters checkMessageText refuses.
QString withoutControlCharacters(const QString &text);

} // namespace Natter::Validation
