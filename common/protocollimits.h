// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Natter::Limits {

inline constexpr int protocolVersion = 1;

inline constexpr int usernameMinLength = 3;
inline constexpr int usernameMaxLength = 32;
inline constexpr int passwordMinLength = 8;
inline constexpr int passwordMaxLength = 1024;
inline constexpr int roomNameMaxLength = 64;
inline constexpr int messageMaxLength = 4000; // Unicode code points
inline constexpr int clientIdMaxLength = 64;
inline constexpr int historyDefaultLimit = 50;
inline constexpr int historyMaxLimit = 200;
inline constexpr int accessCodeLength = 10;
inline constexpr int tokenBytes = 32;
inline constexpr int quoteExcerptLength = 100;    // code points of the answered message a reply carries
inline constexpr int maxReactionsPerMessage = 20; // distinct emoji on one message
inline constexpr int emojiMaxLength = 16;         // UTF-16 units of one reaction (long ZWJ sequences fit)
inline constexpr int typingExpiryMs = 6000;       // a typing indication without renewal ends after this
inline constexpr int unreadCountCap = 1000;       // list_rooms counts unread messages up to this
inline constexpr int searchQueryMaxLength = 200;  // code points
inline constexpr int searchDefaultLimit = 20;
inline constexpr int searchMaxLimit = 50;

/// Largest incoming WebSocket frame or message; larger ones close the connection with 1009.
inline constexpr quint64 maxIncomingBytes = 64 * 1024;

} // namespace Natter::Limits
