// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requests.h"
#include "responder.h"
#include "servercontext.h"

namespace Natter::Server {

class ClientConnection;

/// search: full-text search over the messages of the user's rooms, with SQLite FTS5.
class SearchHandler {
public:
    explicit SearchHandler(ServerContext &context);

    void handle(ClientConnection *connection, const Responder &reply, const SearchRequest &request);

private:
    ServerContext &m_context;
};

} // namespace Natter::Server
