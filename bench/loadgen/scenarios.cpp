// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenarios.h"

#include "session.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace Natter::Bench {

namespace {
constexpr int64_t kSecond = 1'000'000'000;
constexpr int kSetupWindow = 256;

/// The server's resident memory now, in KiB (0 when unknown).
long rssKib(int pid)
{
    if (pid <= 0)
        return 0;
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    }
    return 0;
}

double ms(uint64_t ns)
{
    return double(ns) / 1e6;
}

std::string latencyJson(const Histogram &h)
{
    char text[256];
    std::snprintf(text, sizeof text,
                  R"({"count":%llu,"p50_ms":%.3f,"p99_ms":%.3f,"p999_ms":%.3f,"max_ms":%.3f})",
                  static_cast<unsigned long long>(h.count()), ms(h.quantile(0.5)), ms(h.quantile(0.99)),
                  ms(h.quantile(0.999)), ms(h.max()));
    return text;
}

std::string errorsJson(const Session &session)
{
    std::string json = "{";
    for (const auto &[code, count] : session.errors) {
        if (json.size() > 1)
            json += ",";
        json += "\"" + code + "\":" + std::to_string(count);
    }
    return json + "}";
}

/// Members of one room, signed up and joined: the set-up of fanout and slow.
std::vector<Connection *> roomOf(Session &session, int members)
{
    std::vector<Connection *> connections = session.open(members, kSetupWindow, 120);
    if (int(connections.size()) < members) {
        std::fprintf(stderr, "loadgen: only %zu of %d connections opened\n", connections.size(), members);
        return {};
    }
    if (!session.registerUsers(connections, kSetupWindow) ||
        !session.makeRoom(*connections.front(), connections, kSetupWindow))
        return {};
    session.drain(5, 300); // member_joined and presence of the set-up
    return connections;
}

struct Step {
    double offered = 0;  // deliveries per second
    double achieved = 0; // deliveries per second, in the window
    std::string json;
};

/// One measured step of open-loop sending: messages scheduled evenly at `deliveriesPerSecond / members`
/// per second, round robin over `senders`, whether or not the server keeps up.
Step fanoutStep(Loop &loop, Session &session, const std::vector<Connection *> &senders, int members,
                double deliveriesPerSecond, const Options &options, Connection *slow = nullptr)
{
    session.resetCounts();
    const double messagesPerSecond = deliveriesPerSecond / members;
    const double interval = double(kSecond) / messagesPerSecond;
    const int64_t start = Loop::now() + 1'000'000;
    session.windowStart = start + int64_t(options.warmup * kSecond);
    session.windowEnd = session.windowStart + int64_t(options.duration * kSecond);
    int64_t k = 0;
    int64_t sent = 0;
    long rssMax = 0;
    int64_t nextSample = start;
    uint64_t bytesBefore = loop.bytesIn();
    if (slow)
        loop.setReading(*slow, false);
    loop.run(session.windowEnd, {}, [&](int64_t now) {
        int64_t next = start + int64_t(double(k) * interval);
        while (next <= now) {
            Connection &from = *senders[std::size_t(k % int64_t(senders.size()))];
            loop.send(from, session.sendFrame(from, next, session.nextId(), options.textBytes));
            ++sent;
            ++k;
            next = start + int64_t(double(k) * interval);
        }
        if (now >= nextSample) {
            rssMax = std::max(rssMax, rssKib(options.serverPid));
            nextSample = now + 100'000'000;
        }
        return std::min(next, nextSample);
    });
    const long rssEnd = rssKib(options.serverPid);
    rssMax = std::max(rssMax, rssEnd);
    uint64_t unsent = 0;
    for (Connection *sender : senders)
        unsent += sender->out.size() - sender->outSent;
    Step step;
    step.offered = deliveriesPerSecond;
    step.achieved = double(session.deliveries) / options.duration;
    const double mib = double(loop.bytesIn() - bytesBefore) / (1024.0 * 1024.0);
    const Histogram latency = session.latency;
    const Histogram acks = session.ackLatency;
    const std::string errors = errorsJson(session);
    // Let what is still on its way arrive, so that the next step starts from an idle server.
    const int64_t drainStart = Loop::now();
    session.windowEnd = 0;
    session.drain(30, 500);
    char text[1024];
    std::snprintf(
        text, sizeof text,
        R"({"offered_per_s":%.0f,"achieved_per_s":%.0f,"ratio":%.3f,"messages_sent":%lld,"latency":%s,)"
        R"("ack_latency":%s,"errors":%s,"received_mib":%.1f,"unsent_bytes_at_end":%llu,)"
        R"("drain_s":%.2f,"server_rss_max_kib":%ld,"server_rss_end_kib":%ld})",
        step.offered, step.achieved, step.achieved / step.offered, static_cast<long long>(sent),
        latencyJson(latency).c_str(), latencyJson(acks).c_str(), errors.c_str(), mib,
        static_cast<unsigned long long>(unsent), double(Loop::now() - drainStart) / kSecond, rssMax, rssEnd);
    step.json = text;
    std::fprintf(stderr, "loadgen: offered %.0f/s achieved %.0f/s p99 %.2f ms\n", step.offered, step.achieved,
                 ms(latency.quantile(0.99)));
    return step;
}

