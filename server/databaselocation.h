// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace Natter::Server {

/// Where natterd keeps its data: an SQLite file (the default, embedded) or a PostgreSQL database that
/// several instances can share. Read from `--database` / `[server] database`:
/// - a path, or `sqlite:PATH`: SQLite;
/// - `postgresql://USER@HOST:PORT/DBNAME` (also `postgres://`), with optional `?host=/socket/dir` and the
///   libpq settings listed in docs/operations.md. A password is never part of the URL, which can end up in a
///   shell history or a process list: libpq reads it from a PGPASSFILE, or `[server] database_password`.
struct DatabaseLocation {
    enum class Kind { SQLite, PostgreSQL };
    Kind kind = Kind::SQLite;
    QString path; // SQLite
    // PostgreSQL; empty host: libpq's default (its Unix socket), a host starting with '/': a socket directory
    QString host;
    static constexpr int kDefaultPort = 5432;
    int port = kDefaultPort;
    QString user;
    QString name;
    QString password;       // empty: libpq's own sources (PGPASSFILE, ~/.pgpass)
    QString connectOptions; // libpq settings for QPSQL, "key=value;key=value"

    static DatabaseLocation sqlite(const QString &path);
    /// `text` as above; std::nullopt with `error` for a URL natterd cannot use.
    static std::optional<DatabaseLocation> parse(const QString &text, QString *error);

    bool isPostgres() const { return kind == Kind::PostgreSQL; }
    /// For logs and errors: the path, or the URL without any password.
    QString display() const;
};

} // namespace Natter::Server
