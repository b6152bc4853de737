// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratelimiters.h"

#include "serverconfig.h"

namespace Natter::Server {

RateLimiters::RateLimiters(const ServerConfig &config)
    : login(config.loginLimit)
    , loginAccount(config.loginAccountLimit)
    , registration(config.registerLimit)
    , join(config.joinLimit)
    , joinFailure(config.joinFailureLimit)
    , joinGlobal(config.joinGlobalLimit)
    , send(config.sendLimit)
    , history(config.historyLimit)
    , createRoom(config.createRoomLimit)
    , typing(config.typingLimit)
    , read(config.readLimit)
    , search(config.searchLimit)
{}

} // namespace Natter::Server
