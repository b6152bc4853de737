// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLockFile>
#include <QString>

namespace Natter::Server {

/// One natterd per database: a lock file beside it (`natterd.sqlite.lock`). Two servers on one file would
/// split the chat in two (each only delivers to its own connections), so the second one must not start.
/// A lock left by a process that died is taken over (QLockFile checks that its owner still runs).
class DatabaseLock {
public:
    explicit DatabaseLock(const QString &databasePath);
    ~DatabaseLock();
    Q_DISABLE_COPY_MOVE(DatabaseLock)

    /// Takes the lock at once or fails with `error` naming the process that holds it.
    bool acquire(QString *error);

private:
    QString m_path;
    QLockFile m_lock;
};

} // namespace Natter::Server
