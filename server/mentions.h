// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "user.h"

#include <QList>
#include <functional>

namespace Natter::Server::Mentions {

/// The ids of the members a text names as @username (without regard to case), in the order of `members`.
QList<qint64> resolve(const QList<User> &members, const QString &text);
/// The same, reading the members only when the text could name anyone (it has an "@"): for a room of a
/// thousand, reading them is most of the cost of storing a message.
QList<qint64> resolve(const std::function<QList<User>()> &members, const QString &text);

} // namespace Natter::Server::Mentions
