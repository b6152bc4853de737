// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Natter::Server::SearchQuery {

/// The FTS5 query for what a user typed: every word must occur, the last one, when it has three letters
/// or more, also as the start of a word (so results come while typing). Each word is quoted, so no input is
/// FTS5 syntax or can make the query fail. Empty when the text has no word (only white space or punctuation).
QString fromUserText(const QString &text);

/// The same for PostgreSQL: a to_tsquery() text of the same words, each quoted, joined by `&`, the last one
/// of three letters or more with `:*`. Empty when the text has no word.
QString toTsQuery(const QString &text);

} // namespace Natter::Server::SearchQuery
