// SPDX-License-Identifier: GPL-3.0-or-later
#include "session.h"

#include <charconv>
#include <cstdio>

namespace Natter::Bench {

namespace {
constexpr std::string_view kTextMark = "\"text\":\"bench ";
constexpr int64_t kSecond = 1'000'000'000;
} // namespace

std::string_view frameType(std::string_view frame)
{
    return jsonString(frame, "type");
}

Session::Session(Loop &loop, std::string runTag)
    : m_loop(loop)
    , m_runTag(std::move(runTag))
{
    m_loop.setHandler(this);
}

void Session::resetCounts()
{
    latency.reset();
    ackLatency.reset();
    deliveries = 0;
    acks = 0;
    errors.clear();
    otherEvents = 0;
}

void Session::opened(Connection &) {}

void Session::closed(Connection &connection)
{
    if (connection.stage == 0)
        ++m_openFailed;
    if (onClosed)
        onClosed(connection);
}

void Session::recordTimed(std::string_view frame, Histogram &into, uint64_t *counter)
{
    const int64_t arrived = Loop::now();
    m_lastArrival = arrived;
    if (arrived < windowStart || arrived > windowEnd)
        return;
    const std::size_t at = frame.find(kTextMark);
    if (at == std::string_view::npos)
        return;
    int64_t scheduled = 0;
    const char *begin = frame.data() + at + kTextMark.size();
    std::from_chars(begin, frame.data() + frame.size(), scheduled);
    into.record(arrived - scheduled);
    ++*counter;
}

void Session::text(Connection &connection, std::string_view frame)
{
    const std::string_view type = frameType(frame);
    if (type == "message") {
        recordTimed(frame, latency, &deliveries);
        return;
    }
    if (type == "ok" || type == "error") {
        const bool ok = type == "ok";
        const int64_t id = jsonInt(frame, "id");
        if (!ok) {
            const int64_t arrived = Loop::now();
            if (arrived >= windowStart && arrived <= windowEnd)
                ++errors[std::string(jsonString(frame, "code"))];
        }
        if (id != 0 && id == connection.waitingFor) {
            connection.waitingFor = 0;
            if (m_onReply)
                m_onReply(connection, ok, frame);
            return;
        }
        if (ok && frame.find(kTextMark) != std::string_view::npos)
            recordTimed(frame, ackLatency, &acks);
        if (onUnclaimedReply)
            onUnclaimedReply(connection, frame, id, ok);
        return;
    }
    if (type == "hello") {
        connection.stage = 1;
        ++m_hellos;
        if (m_onHello)
            m_onHello(connection);
        return;
    }
    m_lastArrival = Loop::now();
    ++otherEvents;
}

std::vector<Connection *> Session::open(int count, int window, double timeoutSeconds)
{
    const std::size_t first = m_loop.connections().size();
    int started = 0;
    int finished = 0;
    auto startMore = [&] {
        while (started < count && started - finished < window) {
            ++started;
            m_loop.connect();
        }
    };
    m_onHello = [&](Connection &) {
        ++finished;
        startMore();
    };
    const auto previousClosed = onClosed;
    onClosed = [&](Connection &c) {
        if (c.stage == 0 && c.index >= int(first)) {
            ++finished;
            startMore();
        }
    };
    startMore();
    m_loop.run(Loop::now() + int64_t(timeoutSeconds * kSecond), [&] { return finished >= count; });
    m_onHello = nullptr;
    onClosed = previousClosed;
    std::vector<Connection *> opened;
    auto &all = m_loop.connections();
    for (std::size_t i = first; i < all.size(); ++i) {
        if (all[i]->state == Connection::State::Open && all[i]->stage >= 1)
            opened.push_back(all[i].get());
    }
    return opened;
}

bool Session::phase(const std::vector<Connection *> &connections, const Make &make, const Done &done,
                    int window, double timeoutSeconds)
{
    std::size_t next = 0;
    std::size_t answered = 0;
    int outstanding = 0;
    bool allOk = true;
    auto startMore = [&] {
        while (next < connections.size() && outstanding < window) {
            Connection &c = *connections[next++];
            if (c.state != Connection::State::Open) {
                ++answered;
                allOk = false;
                continue;
            }
            const int64_t id = nextId();
            c.waitingFor = id;
            ++outstanding;
            m_loop.send(c, make(c, id));
        }
    };
    m_onReply = [&](Connection &c, bool ok, std::string_view reply) {
        --outstanding;
        ++answered;
        if (!ok) {
            allOk = false;
            std::fprintf(stderr, "loadgen: request refused: %.*s\n",
                         int(std::min<std::size_t>(reply.size(), 300)), reply.data());
        }
        if (done)
            done(c, ok, reply);
        startMore();
    };
    startMore();
    const bool inTime = m_loop.run(Loop::now() + int64_t(timeoutSeconds * kSecond),
                                   [&] { return answered >= connections.size(); });
    m_onReply = nullptr;
    if (!inTime)
        std::fprintf(stderr, "loadgen: %zu of %zu requests answered in %.0f s\n", answered,
                     connections.size(), timeoutSeconds);
    return inTime && allOk;
}

bool Session::registerUsers(const std::vector<Connection *> &connections, int window)
{
    return phase(
        connections,
        [this](Connection &c, int64_t id) {
            char frame[256];
            std::snprintf(frame, sizeof frame,
                          R"({"type":"register","id":%lld,"username":"b%s_%d","password":"bench-password"})",
                          static_cast<long long>(id), m_runTag.c_str(), c.index);
            return std::string(frame);
        },
        [](Connection &c, bool ok, std::string_view reply) {
            if (!ok)
                return;
            c.token = std::string(jsonString(reply, "token"));
            const std::size_t user = reply.find("\"user\":{");
            c.userId = user == std::string_view::npos ? 0 : jsonInt(reply.substr(user), "id");
        },
        window, 600);
}

bool Session::makeRoom(Connection &owner, const std::vector<Connection *> &members, int window)
{
    auto remember = [](Connection &c, bool ok, std::string_view reply) {
        if (!ok)
            return;
        // The room's own id is its first "id": "code" and "direct" come before it, "members" after.
        const std::size_t room = reply.find("\"room\":{");
        if (room != std::string_view::npos) {
            c.room = jsonInt(reply.substr(room), "id");
            c.code = std::string(jsonString(reply.substr(room), "code"));
        }
    };
    const bool created = phase(
        {&owner},
        [this](Connection &, int64_t id) {
            char frame[160];
            std::snprintf(frame, sizeof frame, R"({"type":"create_room","id":%lld,"name":"bench %s"})",
                          static_cast<long long>(id), m_runTag.c_str());
            return std::string(frame);
        },
        remember, 1, 60);
    if (!created || owner.code.empty())
        return false;
    std::vector<Connection *> joiners;
    for (Connection *member : members) {
        if (member != &owner)
            joiners.push_back(member);
    }
    const std::string code = owner.code;
    return phase(
        joiners,
        [code](Connection &, int64_t id) {
            return R"({"type":"join_room","id":)" + std::to_string(id) + R"(,"code":")" + code + "\"}";
        },
        remember, window, 600);
}

