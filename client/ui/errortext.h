// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocolerror.h"

#include <QCoreApplication>
#include <QUrl>

namespace Natter::Client {

/// Plain words for the server's error codes: what the user sees instead of a code.
class ErrorText {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    static QString describe(const ProtocolError &error, bool offline, const QUrl &server = {});
};

} // namespace Natter::Client
