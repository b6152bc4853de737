// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "histogram.h"
#include "loop.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace Natter::Bench {

/// The protocol side of the generator: sets up users and rooms through the server's own requests, counts
/// what arrives and measures message latency from the time each message was *scheduled* to be sent, so
/// that a server which falls behind shows its whole backlog (no coordinated omission).
class Session : public Loop::Handler {
public:
    Session(Loop &loop, std::string runTag);

    using Make = std::function<std::string(Connection &, int64_t id)>;
    using Done = std::function<void(Connection &, bool ok, std::string_view reply)>;

    /// Opens `count` more connections, at most `window` handshakes at a time, and waits for each hello.
    /// Returns the connections that got one.
    std::vector<Connection *> open(int count, int window, double timeoutSeconds);
    /// Sends one request (made by `make`) on each connection, at most `window` unanswered at a time, calls
    /// `done` with each reply; true when every one was answered `ok` within the time.
    bool phase(const std::vector<Connection *> &connections, const Make &make, const Done &done, int window,
               double timeoutSeconds);
    /// Registers a fresh user on each connection.
    bool registerUsers(const std::vector<Connection *> &connections, int window);
    /// `owner` creates a room that every one of `members` then joins by its code.
    bool makeRoom(Connection &owner, const std::vector<Connection *> &members, int window);
    /// Serves the sockets for `seconds`, or until nothing has arrived for `quietMs`.
    void drain(double seconds, int quietMs);

    /// A `send` frame whose text carries the time it was scheduled.
    std::string sendFrame(const Connection &from, int64_t scheduledNs, int64_t id, int textBytes);
    int64_t nextId() { return ++m_lastId; }

    /// What the measurement counts; set by the scenario, reset with resetCounts().
    int64_t windowStart = 0;
    int64_t windowEnd = 0;
    Histogram latency;    // message events, scheduled time to arrival, in the window
    Histogram ackLatency; // `ok` to a send, scheduled time to arrival, in the window
    uint64_t deliveries = 0;
    uint64_t acks = 0;
    std::map<std::string, uint64_t, std::less<>> errors;
    uint64_t otherEvents = 0;
    std::function<void(Connection &, std::string_view reply, int64_t id, bool ok)> onUnclaimedReply;
    std::function<void(Connection &)> onClosed;
    void resetCounts();

    void opened(Connection &connection) override;
    void text(Connection &connection, std::string_view frame) override;
    void closed(Connection &connection) override;

private:
    void recordTimed(std::string_view frame, Histogram &into, uint64_t *counter);

    Loop &m_loop;
    std::string m_runTag;
    int64_t m_lastId = 0;
    int64_t m_lastArrival = 0;
    int m_hellos = 0;
    int m_openFailed = 0;
    std::function<void(Connection &)> m_onHello;
    Done m_onReply;
};

/// The top-level `type` of a frame: the benchmark's texts never contain `"type":"`.
std::string_view frameType(std::string_view frame);

} // namespace Natter::Bench
