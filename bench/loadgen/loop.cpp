// SPDX-License-Identifier: GPL-3.0-or-later
#include "loop.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdexcept>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Natter::Bench {

namespace {
constexpr std::size_t kScratch = 256 * 1024;
constexpr int kEvents = 256;
} // namespace

Loop::Loop(std::string host, int port)
    : m_host(std::move(host))
    , m_port(port)
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_scratch(new char[kScratch])
{
    if (m_epoll < 0)
        throw std::runtime_error(std::string("epoll_create1: ") + std::strerror(errno));
}

Loop::~Loop()
{
    closeAll();
    ::close(m_epoll);
}

int64_t Loop::now()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

uint32_t Loop::nextMask()
{
    // xorshift64*: masks need only be unpredictable to intermediaries, of which loopback has none.
    m_maskState ^= m_maskState >> 12;
    m_maskState ^= m_maskState << 25;
    m_maskState ^= m_maskState >> 27;
    return uint32_t((m_maskState * 0x2545F4914F6CDD1DULL) >> 32);
}

Connection &Loop::connect()
{
    auto connection = std::make_unique<Connection>();
    connection->index = int(m_connections.size());
    Connection &c = *connection;
    m_connections.push_back(std::move(connection));

    c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c.fd < 0)
        throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    const int one = 1;
    setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(m_port));
    inet_pton(AF_INET, m_host.c_str(), &address.sin_addr);
    if (::connect(c.fd, reinterpret_cast<sockaddr *>(&address), sizeof address) < 0 && errno != EINPROGRESS) {
        ++m_failed;
        ::close(c.fd);
        c.fd = -1;
        c.state = Connection::State::Closed;
        return c;
    }
    epoll_event event{};
    event.events = EPOLLOUT;
    event.data.ptr = &c;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &event);
    c.writeArmed = true;
    return c;
}

void Loop::updateInterest(Connection &c)
{
    if (c.fd < 0)
        return;
    epoll_event event{};
    event.events = (c.reading ? uint32_t(EPOLLIN) : 0u) | (c.writeArmed ? uint32_t(EPOLLOUT) : 0u);
    event.data.ptr = &c;
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &event);
}

void Loop::setReading(Connection &c, bool reading)
{
    if (c.reading == reading)
        return;
    c.reading = reading;
    updateInterest(c);
}

void Loop::send(Connection &c, std::string_view text)
{
    if (c.state == Connection::State::Closed)
        return;
    c.queueText(text, nextMask());
    if (!c.writeArmed)
        flush(c);
}

void Loop::flush(Connection &c)
{
    while (c.outSent < c.out.size()) {
        const ssize_t n = ::write(c.fd, c.out.data() + c.outSent, c.out.size() - c.outSent);
        if (n > 0) {
            c.outSent += std::size_t(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            if (!c.writeArmed) {
                c.writeArmed = true;
                updateInterest(c);
            }
            return;
        }
        close(c);
        return;
    }
    c.out.clear();
    c.outSent = 0;
    if (c.writeArmed) {
        c.writeArmed = false;
        updateInterest(c);
    }
}

void Loop::writable(Connection &c)
{
    if (c.state == Connection::State::Connecting) {
        int error = 0;
        socklen_t length = sizeof error;
        getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length);
        if (error != 0) {
            ++m_failed;
            close(c);
            return;
        }
        c.state = Connection::State::Upgrading;
        const std::string request = "GET / HTTP/1.1\r\nHost: " + m_host + ":" + std::to_string(m_port) +
                                    "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                    "Sec-WebSocket-Version: 13\r\n\r\n";
        c.out.append(request);
        c.writeArmed = false;
        updateInterest(c);
    }
    flush(c);
}

bool Loop::finishUpgrade(Connection &c)
{
    const std::size_t end = c.pending.find("\r\n\r\n");
    if (end == std::string::npos)
        return false;
    if (c.pending.compare(0, 12, "HTTP/1.1 101") != 0) {
        ++m_failed;
        close(c);
        return false;
    }
    c.pending.erase(0, end + 4);
    c.state = Connection::State::Open;
    if (m_handler)
        m_handler->opened(c);
    return true;
}

