// SPDX-License-Identifier: GPL-3.0-or-later
#include "databaselock.h"

#include <QFile>
#include <QFileInfo>

namespace Natter::Server {

DatabaseLock::DatabaseLock(const QString &databasePath)
    // The real file's name: two paths to one database (a symbolic link) must meet at one lock.
    : m_path((QFileInfo(databasePath).canonicalFilePath().isEmpty()
                  ? databasePath
                  : QFileInfo(databasePath).canonicalFilePath()) +
             QStringLiteral(".lock"))
    , m_lock(m_path)
{
    // Never stale by age: a natterd that runs for months still holds its lock. A dead owner is detected.
    m_lock.setStaleLockTime(0);
}

DatabaseLock::~DatabaseLock()
{
    if (m_lock.isLocked())
        m_lock.unlock();
}

bool DatabaseLock::acquire(QString *error)
{
    if (m_lock.tryLock(0)) {
        QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
        return true;
    }
    qint64 pid = 0;
    QString host;
    QString application;
    switch (m_lock.error()) {
    case QLockFile::LockFailedError:
        if (m_lock.getLockInfo(&pid, &host, &application)) {
            *error = QStringLiteral("the database is in use by another natterd (process %1 on %2); "
                                    "run one natterd per database (lock: %3)")
                         .arg(pid)
                         .arg(host, m_path);
        } else {
            *error = QStringLiteral("the database is in use by another natterd (lock: %1)").arg(m_path);
        }
        return false;
    case QLockFile::PermissionError:
        *error = QStringLiteral("cannot create the lock file %1: permission denied").arg(m_path);
        return false;
    default:
        *error = QStringLiteral("cannot create the lock file %1").arg(m_path);
        return false;
    }
}

} // namespace Natter::Server
