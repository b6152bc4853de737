// SPDX-License-Identifier: GPL-3.0-or-later
// natter-loadgen: an open-loop load generator for natterd's protocol (and for any server that speaks the same
// subset, such as the Node peers in bench/peers). Loopback only. Prints one JSON object per run on stdout.
#include "scenarios.h"

#include <arpa/inet.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <sstream>
#include <string>

using namespace Natter::Bench;

namespace {
const char kUsage[] =
    "usage: natter-loadgen --scenario NAME --port N [options]\n"
    "scenarios:\n"
    "  fanout   a room of --members; --rates R1,R2,... offered deliveries/s, one measured step each;\n"
    "           --overload adds a step at twice the best rate sustained (>= 95 %% of offered)\n"
    "  slow     as fanout at --rates R, while one member reads nothing\n"
    "  persist  --senders users, each in a room of their own, --in-flight sends each kept unanswered\n"
    "  users    registers --users in rooms of --room-size, writes their tokens to --tokens FILE\n"
    "  idle     signs in connections with --tokens up to each of --steps N1,N2,... and reads the server's\n"
    "           memory (--server-pid) at each\n"
    "  storm    --connections (default: every token) connect, resume and list their rooms at once\n"
    "options: --host 127.0.0.1 --warmup 1 --duration 5 --text-bytes 64 --server-pid PID --tag NAME\n";

template <typename T>
std::vector<T> list(const std::string &text)
{
    std::vector<T> values;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        values.push_back(T(std::stod(item)));
    return values;
}

bool isLoopback(const std::string &host)
{
    in_addr address{};
    return inet_pton(AF_INET, host.c_str(), &address) == 1 && (ntohl(address.s_addr) >> 24) == 127;
}
} // namespace

int main(int argc, char *argv[])
{
    Options options;
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string key = argv[i];
            if (key == "--overload") {
                options.overload = true;
                continue;
            }
            if (key == "--help" || i + 1 >= argc) {
                std::fputs(kUsage, key == "--help" ? stdout : stderr);
                return key == "--help" ? 0 : 2;
            }
            const std::string value = argv[++i];
            if (key == "--scenario")
                options.scenario = value;
            else if (key == "--host")
                options.host = value;
            else if (key == "--port")
                options.port = std::stoi(value);
            else if (key == "--members")
                options.members = std::stoi(value);
            else if (key == "--senders")
                options.senders = std::stoi(value);
            else if (key == "--rates")
                options.rates = list<double>(value);
            else if (key == "--warmup")
                options.warmup = std::stod(value);
            else if (key == "--duration")
                options.duration = std::stod(value);
            else if (key == "--text-bytes")
                options.textBytes = std::stoi(value);
            else if (key == "--in-flight")
                options.inFlight = std::stoi(value);
            else if (key == "--users")
                options.users = std::stoi(value);
            else if (key == "--room-size")
                options.roomSize = std::stoi(value);
            else if (key == "--tokens")
                options.tokens = value;
            else if (key == "--steps")
                options.steps = list<int>(value);
            else if (key == "--connections")
                options.connections = std::stoi(value);
            else if (key == "--server-pid")
                options.serverPid = std::stoi(value);
            else if (key == "--tag")
                options.tag = value;
            else {
                std::fprintf(stderr, "natter-loadgen: unknown option %s\n%s", key.c_str(), kUsage);
                return 2;
            }
        }
    } catch (const std::exception &) {
        std::fprintf(stderr, "natter-loadgen: a value is not a number\n%s", kUsage);
        return 2;
    }
    if (!isLoopback(options.host)) {
        // A load generator pointed at someone else's server is an attack: only this machine.
        std::fprintf(stderr, "natter-loadgen: only loopback addresses (127.0.0.0/8), not %s\n",
                     options.host.c_str());
        return 2;
    }
    try {
        if (options.scenario == "fanout")
            return runFanout(options);
        if (options.scenario == "slow")
            return runSlow(options);
        if (options.scenario == "persist")
            return runPersist(options);
        if (options.scenario == "users")
            return runUsers(options);
        if (options.scenario == "idle")
            return runIdle(options);
        if (options.scenario == "storm")
            return runStorm(options);
    } catch (const std::exception &error) {
        std::fprintf(stderr, "natter-loadgen: %s\n", error.what());
        return 1;
    }
    std::fputs(kUsage, stderr);
    return 2;
}