std::vector<std::string> readTokens(const std::string &path)
{
    std::vector<std::string> tokens;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty())
            tokens.push_back(line);
    }
    return tokens;
}

/// Signs each connection in with the next token and asks for its rooms, as the client does on start.
bool signIn(Session &session, const std::vector<Connection *> &connections,
            const std::vector<std::string> &tokens, std::size_t firstToken, int window)
{
    for (std::size_t i = 0; i < connections.size(); ++i)
        connections[i]->token = tokens[(firstToken + i) % tokens.size()];
    const bool resumed = session.phase(
        connections,
        [](Connection &c, int64_t id) {
            return R"({"type":"resume","id":)" + std::to_string(id) + R"(,"token":")" + c.token + "\"}";
        },
        {}, window, 600);
    return resumed && session.phase(
                          connections,
                          [](Connection &, int64_t id) {
                              return R"({"type":"list_rooms","id":)" + std::to_string(id) + "}";
                          },
                          {}, window, 600);
}
} // namespace

int runFanout(const Options &options)
{
    Loop loop(options.host, options.port);
    Session session(loop, options.tag);
    const std::vector<Connection *> members = roomOf(session, options.members);
    if (members.empty())
        return 1;
    const int senderCount = options.senders > 0 ? options.senders : std::min(options.members, 100);
    const std::vector<Connection *> senders(members.begin(), members.begin() + senderCount);
    std::vector<Step> steps;
    for (double rate : options.rates) {
        steps.push_back(fanoutStep(loop, session, senders, options.members, rate, options));
        // Past the first rate not sustained, higher ones only take longer to say the same.
        if (steps.back().achieved < 0.95 * rate)
            break;
    }
    double best = 0;
    for (const Step &step : steps) {
        if (step.achieved >= 0.95 * step.offered)
            best = std::max(best, step.offered);
    }
    if (options.overload && best > 0)
        steps.push_back(fanoutStep(loop, session, senders, options.members, 2 * best, options));
    std::string json = R"({"scenario":"fanout","members":)" + std::to_string(options.members) +
                       R"(,"senders":)" + std::to_string(senderCount) + R"(,"sustained_per_s":)" +
                       std::to_string(int64_t(best)) + R"(,"steps":[)";
    for (std::size_t i = 0; i < steps.size(); ++i)
        json += (i ? "," : "") + steps[i].json;
    json += "]}";
    std::printf("%s\n", json.c_str());
    return 0;
}

int runSlow(const Options &options)
{
    Loop loop(options.host, options.port);
    Session session(loop, options.tag);
    const std::vector<Connection *> members = roomOf(session, options.members);
    if (members.empty() || options.rates.empty())
        return 1;
    // The last member stops reading; the first hundred (or fewer) send.
    Connection *slow = members.back();
    const int senderCount = std::min(options.members - 1, 100);
    const std::vector<Connection *> senders(members.begin(), members.begin() + senderCount);
    const Step step =
        fanoutStep(loop, session, senders, options.members, options.rates.front(), options, slow);
    // Read again: a server that closed the slow reader has sent a close frame at the end of its backlog.
    loop.setReading(*slow, true);
    loop.run(Loop::now() + 10 * kSecond, [&] { return slow->state == Connection::State::Closed; });
    std::printf(R"({"scenario":"slow","members":%d,"slow_reader_closed":%s,"close_code":%d,"step":%s})"
                "\n",
                options.members, slow->state == Connection::State::Closed ? "true" : "false", slow->closeCode,
                step.json.c_str());
    return 0;
}

