// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: natterd's dispatcher fed whole frames, over real WebSocket connections to the real server
// in-process (TestServer: 127.0.0.1, port 0, cheap hashing, limits off). One connection signed in once at
// start and in a room, one that never signs in. An input is a list of frames: a 0x00 byte starts a frame for
// the signed-in connection, a 0x01 byte one for the other; the first goes to the signed-in one. "@CODE@" and
// "@TOKEN@" in a frame become the room's access code and the signed-in connection's token, so that joining
// and resuming can be reached. Each input runs the event loop until every frame has its reply.
//
// Fails (aborts) when a frame from the server is not a JSON object with a known "type", when a connection
// gets more replies than it sent frames or no reply within kReplyBoundMs, or when the server drops a
// connection that keeps within every limit; crashes and sanitizer reports end the run by themselves.
//
// Real sockets, not RequestRouter::handleText() on a ClientConnection: measured on 2 cores (with another
// build running), this target runs about 180 inputs/s, 11,000 a minute. perf puts over half of that time in
// AddressSanitizer's allocator and the page faults it causes and about 4 % in socket system calls, so calling
// the router directly would gain little, and it would skip ClientConnection, the WebSocket framing and the
// in-flight accounting, which real connections cover.
#include "events.h"
#include "frames.h"
#include "protocollimits.h"
#include "requests.h"
#include "testserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>

namespace {

using namespace Natter;

constexpr int kReplyBoundMs = 10'000; // a reply takes milliseconds; this only catches one that never comes
constexpr int kMaxFrames = 64;
const QByteArray kUsername = "fuzzer";
const QByteArray kPassword = "correct horse battery";

[[noreturn]] void fail(const char *what, const QByteArray &detail = {})
{
    std::fprintf(stderr, "fuzz_dispatcher: %s\n  %s\n", what, detail.constData());
    std::fflush(stderr);
    std::abort();
}

/// hello, or one of the events of protocol v1 (EventTypes: a new event needs no change here).
bool isEventType(const QString &type)
{
    const auto listed = [&type](auto... events) { return ((type == decltype(events)::type) || ...); };
    return type == HelloEvent::type || std::apply(listed, EventTypes{});
}

/// Requests after which a connection may be someone else, or signed out, or out of the room, or its password
/// changed: the state every input starts from is put back after them, so that each input, a crash's included,
/// replays alone. Only the requests known to leave it alone are skipped; a new request type is restored
/// after.
bool changesState(const QString &type)
{
    const bool harmless = type == SendRequest::type || type == HistoryRequest::type ||
                          type == ListRoomsRequest::type || type == CreateRoomRequest::type ||
                          type == JoinRoomRequest::type;
    return isKnownRequestType(type) && !harmless;
}

/// One client connection: counts the frames it sent and the replies (ok or error) it got back.
class Peer {
public:
    explicit Peer(const char *name)
        : m_name(name)
    {
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
                         [this](const QString &text) { onText(text); });
        QObject::connect(&m_socket, &QWebSocket::disconnected, &m_socket, [this] {
            if (!m_closing)
                fail("the server dropped a connection that kept within every limit", m_name);
        });
    }

    void open(const QUrl &url)
    {
        m_socket.open(url);
        QEventLoop loop;
        m_wake = [&loop, this] {
            if (m_hello)
                loop.quit();
        };
        QTimer::singleShot(kReplyBoundMs, &loop, &QEventLoop::quit);
        loop.exec();
        m_wake = nullptr;
        if (!m_hello)
            fail("no hello from the server", m_name);
    }

    void close()
    {
        m_closing = true;
        m_socket.abort();
    }

    void send(const QString &text)
    {
        ++m_sent;
        m_socket.sendTextMessage(text);
    }

    /// Sends a request of the harness's own and waits for its reply.
    template <typename R>
    QJsonObject request(const R &r)
    {
        send(Frames::serialize(requestFrame(r, QStringLiteral("setup"))));
        settle({this});
        return m_lastReply;
    }

