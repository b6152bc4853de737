// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocolerror.h"
#include "servercontext.h"

#include <variant>

namespace Natter::Server {

/// What a write job gives back: its result, committed to disk; or the error to answer, with everything the
/// job wrote rolled back. A transaction that fails to commit arrives as internal_error.
template <typename T>
using Written = std::variant<T, ProtocolError>;

/// The result of a write that has nothing to give back but that it happened.
struct Committed {};

/// Committed when the storage calls succeeded, else internal_error (and the job is rolled back).
inline Written<Committed> committedIf(bool succeeded)
{
    if (succeeded)
        return Committed{};
    return Errors::internal();
}

} // namespace Natter::Server
