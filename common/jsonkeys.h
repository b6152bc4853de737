// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1String>

/// The field names of protocol v1 that more than one object, reply or event uses, written once.
namespace Natter::JsonKeys {

inline constexpr QLatin1String type{"type"};
inline constexpr QLatin1String id{"id"};
inline constexpr QLatin1String room{"room"};
inline constexpr QLatin1String rooms{"rooms"};
inline constexpr QLatin1String user{"user"};
inline constexpr QLatin1String online{"online"};
inline constexpr QLatin1String token{"token"};
inline constexpr QLatin1String message{"message"};
inline constexpr QLatin1String messages{"messages"};
inline constexpr QLatin1String more{"more"};
inline constexpr QLatin1String author{"author"};
inline constexpr QLatin1String deleted{"deleted"};
inline constexpr QLatin1String read{"read"};
inline constexpr QLatin1String unread{"unread"};
inline constexpr QLatin1String name{"name"};
inline constexpr QLatin1String code{"code"};

} // namespace Natter::JsonKeys
