// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace Natter::Bench {

struct Options {
    std::string host = "127.0.0.1";
    int port = 7447;
    std::string scenario;
    int members = 100;         // fanout, slow: the room's size
    int senders = 0;           // fanout: members that send (0: up to 100); persist: users in own rooms
    std::vector<double> rates; // fanout, slow: offered deliveries per second, one step each
    bool overload = false;     // fanout: one more step at twice the best sustained rate
    double warmup = 1.0;       // seconds before each measured window
    double duration = 5.0;     // seconds measured
    int textBytes = 64;        // length of each message's text
    int inFlight = 8;          // persist: sends each sender keeps unanswered
    int users = 1000;          // users: how many to register
    int roomSize = 100;        // users: members per room
    std::string tokens;        // users writes it; idle and storm read it
    std::vector<int> steps;    // idle: connections open at each measurement
    int connections = 0;       // storm: how many arrive at once (0: every token)
    int serverPid = 0;         // for the server's resident memory
    std::string tag = "run";   // makes user names unique per run
};

/// Each scenario prints one JSON object on stdout and returns the process's exit status.
int runFanout(const Options &options);
int runPersist(const Options &options);
int runUsers(const Options &options);
int runIdle(const Options &options);
int runStorm(const Options &options);
int runSlow(const Options &options);

} // namespace Natter::Bench
