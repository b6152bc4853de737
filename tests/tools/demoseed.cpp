// SPDX-License-Identifier: GPL-3.0-or-later
// natter-demo-seed: fills a natterd with a small conversation for screenshots and demos. Alice, Bob and
// Carol sign up; they talk in two rooms, with a reply, reactions and an edit, and Bob writes to Alice
// directly; Alice's token is stored in a natter profile so that the client
// opens signed in; Bob stays connected (online) until this program is stopped. With --check it is a
// smoke test instead: after seeding, a fresh session of Alice's must find every message, then it exits
// (0: all there). Loopback servers only.
#include "chatsession.h"
#include "clientsettings.h"
#include "connection.h"
#include "messagemodel.h"
#include "roomlistmodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

using namespace Natter;
using namespace Natter::Client;

namespace {
bool waitFor(const std::function<bool()> &done, int timeoutMs = 10000)
{
    QTimer deadline;
    deadline.setSingleShot(true);
    deadline.start(timeoutMs);
    while (!done() && deadline.isActive())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return done();
}

struct Person {
    Connection connection;
    ChatSession session{connection};
    bool signUp(const QUrl &url, const QString &name)
    {
        connection.open(url);
        if (!waitFor([this] { return connection.state() == Connection::State::Online; }))
            return false;
        bool synced = false;
        QObject::connect(&session, &ChatSession::synced, [&synced] { synced = true; });
        session.signUp(name, QStringLiteral("demo-password"));
        return waitFor([&synced] { return synced; });
    }
    std::optional<Room> create(const QString &name)
    {
        std::optional<Room> result;
        bool done = false;
        session.createRoom(name, [&](const std::optional<Room> &room, const auto &) {
            result = room;
            done = true;
        });
        waitFor([&done] { return done; });
        return result;
    }
    bool join(const QString &code)
    {
        bool ok = false;
        bool done = false;
        session.joinRoom(code, [&](const std::optional<Room> &room, const auto &) {
            ok = room.has_value();
            done = true;
        });
        waitFor([&done] { return done; });
        return ok;
    }
    /// Sends and waits until it is stored; returns its id.
    qint64 say(qint64 room, const QString &text, qint64 replyTo = 0)
    {
        session.send(room, text, replyTo);
        waitFor([this] { return session.outboxSize() == 0; });
        return session.messages(room)->newestId();
    }
    bool edit(qint64 room, qint64 id, const QString &text)
    {
        bool done = false;
        session.editMessage(room, id, text, [&done](const auto &) { done = true; });
        return waitFor([&done] { return done; });
    }
    bool react(qint64 room, qint64 id, const QString &emoji)
    {
        bool done = false;
        session.react(room, id, emoji, true, [&done](const auto &) { done = true; });
        return waitFor([&done] { return done; });
    }
};
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption url(QStringLiteral("url"), QStringLiteral("natterd URL."),
                                 QStringLiteral("URL"));
    const QCommandLineOption profileDir(
        QStringLiteral("profile-dir"),
        QStringLiteral("Directory of natter profiles to store Alice's session in."), QStringLiteral("DIR"));
    const QCommandLineOption check(QStringLiteral("check"),
                                   QStringLiteral("Smoke test: verify the stored conversation, then exit."));
    parser.addOptions({url, profileDir, check});
    parser.process(app);
    const QUrl server(parser.value(url));
    QTextStream err(stderr);

