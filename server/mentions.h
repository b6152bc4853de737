// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "user.h"

#include <QList>

namespace Natter::Server::Mentions {

/// The ids of the members a text names as @username (without regard to case), in the order of `members`.
QList<qint64> resolve(const QList<User> &members, const QString &text);

} // namespace Natter::Server::Mentions
