// SPDX-License-Identifier: GPL-3.0-or-later
#include "systemlimits.h"

#include "logging.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace Natter::Server::SystemLimits {

long raiseOpenFileLimit()
{
#ifndef Q_OS_UNIX
    return -1; // Windows has no such per-process limit on sockets
#else
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    if (limit.rlim_cur < limit.rlim_max) {
        const rlim_t before = limit.rlim_cur;
        limit.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &limit) != 0) {
            qCWarning(lcServer) << "cannot raise the open-file limit above" << before;
            return long(before);
        }
    }
    return long(limit.rlim_cur);
#endif
}

long openFileLimit()
{
#ifndef Q_OS_UNIX
    return -1;
#else
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return -1;
    return long(limit.rlim_cur);
#endif
}

} // namespace Natter::Server::SystemLimits
