// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connection.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace Natter::Bench {

/// Many client connections in one thread on one epoll set: the load generator's whole network side. Kept
/// free of Qt so that the generator's own cost per frame is small next to the server's.
class Loop {
public:
    struct Handler {
        virtual ~Handler() = default;
        virtual void opened(Connection &) {}
        virtual void text(Connection &, std::string_view) {}
        virtual void closed(Connection &) {}
    };

    Loop(std::string host, int port);
    ~Loop();
    Loop(const Loop &) = delete;
    Loop &operator=(const Loop &) = delete;

    void setHandler(Handler *handler) { m_handler = handler; }
    /// Starts connecting; the handler's opened() follows the WebSocket handshake.
    Connection &connect();
    /// Sends one text frame now, or as soon as the socket takes it.
    void send(Connection &connection, std::string_view text);
    /// Stops or resumes reading the socket (what the server sends then waits in the kernel, then in natterd).
    void setReading(Connection &connection, bool reading);
    void close(Connection &connection);
    void closeAll();

    /// Serves the sockets until `done()` holds (checked after every batch of events) or `deadline` (a now()
    /// value) passes. `tick(now)` runs every iteration and returns when it wants to run next (0: no wish).
    /// False on the deadline.
    bool run(int64_t deadline, const std::function<bool()> &done,
             const std::function<int64_t(int64_t)> &tick = {});

    std::vector<std::unique_ptr<Connection>> &connections() { return m_connections; }
    /// CLOCK_MONOTONIC in nanoseconds.
    static int64_t now();

    uint64_t framesIn() const { return m_framesIn; }
    uint64_t bytesIn() const { return m_bytesIn; }
    int failedConnections() const { return m_failed; }

private:
    void readable(Connection &connection);
    void writable(Connection &connection);
    void flush(Connection &connection);
    void updateInterest(Connection &connection);
    std::size_t parseFrames(Connection &connection, const char *data, std::size_t size);
    bool finishUpgrade(Connection &connection);
    uint32_t nextMask();

    std::string m_host;
    int m_port;
    int m_epoll = -1;
    Handler *m_handler = nullptr;
    std::vector<std::unique_ptr<Connection>> m_connections;
    std::unique_ptr<char[]> m_scratch;
    uint64_t m_framesIn = 0;
    uint64_t m_bytesIn = 0;
    uint64_t m_maskState = 0x9e3779b97f4a7c15ULL;
    int m_failed = 0;
};

} // namespace Natter::Bench