    bool answered() const { return m_replies == m_sent; }
    const QJsonObject &lastReply() const { return m_lastReply; }

    /// Runs the event loop until every frame sent on every peer has its reply.
    static void settle(std::initializer_list<Peer *> peers)
    {
        const auto done = [&peers] {
            return std::all_of(peers.begin(), peers.end(), [](const Peer *p) { return p->answered(); });
        };
        if (done())
            return;
        QEventLoop loop;
        for (Peer *peer : peers) {
            peer->m_wake = [&loop, &done] {
                if (done())
                    loop.quit();
            };
        }
        QTimer::singleShot(kReplyBoundMs, &loop, &QEventLoop::quit);
        loop.exec();
        for (Peer *peer : peers)
            peer->m_wake = nullptr;
        if (!done())
            fail("a frame got no reply within the bound");
    }

private:
    void onText(const QString &text)
    {
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
        const QJsonValue type = document.object().value(QLatin1String("type"));
        if (error.error != QJsonParseError::NoError || !document.isObject() || !type.isString())
            fail("the server sent a frame that is not a JSON object with a string \"type\"", text.toUtf8());
        if (type == QLatin1String("ok") || type == QLatin1String("error")) {
            if (++m_replies > m_sent)
                fail("the server answered more often than it was asked", text.toUtf8());
            m_lastReply = document.object();
        } else if (type == QLatin1String("hello")) {
            m_hello = true;
        } else if (!isEventType(type.toString())) {
            fail("the server sent a frame of an unknown type", text.toUtf8());
        }
        if (m_wake)
            m_wake();
    }

    QByteArray m_name;
    QWebSocket m_socket;
    std::function<void()> m_wake;
    QJsonObject m_lastReply;
    qint64 m_sent = 0;
    qint64 m_replies = 0;
    bool m_hello = false;
    bool m_closing = false;
};

/// Every acknowledged write is fsync'ed (synchronous=FULL): on tmpfs that costs nothing, on a disk it would
/// bound the inputs per second.
QString databaseDirTemplate()
{
    const QString base =
        QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
    return base + QStringLiteral("/natter-fuzz-XXXXXX");
}

struct Harness {
    QTemporaryDir databaseDir{databaseDirTemplate()};
    Test::TestServer server;
    Peer *member = nullptr;    // signed in, in the room
    Peer *anonymous = nullptr; // never signs in
    QString username = QString::fromLatin1(kUsername);
    QString token;
    QString code;
    qint64 roomId = 0;
    int generation = 0;

    /// Signs the member connection in again (its token, else its password) and back into the room. When an
    /// input changed the password, the member goes on as a new user.
    void restoreMember()
    {
        const QString password = QString::fromLatin1(kPassword);
        if (member->request(ResumeRequest{token}).value(QLatin1String("type")) != QLatin1String("ok")) {
            QJsonObject reply = member->request(LoginRequest{username, password});
            // A name an input registered is taken: a few tries.
            for (int attempt = 0; reply.value(QLatin1String("type")) != QLatin1String("ok") && attempt < 20;
                 ++attempt) {
                username = QString::fromLatin1(kUsername) + QString::number(++generation);
                reply = member->request(RegisterRequest{username, password});
            }
            token = reply.value(QLatin1String("token")).toString();
            if (token.isEmpty())
                fail("cannot sign the member in again", QJsonDocument(reply).toJson(QJsonDocument::Compact));
        }
        // An input may have renewed the room's code (new_code): while still in the room, the member reads
        // the current one from the room list.
        const QJsonObject listed = member->request(ListRoomsRequest{});
        for (const QJsonValue &room : listed.value(QLatin1String("rooms")).toArray()) {
            if (room.toObject().value(QLatin1String("id")).toInteger() == roomId)
                code = room.toObject().value(QLatin1String("code")).toString();
        }
        const QJsonObject joined = member->request(JoinRoomRequest{code});
        if (joined.value(QLatin1String("type")) != QLatin1String("ok"))
            fail("cannot join the room again", QJsonDocument(joined).toJson(QJsonDocument::Compact));
    }
};