void Loop::readable(Connection &c)
{
    const ssize_t n = ::read(c.fd, m_scratch.get(), kScratch);
    if (n <= 0) {
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
            return;
        if (c.state != Connection::State::Open)
            ++m_failed;
        close(c);
        return;
    }
    m_bytesIn += uint64_t(n);
    if (c.state == Connection::State::Upgrading) {
        c.pending.append(m_scratch.get(), std::size_t(n));
        if (!finishUpgrade(c) || c.state != Connection::State::Open)
            return;
        const std::string rest = std::move(c.pending);
        c.pending.clear();
        const std::size_t used = parseFrames(c, rest.data(), rest.size());
        if (c.state != Connection::State::Closed)
            c.pending.assign(rest, used);
        return;
    }
    if (c.pending.empty()) {
        // The usual case: whole frames straight from the scratch buffer, only a tail kept.
        const std::size_t used = parseFrames(c, m_scratch.get(), std::size_t(n));
        if (c.state != Connection::State::Closed && used < std::size_t(n))
            c.pending.assign(m_scratch.get() + used, std::size_t(n) - used);
        return;
    }
    c.pending.append(m_scratch.get(), std::size_t(n));
    const std::string data = std::move(c.pending);
    c.pending.clear();
    const std::size_t used = parseFrames(c, data.data(), data.size());
    if (c.state != Connection::State::Closed)
        c.pending.assign(data, used);
}

std::size_t Loop::parseFrames(Connection &c, const char *data, std::size_t size)
{
    std::size_t at = 0;
    while (size - at >= 2 && c.state == Connection::State::Open) {
        const auto *p = reinterpret_cast<const unsigned char *>(data + at);
        const unsigned opcode = p[0] & 0x0f;
        const bool fin = p[0] & 0x80;
        uint64_t length = p[1] & 0x7f;
        std::size_t header = 2;
        if (length == 126) {
            if (size - at < 4)
                break;
            length = (uint64_t(p[2]) << 8) | p[3];
            header = 4;
        } else if (length == 127) {
            if (size - at < 10)
                break;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | p[2 + i];
            header = 10;
        }
        if (p[1] & 0x80)
            header += 4; // a server must not mask; skipped rather than trusted
        if (size - at < header + length)
            break;
        const std::string_view payload(data + at + header, std::size_t(length));
        at += header + std::size_t(length);
        ++m_framesIn;
        switch (opcode) {
        case 0x1:
            if (fin) {
                if (m_handler)
                    m_handler->text(c, payload);
            } else {
                c.message.assign(payload);
            }
            break;
        case 0x0:
            c.message.append(payload);
            if (fin && m_handler) {
                const std::string whole = std::move(c.message);
                c.message.clear();
                m_handler->text(c, whole);
            }
            break;
        case 0x8:
            c.closeCode =
                payload.size() >= 2 ? uint16_t((uint8_t(payload[0]) << 8) | uint8_t(payload[1])) : 0;
            close(c);
            break;
        case 0x9:
            c.queueFrame(0xA, payload, nextMask());
            if (!c.writeArmed)
                flush(c);
            break;
        default:
            break;
        }
    }
    return at;
}

void Loop::close(Connection &c)
{
    if (c.state == Connection::State::Closed)
        return;
    c.state = Connection::State::Closed;
    if (c.fd >= 0) {
        ::close(c.fd);
        c.fd = -1;
    }
    c.pending.clear();
    c.pending.shrink_to_fit();
    c.out.clear();
    c.out.shrink_to_fit();
    c.outSent = 0;
    if (m_handler)
        m_handler->closed(c);
}

void Loop::closeAll()
{
    for (auto &connection : m_connections)
        close(*connection);
}

bool Loop::run(int64_t deadline, const std::function<bool()> &done,
               const std::function<int64_t(int64_t)> &tick)
{
    epoll_event events[kEvents];
    for (;;) {
        if (done && done())
            return true;
        int64_t current = now();
        int64_t wake = deadline;
        if (tick) {
            const int64_t wish = tick(current);
            if (wish > 0 && wish < wake)
                wake = wish;
            if (done && done())
                return true;
        }
        if (current >= deadline)
            return false;
        const int64_t wait = wake > current ? wake - current : 0;
        const timespec timeout{time_t(wait / 1'000'000'000), long(wait % 1'000'000'000)};
        const int count = epoll_pwait2(m_epoll, events, kEvents, &timeout, nullptr);
        if (count < 0 && errno != EINTR)
            throw std::runtime_error(std::string("epoll_pwait2: ") + std::strerror(errno));
        for (int i = 0; i < count; ++i) {
            auto &c = *static_cast<Connection *>(events[i].data.ptr);
            if (c.state == Connection::State::Closed)
                continue;
            if (events[i].events & (EPOLLOUT | EPOLLERR | EPOLLHUP))
                writable(c);
            if (c.state != Connection::State::Closed && (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
                readable(c);
        }
    }
}

} // namespace Natter::Bench