    Person alice, bob, carol;
    if (!alice.signUp(server, QStringLiteral("alice")) || !bob.signUp(server, QStringLiteral("bob")) ||
        !carol.signUp(server, QStringLiteral("carol"))) {
        err << "natter-demo-seed: cannot sign up at " << server.toString() << "\n";
        return 1;
    }
    const auto hike = alice.create(QStringLiteral("Weekend hike"));
    const auto books = carol.create(QStringLiteral("Book club"));
    if (!hike || !books || !bob.join(hike->code) || !carol.join(hike->code) || !alice.join(books->code)) {
        err << "natter-demo-seed: cannot set up rooms\n";
        return 1;
    }
    const qint64 question = alice.say(hike->id, QStringLiteral("Who is up for the ridge trail on Saturday?"));
    const qint64 when = bob.say(hike->id, QStringLiteral("Me! What time do we leave?"));
    const qint64 drive = bob.say(hike->id, QStringLiteral("I can drive, there is room for three."));
    carol.say(hike->id, QStringLiteral("Count me in. Forecast looks good: https://example.org/forecast"));
    alice.say(hike->id, QStringLiteral("Let's meet at the station at 8:00.\nBring water and a warm layer."),
              when);
    bob.say(hike->id, QStringLiteral("See you there, @alice!"));
    // A reply, reactions and an edited message, as a real conversation has them.
    if (!bob.edit(hike->id, drive, QStringLiteral("I can drive, there is room for three more.")) ||
        !bob.react(hike->id, question, QStringLiteral("👍")) ||
        !carol.react(hike->id, question, QStringLiteral("👍")) ||
        !alice.react(hike->id, drive, QStringLiteral("❤️")) ||
        !carol.react(hike->id, drive, QStringLiteral("🎉"))) {
        err << "natter-demo-seed: cannot edit or react\n";
        return 1;
    }
    // A direct conversation, listed apart from the rooms.
    std::optional<Room> direct;
    bool opened = false;
    bob.session.openDirect(alice.session.user().id, [&](const std::optional<Room> &room, const auto &) {
        direct = room;
        opened = true;
    });
    if (!waitFor([&opened] { return opened; }) || !direct) {
        err << "natter-demo-seed: cannot open a direct conversation\n";
        return 1;
    }
    bob.say(direct->id, QStringLiteral("Can you bring the map? Mine got wet."));
    carol.say(books->id, QStringLiteral("Next book: The Left Hand of Darkness. Thoughts?"));
    carol.say(books->id, QStringLiteral("We meet on the 12th."));

    if (parser.isSet(check)) {
        Person again;
        again.connection.open(server);
        bool synced = false;
        QObject::connect(&again.session, &ChatSession::synced, [&synced] { synced = true; });
        if (!waitFor([&again] { return again.connection.state() == Connection::State::Online; }))
            return 1;
        again.session.resume(alice.session.token());
        if (!waitFor([&synced] { return synced; })) {
            err << "natter-demo-seed: could not resume Alice's session\n";
            return 1;
        }
        // Messages, and apart from them the lines saying who joined (bob and carol; carol).
        const auto count = [&again](qint64 room, bool lines) {
            MessageModel *model = again.session.messages(room);
            int rows = 0;
            for (int row = 0; row < model->rowCount(); ++row) {
                const bool line =
                    model->index(row).data(MessageModel::NoticeRole).value<MessageModel::Notice>() !=
                    MessageModel::Notice::None;
                rows += line == lines ? 1 : 0;
            }
            return rows;
        };
        const int hikeCount = count(hike->id, false);
        const int bookCount = count(books->id, false);
        const int joinLines = count(hike->id, true) + count(books->id, true);
        QTextStream(stdout) << "smoke: " << again.session.rooms()->rowCount() << " rooms, " << hikeCount
                            << " + " << bookCount << " messages and " << joinLines << " join lines stored\n";
        return (again.session.rooms()->rowCount() == 3 && hikeCount == 6 && bookCount == 2 && joinLines == 3)
                   ? 0
                   : 1;
    }

    ClientSettings profile(QStringLiteral("demo"), parser.value(profileDir));
    profile.setServerUrl(server);
    profile.setLastUsername(QStringLiteral("alice"));
    profile.setToken(server, alice.session.token());
    profile.setLastRoom(hike->id);
    profile.sync();
    QTextStream(stdout) << "natter-demo-seed ready" << Qt::endl;
    // Once the client is up: a live message in the room not in view (an unread badge), then Carol leaves
    // (offline in the member list). Bob stays online until this program is stopped.
    QTimer::singleShot(2500, &app, [&] {
        carol.session.send(books->id, QStringLiteral("Also: snacks are on me."));
        QTimer::singleShot(500, &app, [&] { carol.connection.close(); });
    });
    // And Bob is writing something: the typing line under the conversation. It starts once the client has
    // had time to connect (a client learns of typing that starts while it is there), and is renewed.
    QTimer typing;
    QObject::connect(&typing, &QTimer::timeout, &app, [&] { bob.session.setTyping(hike->id, true); });
    QTimer::singleShot(2500, &app, [&typing] { typing.start(1000); });
    return app.exec();
}
