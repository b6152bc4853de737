// SPDX-License-Identifier: GPL-3.0-or-later
#include "privatedirectory.h"

#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace Natter::Server {

bool makePrivateDirectory(const QString &path)
{
    // QDir::mkpath() would give the parents it makes the umask's mode; one mkdir() each gives them 0700.
    QStringList missing;
    for (QString dir = QDir::cleanPath(QFileInfo(path).absoluteFilePath()); !QFileInfo::exists(dir);) {
        missing.prepend(dir);
        const QString parent = QFileInfo(dir).absolutePath();
        if (parent == dir)
            return false;
        dir = parent;
    }
    constexpr QFile::Permissions kOwnerOnly = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
    for (const QString &dir : missing) {
        if (!QDir().mkdir(dir, kOwnerOnly) && !QFileInfo(dir).isDir())
            return false;
    }
    return QFileInfo(path).isDir();
}

} // namespace Natter::Server