int runPersist(const Options &options)
{
    Loop loop(options.host, options.port);
    Session session(loop, options.tag);
    const int count = options.senders > 0 ? options.senders : 50;
    const std::vector<Connection *> senders = session.open(count, kSetupWindow, 60);
    if (int(senders.size()) < count || !session.registerUsers(senders, kSetupWindow))
        return 1;
    for (Connection *sender : senders) {
        if (!session.makeRoom(*sender, {sender}, 1))
            return 1;
    }
    session.drain(2, 200);
    session.resetCounts();
    const int64_t start = Loop::now();
    session.windowStart = start + int64_t(options.warmup * kSecond);
    session.windowEnd = session.windowStart + int64_t(options.duration * kSecond);
    bool sending = true;
    auto sendOne = [&](Connection &c) {
        ++c.inFlight;
        loop.send(c, session.sendFrame(c, Loop::now(), session.nextId(), options.textBytes));
    };
    // Closed loop: each sender keeps `inFlight` sends unanswered, the next one going out with each answer.
    session.onUnclaimedReply = [&](Connection &c, std::string_view, int64_t, bool) {
        --c.inFlight;
        if (sending)
            sendOne(c);
    };
    for (Connection *sender : senders) {
        for (int i = 0; i < options.inFlight; ++i)
            sendOne(*sender);
    }
    loop.run(session.windowEnd, {});
    sending = false;
    const uint64_t acks = session.acks;
    const Histogram latency = session.ackLatency;
    const std::string errors = errorsJson(session);
    session.windowEnd = 0;
    session.drain(30, 500);
    session.onUnclaimedReply = nullptr;
    std::printf(
        R"({"scenario":"persist","senders":%d,"in_flight":%d,"persisted_per_s":%.0f,"ack_latency":%s,)"
        R"("errors":%s,"server_rss_end_kib":%ld})"
        "\n",
        count, options.inFlight, double(acks) / options.duration, latencyJson(latency).c_str(),
        errors.c_str(), rssKib(options.serverPid));
    return 0;
}

int runUsers(const Options &options)
{
    Loop loop(options.host, options.port);
    Session session(loop, options.tag);
    const int64_t began = Loop::now();
    std::vector<Connection *> all;
    std::ofstream out(options.tokens);
    int rooms = 0;
    // A room at a time: no more connections open than one room's, and every user in exactly one room.
    for (int first = 0; first < options.users; first += options.roomSize) {
        const int size = std::min(options.roomSize, options.users - first);
        const std::vector<Connection *> members = session.open(size, kSetupWindow, 120);
        if (int(members.size()) < size || !session.registerUsers(members, kSetupWindow) ||
            !session.makeRoom(*members.front(), members, kSetupWindow))
            return 1;
        for (Connection *member : members)
            out << member->token << "\n";
        ++rooms;
        loop.closeAll();
    }
    out.close();
    session.drain(2, 200);
    std::printf(R"({"scenario":"users","users":%d,"rooms":%d,"seconds":%.2f})"
                "\n",
                options.users, rooms, double(Loop::now() - began) / kSecond);
    return 0;
}

int runIdle(const Options &options)
{
    const std::vector<std::string> tokens = readTokens(options.tokens);
    if (tokens.empty())
        return 1;
    Loop loop(options.host, options.port);
    Session session(loop, options.tag);
    const long base = rssKib(options.serverPid);
    std::string json =
        R"({"scenario":"idle","server_rss_base_kib":)" + std::to_string(base) + R"(,"steps":[)";
    std::size_t open = 0;
    for (std::size_t i = 0; i < options.steps.size(); ++i) {
        const std::size_t target = std::size_t(options.steps[i]);
        if (target <= open)
            continue;
        const std::vector<Connection *> more = session.open(int(target - open), 500, 300);
        if (more.size() < target - open || !signIn(session, more, tokens, open, 500))
            return 1;
        open = target;
        session.drain(10, 1000); // presence announcements
        const long rss = rssKib(options.serverPid);
        char step[256];
        std::snprintf(step, sizeof step,
                      R"(%s{"connections":%zu,"server_rss_kib":%ld,"per_connection_kib":%.2f})", i ? "," : "",
                      open, rss, double(rss - base) / double(open));
        json += step;
        std::fprintf(stderr, "loadgen: %zu idle connections, server RSS %ld KiB (%.2f KiB each)\n", open, rss,
                     double(rss - base) / double(open));
    }
    json += "]}";
    std::printf("%s\n", json.c_str());
    return 0;
}

int runStorm(const Options &options)
{
    const std::vector<std::string> tokens = readTokens(options.tokens);
    if (tokens.empty())
        return 1;
    const int count = options.connections > 0 ? options.connections : int(tokens.size());
    Loop loop(options.host, options.port);
    Session session(loop, options.tag);
    // Every client at once, as after a restart: connect, resume, list the rooms.
    const int64_t began = Loop::now();
    const std::vector<Connection *> connections = session.open(count, count, 120);
    const int64_t opened = Loop::now();
    const bool ok = int(connections.size()) == count && signIn(session, connections, tokens, 0, count);
    const int64_t done = Loop::now();
    std::printf(R"({"scenario":"storm","connections":%d,"opened":%zu,"ok":%s,"seconds":%.3f,)"
                R"("handshakes_s":%.3f,"sign_in_s":%.3f,"failed_connects":%d,"server_rss_kib":%ld})"
                "\n",
                count, connections.size(), ok ? "true" : "false", double(done - began) / kSecond,
                double(opened - began) / kSecond, double(done - opened) / kSecond, loop.failedConnections(),
                rssKib(options.serverPid));
    return ok ? 0 : 1;
}

} // namespace Natter::Bench
