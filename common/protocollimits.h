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

/// Largest incoming WebSocket frame or message; larger ones close the connection with 1009.
inline constexpr quint64 maxIncomingBytes = 64 * 1024;

} // namespace Natter::Limits