void Session::drain(double seconds, int quietMs)
{
    const int64_t start = Loop::now();
    m_lastArrival = start;
    const uint64_t framesBefore = m_loop.framesIn();
    uint64_t frames = framesBefore;
    int64_t lastChange = start;
    m_loop.run(
        start + int64_t(seconds * kSecond),
        [&] { return Loop::now() - lastChange > int64_t(quietMs) * 1'000'000; },
        [&](int64_t now) {
            if (m_loop.framesIn() != frames) {
                frames = m_loop.framesIn();
                lastChange = now;
            }
            return now + 10'000'000;
        });
}

std::string Session::sendFrame(const Connection &from, int64_t scheduledNs, int64_t id, int textBytes)
{
    char head[200];
    const int length = std::snprintf(
        head, sizeof head, R"({"type":"send","id":%lld,"room":%lld,"client_id":"c%lld","text":"bench %lld )",
        static_cast<long long>(id), static_cast<long long>(from.room), static_cast<long long>(id),
        static_cast<long long>(scheduledNs));
    std::string frame(head, std::size_t(length));
    // The text as long as asked: "bench <time> " and then letters.
    const int used = int(std::string_view("bench ").size()) + int(std::to_string(scheduledNs).size()) + 1;
    if (textBytes > used)
        frame.append(std::size_t(textBytes - used), 'x');
    frame.append("\"}");
    return frame;
}

} // namespace Natter::Bench
