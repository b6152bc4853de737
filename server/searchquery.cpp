// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchquery.h"

#include "validation.h"

#include <QRegularExpression>
#include <QStringList>
#include <algorithm>

namespace Natter::Server::SearchQuery {

namespace {
constexpr int kShortestPrefix = 3;

// The words that can match: a word of nothing but punctuation is dropped by both tokenizers and would be an
// empty phrase.
QStringList searchableWords(const QString &text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QStringList words = text.split(space, Qt::SkipEmptyParts);
    words.removeIf([](const QString &word) {
        return std::none_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); });
    });
    return words;
}

// A prefix of one or two letters begins thousands of words, and FTS5 merges all their entries before the
// first row: measured at 100-330 ms over a million messages. From three letters on it is cheap.
bool searchAsPrefix(const QString &word)
{
    return Validation::codePointCount(word) >= kShortestPrefix;
}
} // namespace

QString fromUserText(const QString &text)
{
    QStringList words = searchableWords(text);
    if (words.isEmpty())
        return {};
    const bool prefix = searchAsPrefix(words.last());
    for (QString &word : words)
        word = QLatin1Char('"') + word.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    if (prefix)
        words.last() += QLatin1Char('*');
    return words.join(QLatin1Char(' '));
}

QString toTsQuery(const QString &text)
{
    QStringList words = searchableWords(text);
    if (words.isEmpty())
        return {};
    const bool prefix = searchAsPrefix(words.last());
    for (QString &word : words) {
        word = QLatin1Char('\'') +
               word.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
                   .replace(QLatin1Char('\''), QStringLiteral("''")) +
               QLatin1Char('\'');
    }
    if (prefix)
        words.last() += QStringLiteral(":*");
    return words.join(QStringLiteral(" & "));
}

} // namespace Natter::Server::SearchQuery