Harness *harness = nullptr;

void shutDown()
{
    // Ordered: the connections go before the server, the server (its threads) before the application.
    harness->member->close();
    harness->anonymous->close();
    delete harness->member;
    delete harness->anonymous;
    delete harness;
    delete QCoreApplication::instance();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    new QCoreApplication(*argc, *argv);
    // Security reports (failed sign-ins, ...) are what this target provokes on purpose.
    QLoggingCategory::setFilterRules(QStringLiteral("natter.*.debug=false\nnatter.*.info=false\n"
                                                    "natter.server.security=false"));
    harness = new Harness;
    if (!harness->databaseDir.isValid())
        fail("cannot make a directory for the database", databaseDirTemplate().toUtf8());
    Server::ServerConfig &config = harness->server.config();
    config.database = harness->databaseDir.filePath(QStringLiteral("natterd.sqlite"));
    // TestServer lifts the rate limits and per-address caps; lift what would close a connection between
    // inputs too: the sign-in deadline, the idle timeout, and the unread-bytes cap (the event loop only
    // reads while an input runs).
    config.connection.authTimeoutMs = 24 * 3600 * 1000;
    config.connection.maxOutgoingBytes = qint64(1) << 32;
    config.idleTimeoutMs = 24 * 3600 * 1000;
    // Users that inputs register join the room too; the member must always find a place in it again.
    config.maxRoomMembers = 1'000'000;
    if (!harness->server.start())
        fail("the server did not start");

    harness->member = new Peer("signed-in connection");
    harness->anonymous = new Peer("anonymous connection");
    harness->member->open(harness->server.url());
    harness->anonymous->open(harness->server.url());
    const QJsonObject registered =
        harness->member->request(RegisterRequest{harness->username, QString::fromLatin1(kPassword)});
    harness->token = registered.value(QLatin1String("token")).toString();
    const QJsonObject created = harness->member->request(CreateRoomRequest{QStringLiteral("Fuzz")});
    harness->code = created.value(QLatin1String("room")).toObject().value(QLatin1String("code")).toString();
    harness->roomId = created.value(QLatin1String("room")).toObject().value(QLatin1String("id")).toInteger();
    if (harness->token.isEmpty() || harness->code.isEmpty())
        fail("cannot register and create the room");
    std::atexit(shutDown);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    bool memberDirty = false;
    bool anonymousDirty = false;
    Peer *to = harness->member;
    qsizetype start = 0;
    for (int frames = 0; start <= input.size() && frames < kMaxFrames; ++frames) {
        qsizetype end = start;
        while (end < input.size() && input[end] != '\0' && input[end] != '\1')
            ++end;
        QByteArray frame = input.mid(start, end - start);
        if (frame.contains('@')) {
            frame.replace("@CODE@", harness->code.toUtf8());
            frame.replace("@TOKEN@", harness->token.toUtf8());
        }
        // Larger frames close the connection by design (tst_limits covers that).
        if (quint64(frame.size()) <= Limits::maxIncomingBytes) {
            const QString text =
                QString::fromUtf8(frame); // a text frame is UTF-8: invalid bytes become U+FFFD
            const QString type =
                QJsonDocument::fromJson(text.toUtf8()).object().value(QLatin1String("type")).toString();
            if (changesState(type))
                (to == harness->member ? memberDirty : anonymousDirty) = true;
            to->send(text);
        }
        if (end < input.size())
            to = input[end] == '\0' ? harness->member : harness->anonymous;
        start = end + 1;
    }
    Peer::settle({harness->member, harness->anonymous});

    if (anonymousDirty) // it may be signed in now, as anyone (the member too, with @TOKEN@)
        harness->anonymous->request(LogoutRequest{});
    if (memberDirty || anonymousDirty)
        harness->restoreMember();
    return 0;
}
