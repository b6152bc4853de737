// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchquery.h"

#include <QRegularExpression>
#include <QStringList>
#include <algorithm>

namespace Natter::Server::SearchQuery {

QString fromUserText(const QString &text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QStringList words;
    for (const QString &word : text.split(space, Qt::SkipEmptyParts)) {
        // The tokenizer drops punctuation; a word of nothing else would be an empty phrase.
        if (std::none_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
            continue;
        words.append(QLatin1Char('"') + QString(word).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                     QLatin1Char('"'));
    }
    if (words.isEmpty())
        return {};
    words.last() += QLatin1Char('*');
    return words.join(QLatin1Char(' '));
}

} // namespace Natter::Server::SearchQuery
