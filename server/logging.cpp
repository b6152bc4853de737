// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

Q_LOGGING_CATEGORY(lcNet, "natter.server.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "natter.server.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "natter.server.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServer, "natter.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecurity, "natter.server.security", QtInfoMsg)
