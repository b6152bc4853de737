// SPDX-License-Identifier: GPL-3.0-or-later
#include "databaselocation.h"

#include <QRegularExpression>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace Natter::Server {

namespace {
// The libpq settings a URL may carry besides host: TLS to the database server and time-outs. Anything else
// is refused rather than passed on unread, so that a typo is an error and not a silent default.
const QStringList kPassedOn = {QStringLiteral("sslmode"),          QStringLiteral("sslrootcert"),
                               QStringLiteral("sslcert"),          QStringLiteral("sslkey"),
                               QStringLiteral("sslcrl"),           QStringLiteral("connect_timeout"),
                               QStringLiteral("application_name"), QStringLiteral("target_session_attrs")};
} // namespace

DatabaseLocation DatabaseLocation::sqlite(const QString &path)
{
    DatabaseLocation location;
    location.path = path;
    return location;
}

std::optional<DatabaseLocation> DatabaseLocation::parse(const QString &text, QString *error)
{
    if (text.startsWith(QLatin1String("sqlite:"))) {
        if (text.size() == 7) {
            *error = QStringLiteral("sqlite: needs a path after it");
            return std::nullopt;
        }
        return sqlite(text.mid(7));
    }
    static const QRegularExpression postgresScheme(QStringLiteral("^postgres(ql)?:"));
    if (postgresScheme.match(text).hasMatch() && !text.startsWith(QLatin1String("postgresql://")) &&
        !text.startsWith(QLatin1String("postgres://"))) {
        // A mistyped URL must not become an SQLite file named "postgresql:…".
        *error =
            QStringLiteral("a PostgreSQL database is postgresql://USER@HOST:PORT/DBNAME, not %1").arg(text);
        return std::nullopt;
    }
    if (!text.startsWith(QLatin1String("postgresql://")) && !text.startsWith(QLatin1String("postgres://"))) {
        if (text.contains(QLatin1String("://"))) {
            *error = QStringLiteral("the database must be a file path, sqlite:PATH or postgresql://…, not %1")
                         .arg(QUrl(text).scheme());
            return std::nullopt;
        }
        return sqlite(text);
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        *error = QStringLiteral("the database URL is not valid: %1").arg(url.errorString());
        return std::nullopt;
    }
    if (!url.password().isEmpty()) {
        *error =
            QStringLiteral("the database URL must not hold a password (it would show in process lists and "
                           "logs): put it in a PGPASSFILE or in [server] database_password");
        return std::nullopt;
    }
    DatabaseLocation location;
    location.kind = Kind::PostgreSQL;
    location.user = url.userName();
    location.host = url.host();
    location.port = url.port(kDefaultPort);
    location.name = url.path().mid(1);
    if (location.name.isEmpty() || location.name.contains(QLatin1Char('/'))) {
        *error =
            QStringLiteral("the database URL must name one database: postgresql://USER@HOST:PORT/DBNAME");
        return std::nullopt;
    }
    QStringList options;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key == QLatin1String("host")) {
            if (!location.host.isEmpty() || !value.startsWith(QLatin1Char('/'))) {
                *error = QStringLiteral("?host= in the database URL is for a socket directory (an absolute "
                                        "path) when the URL names no host");
                return std::nullopt;
            }
            location.host = value;
        } else if (kPassedOn.contains(key)) {
            // QPSQL pastes these into libpq's connection string as they are: a value with white space, a
            // quote, a backslash or a semicolon could add settings of its own (sslmode=disable).
            static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:@+-]+$"));
            if (!plain.match(value).hasMatch()) {
                *error = QStringLiteral("the database URL's %1 must be a plain value (letters, digits and "
                                        "_./:@+-), not \"%2\"")
                             .arg(key, value);
                return std::nullopt;
            }
            options.append(key + QLatin1Char('=') + value);
        } else {
            *error =
                QStringLiteral("the database URL has a setting natterd does not pass on: %1 (known: host, "
                               "%2)")
                    .arg(key, kPassedOn.join(QLatin1String(", ")));
            return std::nullopt;
        }
    }
    location.connectOptions = options.join(QLatin1Char(';'));
    return location;
}

QString DatabaseLocation::display() const
{
    if (!isPostgres())
        return path;
    QString text = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        text += user + QLatin1Char('@');
    const bool socket = host.startsWith(QLatin1Char('/'));
    if (!socket)
        text += host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    if (port != kDefaultPort) // the default port (also what a URL without one gets) is left out
        text += QStringLiteral(":%1").arg(port);
    text += QLatin1Char('/') + name;
    if (socket)
        text += QStringLiteral("?host=") + host;
    return text;
}

} // namespace Natter::Server
