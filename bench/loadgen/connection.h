// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace Natter::Bench {

class Loop;

/// One client WebSocket (RFC 6455) over a non-blocking TCP socket: the opening handshake, masked text
/// frames out, frames in. Reading and writing are driven by Loop; what the frames mean is the scenario's.
struct Connection {
    enum class State { Connecting, Upgrading, Open, Closed };

    int fd = -1;
    int index = 0; // in Loop's list
    State state = State::Connecting;
    bool reading = true; // false: the socket is left unread (a slow consumer)
    bool writeArmed = false;
    uint16_t closeCode = 0; // what the server's close frame said, 0 for none
    std::string pending;    // received bytes that do not yet make a whole frame
    std::string out;        // bytes not yet taken by the socket
    std::size_t outSent = 0;
    std::string message; // a fragmented text message being put together

    // The scenario's notes on this connection.
    int64_t userId = 0;
    int64_t room = 0;
    std::string token;
    std::string code;
    int64_t waitingFor = 0; // the id of the request whose reply moves this connection on; 0: none
    int64_t sentAt = 0;
    int inFlight = 0;
    int stage = 0;

    /// Appends a masked text frame to `out` (Loop::flush sends it).
    void queueText(std::string_view text, uint32_t mask);
    void queueFrame(uint8_t opcode, std::string_view payload, uint32_t mask);
};

/// The first JSON string value of `key` in `json` (no escapes are expected in what the benchmark reads).
std::string_view jsonString(std::string_view json, std::string_view key);
/// The first JSON integer value of `key` in `json`; `fallback` when absent.
int64_t jsonInt(std::string_view json, std::string_view key, int64_t fallback = 0);

} // namespace Natter::Bench
