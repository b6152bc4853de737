// SPDX-License-Identifier: GPL-3.0-or-later
// natter-search-bench: how fast natterd's full-text search answers over a large database. Creates a
// database the way natterd does (Database::open, Migrator), fills it through MessageRepository::insert in
// transactions of 10 000 (so the FTS index is kept the way natterd keeps it), then times
// MessageRepository::search, the query natterd runs, for a fixed set of queries typed by one user.
//
// The data: 50 rooms (their activity Zipf-like: the busiest has ~15 % of the messages, the quietest ~0.7 %),
// 200 users, each a member of 10 random rooms, messages of 3-30 words (mostly short) drawn with a Zipf
// distribution (weight 1/rank) from a vocabulary of 100 000 words, common English and accented words first,
// then made-up ones, some of them accented; 1 % of the messages are deleted again. Everything comes from a
// fixed seed, so a database made by one run serves the next: with --database PATH a database that already
// holds the messages is reused (one that holds fewer is completed).
//
// Exits non-zero when a search fails, returns a result the user must not see (a room they are not in, a
// deleted message, another room than asked, not before `before`, not newest first) or a page other than
// the one a plain walk of the index gives. It asserts no timing: the figures are for reading.
//
// Then what a search costs everyone else: a timer on the main thread, due every 2 ms, stands for the other
// connections' frames, and its lateness is measured while the same searches run back to back, once on the
// main thread's event loop (calling the repository, as natterd did before the reader thread) and once
// through StorageReader, as natterd runs them now; the two alternate, round by round, in the same run.
#include "database.h"
#include "migrator.h"
#include "searchquery.h"
#include "storage.h"
#include "storagereader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUuid>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <sched.h>
#include <unistd.h>
#include <vector>

using namespace Natter;
using namespace Natter::Server;

namespace {

constexpr quint32 kSeed = 0x5eedc0de;
constexpr int kRooms = 50;
constexpr int kUsers = 200;
constexpr int kRoomsPerUser = 10;
constexpr int kVocabulary = 100000;
constexpr double kWordExponent = 1.0; // the word of rank r is drawn with weight 1/r
constexpr double kRoomExponent = 0.8; // the room of rank r receives messages with weight 1/r^0.8
constexpr qint64 kBatch = 10000;      // messages per transaction
constexpr double kDeletedShare = 0.01;
constexpr int kLimit = 20;                 // the protocol's default page of search results
constexpr qint64 kStartMs = 1704067200000; // 2024-01-01, one message every 30 s from there
constexpr qint64 kStepMs = 30000;
const QString kConnection = QStringLiteral("search-bench");

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

/// Draws 0..n-1, i with weight 1/(i+1)^exponent.
class Zipf {
public:
    Zipf(int n, double exponent)
    {
        m_cdf.reserve(n);
        double sum = 0;
        for (int rank = 1; rank <= n; ++rank) {
            sum += std::pow(rank, -exponent);
            m_cdf.push_back(sum);
        }
    }
    int draw(QRandomGenerator &rng) const
    {
        const double at = rng.generateDouble() * m_cdf.back();
        const auto found = std::upper_bound(m_cdf.begin(), m_cdf.end(), at);
        return int(std::min<qsizetype>(found - m_cdf.begin(), qsizetype(m_cdf.size()) - 1));
    }
    double share(int i) const { return (m_cdf[i] - (i > 0 ? m_cdf[i - 1] : 0)) / m_cdf.back(); }

private:
    std::vector<double> m_cdf;
};

/// A word as the tokenizer compares it: lower case, without accents.
QString fold(const QString &word)
{
    QString folded;
    for (const QChar c : word.normalized(QString::NormalizationForm_D)) {
        if (c.category() != QChar::Mark_NonSpacing)
            folded += c.toLower();
    }
    return folded;
}

/// The words by rank: common chat words first, then made-up ones (distinct once folded).
QStringList vocabulary()
{
    static const char *const common[] = {
        "the",       "to",     "i",          "you",    "a",      "and",      "it",      "is",      "in",
        "that",      "of",     "for",        "on",     "we",     "this",     "be",      "have",    "just",
        "so",        "what",   "ok",         "yes",    "no",     "can",      "will",    "not",     "but",
        "with",      "are",    "do",         "me",     "my",     "at",       "was",     "if",      "think",
        "know",      "like",   "get",        "good",   "now",    "time",     "today",   "thanks",  "lol",
        "right",     "see",    "going",      "need",   "work",   "people",   "there",   "out",     "up",
        "all",       "about",  "one",        "when",   "how",    "tomorrow", "meeting", "café",    "déjà",
        "très",      "naïve",  "über",       "résumé", "señor",  "garçon",   "crème",   "fiancée", "rôle",
        "jalapeño",  "piñata", "façade",     "éclair", "müller", "déjeuner", "été",     "ça",      "voilà",
        "coöperate", "año",    "smörgåsbord"};
    QStringList words;
    QSet<QString> seen;
    for (const char *word : common) {
        words.append(QString::fromUtf8(word));
        seen.insert(fold(words.last()));
    }
    static const char *const onsets[] = {"b",  "c",  "d",  "f",  "g",  "h",  "j",  "k",  "l",  "m",  "n",
                                         "p",  "r",  "s",  "t",  "v",  "w",  "z",  "br", "ch", "cr", "dr",
                                         "fl", "gr", "pl", "pr", "sh", "st", "tr", "th", "",   ""};
    static const char *const vowels[] = {"a", "e", "i", "o", "u", "ou", "ai", "ea"};
    static const char *const accented[] = {"é", "è", "à", "ü", "ö", "î", "ñe", "ça"};
    static const char *const codas[] = {"", "", "", "n", "r", "s", "l", "t", "m", "x"};
    QRandomGenerator rng(kSeed);
    while (words.size() < kVocabulary) {
        QString word;
        const int syllables = 1 + int(rng.bounded(3)) + (rng.bounded(4) == 0 ? 1 : 0);
        for (int i = 0; i < syllables; ++i) {
            word += QLatin1String(onsets[rng.bounded(int(std::size(onsets)))]);
            if (rng.bounded(25) == 0)
                word += QString::fromUtf8(accented[rng.bounded(int(std::size(accented)))]);
            else
                word += QLatin1String(vowels[rng.bounded(int(std::size(vowels)))]);
            word += QLatin1String(codas[rng.bounded(int(std::size(codas)))]);
        }
        const QString key = fold(word);
        if (key.size() < 2 || seen.contains(key))
            continue;
        seen.insert(key);
        words.append(word);
    }
    return words;
}

QString messageText(QRandomGenerator &rng, const QStringList &words, const Zipf &zipf)
{
    const double u = rng.generateDouble();
    const int length = 3 + std::min(27, int(28 * u * u)); // 3-30 words, half of them 3-9
    QString text;
    for (int i = 0; i < length; ++i) {
        QString word = words.at(zipf.draw(rng));
        if (i == 0 && rng.bounded(2) == 0)
            word[0] = word[0].toUpper();
        if (i > 0)
            text += rng.bounded(15) == 0 ? QStringLiteral(", ") : QStringLiteral(" ");
        text += word;
    }
    static const char *const ends[] = {"", "", "", ".", "?", "!", " :)"};
    text += QLatin1String(ends[rng.bounded(int(std::size(ends)))]);
    return text;
}

QString clientId(QRandomGenerator &rng) // a client's UUID, as natter sends
{
    std::array<quint32, 4> words;
    rng.fillRange(words.data(), words.size());
    QByteArray bytes(16, Qt::Uninitialized);
    std::memcpy(bytes.data(), words.data(), 16);
    bytes[6] = char((bytes[6] & 0x0f) | 0x40);
    bytes[8] = char((bytes[8] & 0x3f) | 0x80);
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

qint64 scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

struct World {
    QList<qint64> rooms;                 // by activity, busiest first
    QHash<qint64, QList<User>> members;  // by room
    QHash<qint64, QSet<qint64>> roomsOf; // by user
    QList<User> users;
};

/// Users, rooms and memberships, made once per database.
bool createWorld(QSqlDatabase &db, Storage &storage)
{
    QRandomGenerator rng(kSeed + 1);
    if (!db.transaction())
        return false;
    QList<User> users;
    for (int i = 1; i <= kUsers; ++i) {
        User user;
        if (storage.users.create(QStringLiteral("user%1").arg(i, 3, 10, QLatin1Char('0')),
                                 QStringLiteral("not-a-hash"),
                                 &user) != UserRepository::CreateStatus::Created)
            return false;
        users.append(user);
    }
    QList<qint64> rooms;
    for (int i = 1; i <= kRooms; ++i) {
        RoomRepository::RoomRow room;
        const qint64 creator = users.at(rng.bounded(kUsers)).id;
        if (storage.rooms.create(QStringLiteral("Room %1").arg(i),
                                 QStringLiteral("BENCH%1").arg(i, 5, 10, QLatin1Char('0')), creator,
                                 &room) != RoomRepository::CreateStatus::Created)
            return false;
        rooms.append(room.id);
    }
    for (const User &user : std::as_const(users)) {
        QList<qint64> order = rooms;
        for (qsizetype i = order.size() - 1; i > 0; --i) // Fisher-Yates, from our seed
            std::swap(order[i], order[rng.bounded(int(i + 1))]);
        for (int i = 0; i < kRoomsPerUser; ++i)
            storage.rooms.addMember(order.at(i), user.id); // false for the room's creator: already in
    }
    return db.commit();
}

bool loadWorld(const QSqlDatabase &db, Storage &storage, World *world)
{
    QSqlQuery users(db);
    if (!users.exec(QStringLiteral("SELECT id, username FROM users ORDER BY id")))
        return false;
    while (users.next())
        world->users.append(User{users.value(0).toLongLong(), users.value(1).toString()});
    QSqlQuery rooms(db);
    if (!rooms.exec(QStringLiteral("SELECT id FROM rooms ORDER BY id")))
        return false;
    while (rooms.next())
        world->rooms.append(rooms.value(0).toLongLong());
    for (const qint64 room : std::as_const(world->rooms)) {
        world->members.insert(room, storage.rooms.members(room));
        for (const User &member : world->members.value(room))
            world->roomsOf[member.id].insert(room);
        if (world->members.value(room).isEmpty())
            return false;
    }
    return world->users.size() == kUsers && world->rooms.size() == kRooms;
}

/// Messages [from, to) of the fixed sequence; each transaction's messages come from their own seed, so a
/// fill can continue where an earlier one stopped.
bool fill(QSqlDatabase &db, Storage &storage, const World &world, const QStringList &words, qint64 from,
          qint64 to)
{
    const Zipf wordZipf(int(words.size()), kWordExponent);
    const Zipf roomZipf(kRooms, kRoomExponent);
    QElapsedTimer clock;
    clock.start();
    for (qint64 batch = from / kBatch; batch * kBatch < to; ++batch) {
        QRandomGenerator rng({kSeed, quint32(batch)});
        if (!db.transaction())
            return false;
        for (qint64 i = batch * kBatch; i < std::min(to, (batch + 1) * kBatch); ++i) {
            const qint64 room = world.rooms.at(roomZipf.draw(rng));
            const QList<User> &members = world.members[room];
            const User author = members.at(rng.bounded(int(members.size())));
            const QString text = messageText(rng, words, wordZipf);
            const QString client = clientId(rng);
            const bool deleted = rng.generateDouble() < kDeletedShare;
            if (i < from)
                continue; // stored by an earlier run
            const auto message = storage.messages.insert(room, author, text, client, kStartMs + i * kStepMs);
            QList<qint64> changedReplies;
            if (!message || (deleted && !storage.messages.remove(*message, &changedReplies))) {
                db.rollback();
                return false;
            }
        }
        if (!db.commit())
            return false;
        const qint64 done = std::min(to, (batch + 1) * kBatch);
        if (done % 100000 == 0 || done == to) {
            out() << "  " << done << " messages, " << QString::number(clock.elapsed() / 1000.0, 'f', 1)
                  << " s" << Qt::endl;
        }
    }
    return true;
}

struct Query {
    QString kind;
    QString typed;
    std::optional<qint64> room;
    std::optional<qint64> before;
    QString fts;
    qint64 matches = 0; // rows of the index that match, in every room
    qint64 visible = 0; // of those, the ones the search may return (the user's rooms, `room`)
    int results = 0;
    bool more = false;
    std::vector<double> ms;
};

/// The protocol's promises for one page: checked for every result of every search.
bool pageIsValid(const Query &query, const MessageRepository::SearchPage &page, const QSet<qint64> &rooms,
                 QString *why)
{
    if (!page.ok) {
        *why = QStringLiteral("the search failed");
        return false;
    }
    if (page.hits.size() > kLimit) {
        *why = QStringLiteral("%1 results, more than the limit").arg(page.hits.size());
        return false;
    }
    qint64 previous = std::numeric_limits<qint64>::max();
    for (const auto &hit : page.hits) {
        const ChatMessage &m = hit.message;
        if (!rooms.contains(m.room))
            *why = QStringLiteral("message %1 is in room %2, which the user is not in").arg(m.id).arg(m.room);
        else if (query.room && m.room != *query.room)
            *why = QStringLiteral("message %1 is in room %2, not %3").arg(m.id).arg(m.room).arg(*query.room);
        else if (m.deleted || m.text.isEmpty())
            *why = QStringLiteral("message %1 is deleted").arg(m.id);
        else if (query.before && m.id >= *query.before)
            *why = QStringLiteral("message %1 is not before %2").arg(m.id).arg(*query.before);
        else if (m.id >= previous)
            *why = QStringLiteral("message %1 comes after %2: not newest first").arg(m.id).arg(previous);
        else if (!hit.marked.contains(QChar(2)) || !hit.marked.contains(QChar(3)))
            *why = QStringLiteral("message %1 has no marked match").arg(m.id);
        if (!why->isEmpty())
            return false;
        previous = m.id;
    }
    return true;
}

/// What the page must be, the slow and obvious way: every matching row of the index, newest first, kept
/// when it is in a room the search may return and not deleted. Also counts the matches.
struct Expected {
    QList<qint64> ids;
    bool more = false;
    bool ok = false;
};
Expected expectedPage(const QSqlDatabase &db, Query &query, const std::vector<qint32> &roomOf,
                      const std::vector<char> &deleted, const QSet<qint64> &rooms)
{
    Expected expected;
    QSqlQuery select(db);
    select.setForwardOnly(true);
    select.prepare(
        QStringLiteral("SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC"));
    select.addBindValue(query.fts);
    if (!select.exec())
        return expected;
    query.matches = 0;
    query.visible = 0;
    while (select.next()) {
        const qint64 id = select.value(0).toLongLong();
        ++query.matches;
        if (id <= 0 || id >= qint64(roomOf.size()) || deleted[id])
            continue;
        const qint64 room = roomOf[id];
        if (!rooms.contains(room) || (query.room && room != *query.room))
            continue;
        ++query.visible;
        if (query.before && id >= *query.before)
            continue;
        if (expected.ids.size() < kLimit)
            expected.ids.append(id);
        else
            expected.more = true;
    }
    expected.ok = !select.lastError().isValid();
    return expected;
}

struct Stats {
    double median = 0;
    double p90 = 0;
    double max = 0;
    int count = 0;
};

Stats statsOf(std::vector<double> values)
{
    Stats stats;
    if (values.empty())
        return stats;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    stats.median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    stats.p90 = values[size_t(std::ceil(0.9 * double(n))) - 1];
    stats.max = values.back();
    stats.count = int(n);
    return stats;
}

QJsonObject toJson(const Stats &stats)
{
    return {{QStringLiteral("median_ms"), stats.median},
            {QStringLiteral("p90_ms"), stats.p90},
            {QStringLiteral("max_ms"), stats.max},
            {QStringLiteral("searches"), stats.count}};
}

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : 1);
}

QStringList loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readAll()).split(QLatin1Char(' ')).mid(0, 3);
}

QString cpuModel()
{
    QFile file(QStringLiteral("/proc/cpuinfo"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("model name"))
            return QString::fromLatin1(line.mid(line.indexOf(':') + 1).trimmed());
    }
    return {};
}

int nproc() // the CPUs this process may run on, as nproc(1) counts them
{
    cpu_set_t set;
    CPU_ZERO(&set);
    return sched_getaffinity(0, sizeof(set), &set) == 0 ? CPU_COUNT(&set) : -1;
}

qint64 fileSize(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.size() : 0;
}

/// The value below which `share` (0..1) of the values lie (nearest rank).
double percentile(std::vector<double> values, double share)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t rank = size_t(std::ceil(share * double(values.size())));
    return values[std::clamp<size_t>(rank, 1, values.size()) - 1];
}

constexpr int kProbeMs = 2; // the timer that stands for the other connections

/// What searches run back to back did to this thread's event loop.
struct LoopRun {
    std::vector<double> lateMs;   // per tick of the probe: how much later than due it fired
    std::vector<double> searchMs; // per search: its time in SQLite
    std::vector<double> answerMs; // per search: from asking to the answer on this thread
    double seconds = 0;
};

/// How late a timer on this thread fires while searches run. `start` begins them and calls `finished`
/// once the last one is done (from the event loop, never inline).
void probeWhile(LoopRun &run, const std::function<void(const std::function<void()> &finished)> &start)
{
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    QTimer probe;
    probe.setSingleShot(true);
    probe.setTimerType(Qt::PreciseTimer);
    qint64 armedNs = clock.nsecsElapsed();
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        run.lateMs.push_back(std::max(0.0, double(now - armedNs) / 1e6 - kProbeMs));
        armedNs = now;
        probe.start(kProbeMs);
    });
    probe.start(kProbeMs);
    start([&loop] { loop.quit(); });
    loop.exec();
    run.seconds += double(clock.nsecsElapsed()) / 1e9;
}

/// The fixed set of queries, picked by rank from the vocabulary with their own seed.
QList<Query> makeQueries(const QStringList &words, qint64 oneRoom)
{
    QRandomGenerator rng(kSeed + 2);
    const auto word = [&](int lowRank, int highRank) {
        for (;;) {
            const QString picked = fold(words.at(lowRank - 1 + rng.bounded(highRank - lowRank + 1)));
            if (picked.size() >= 3)
                return picked;
        }
    };
    const auto common = [&] { return word(1, 12); };            // each in 5-65 % of the messages
    const auto medium = [&] { return word(100, 3000); };        // in ~0.03-1.2 %
    const auto rare = [&] { return word(50000, kVocabulary); }; // in a handful
    const auto prefix = [](const QString &w, int length) { return w.left(length); };
    QList<Query> queries;
    const auto add = [&](const QString &kind, const QString &typed, std::optional<qint64> room = std::nullopt,
                         std::optional<qint64> before = std::nullopt) {
        Query query;
        query.kind = kind;
        query.typed = typed;
        query.room = room;
        query.before = before;
        query.fts = SearchQuery::fromUserText(typed);
        queries.append(query);
    };
    for (int i = 0; i < 3; ++i)
        add(QStringLiteral("common word"), common());
    for (int i = 0; i < 3; ++i)
        add(QStringLiteral("medium word"), medium());
    for (int i = 0; i < 3; ++i)
        add(QStringLiteral("rare word"), rare());
    add(QStringLiteral("two words"), common() + QLatin1Char(' ') + common());
    add(QStringLiteral("two words"), common() + QLatin1Char(' ') + medium());
    add(QStringLiteral("two words"), medium() + QLatin1Char(' ') + medium());
    add(QStringLiteral("prefix"), prefix(medium(), 3));
    add(QStringLiteral("prefix"), prefix(medium(), 4));
    add(QStringLiteral("prefix"), common() + QLatin1Char(' ') + prefix(medium(), 3));
    // The first keys of a search typed as it goes: the last word expands to every word it begins.
    add(QStringLiteral("short prefix"), prefix(common(), 1));
    add(QStringLiteral("short prefix"), prefix(common(), 2));
    add(QStringLiteral("accents"), QStringLiteral("cafe"));
    add(QStringLiteral("accents"), QStringLiteral("Déjà vu")); // "vu" a prefix: "vu*"
    add(QStringLiteral("one room"), common(), oneRoom);
    add(QStringLiteral("one room"), medium(), oneRoom);
    // Paging: `before` is set to the last result of the first page once the database is there.
    add(QStringLiteral("paging (before)"), common());
    add(QStringLiteral("paging (before)"), medium());
    add(QStringLiteral("no match"), QStringLiteral("xylophonequartz"));
    add(QStringLiteral("no match"), rare() + QLatin1Char(' ') + rare());
    return queries;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Times natterd's full-text search over a generated database."));
    parser.addHelpOption();
    const QCommandLineOption messagesOption(QStringLiteral("messages"),
                                            QStringLiteral("Messages in the database (default 1000000)."),
                                            QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"),
                                          QStringLiteral("Times each query is run, warm (default 20)."),
                                          QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption databaseOption(
        QStringLiteral("database"),
        QStringLiteral("Database file to use and keep; reused when it already holds the messages "
                       "(default: a new one in a temporary directory, removed afterwards)."),
        QStringLiteral("PATH"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Also write a JSON summary."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption loopRoundsOption(
        QStringLiteral("loop-rounds"),
        QStringLiteral("Rounds of the queries for the event-loop measurement, each way (default 10)."),
        QStringLiteral("N"), QStringLiteral("10"));
    parser.addOptions({messagesOption, roundsOption, databaseOption, jsonOption, loopRoundsOption});
    parser.process(app);

    bool numbers = true;
    bool ok = false;
    const qint64 messageCount = parser.value(messagesOption).toLongLong(&ok);
    numbers = numbers && ok && messageCount > 0;
    const int rounds = parser.value(roundsOption).toInt(&ok);
    numbers = numbers && ok && rounds > 0;
    const int loopRounds = parser.value(loopRoundsOption).toInt(&ok);
    numbers = numbers && ok && loopRounds > 0;
    if (!numbers) {
        err() << "natter-search-bench: --messages, --rounds and --loop-rounds take positive numbers\n";
        return 2;
    }

    const QStringList loadAtStart = loadAverage();
    out() << "machine: " << sysconf(_SC_NPROCESSORS_ONLN) << " CPUs online, nproc " << nproc() << ", "
          << cpuModel() << "\nload average at start: " << loadAtStart.join(QLatin1Char(' ')) << Qt::endl;

    QTemporaryDir temporary;
    QString path = parser.value(databaseOption);
    if (path.isEmpty()) {
        if (!temporary.isValid()) {
            err() << "natter-search-bench: cannot create a temporary directory\n";
            return 2;
        }
        path = temporary.filePath(QStringLiteral("search-bench.sqlite"));
    }
    path = QFileInfo(path).absoluteFilePath();

    QString error;
    if (!Database::prepareFiles(path, &error)) {
        err() << "natter-search-bench: " << error << "\n";
        return 2;
    }
    QSqlDatabase db = Database::open(path, kConnection, &error);
    if (!db.isValid() || !Migrator(db).migrate(&error)) {
        err() << "natter-search-bench: " << path << ": " << error << "\n";
        return 2;
    }
    {
        QSqlQuery version(db);
        version.exec(QStringLiteral("SELECT sqlite_version()"));
        out() << "database: " << path << " (SQLite "
              << (version.next() ? version.value(0).toString() : QString()) << ")" << Qt::endl;
    }

    const QStringList words = vocabulary();
    World world;
    double fillSeconds = -1;
    qint64 stored = 0;
    {
        Storage storage(db);
        if (scalar(db, QStringLiteral("SELECT COUNT(*) FROM users")) == 0 && !createWorld(db, storage)) {
            err() << "natter-search-bench: cannot create the users and rooms\n";
            return 2;
        }
        if (!loadWorld(db, storage, &world)) {
            err() << "natter-search-bench: " << path << " is not a database this tool made (expected "
                  << kUsers << " users and " << kRooms << " rooms)\n";
            return 2;
        }
        stored = scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages"));
        if (stored > messageCount) {
            err() << "natter-search-bench: " << path << " holds " << stored << " messages, more than "
                  << messageCount << "; use --messages " << stored << " or another file\n";
            return 2;
        }
        if (stored < messageCount) {
            out() << "filling " << messageCount - stored << " messages"
                  << (stored > 0 ? QStringLiteral(" (after the %1 stored)").arg(stored) : QString()) << ", "
                  << kBatch << " per transaction" << Qt::endl;
            QElapsedTimer clock;
            clock.start();
            if (!fill(db, storage, world, words, stored, messageCount)) {
                err() << "natter-search-bench: filling failed: " << db.lastError().text() << "\n";
                return 2;
            }
            fillSeconds = clock.elapsed() / 1000.0;
            out() << "filled in " << QString::number(fillSeconds, 'f', 1) << " s ("
                  << qRound64((messageCount - stored) / std::max(fillSeconds, 0.001)) << " messages/s)"
                  << Qt::endl;
        } else {
            out() << "reusing the " << stored << " messages stored" << Qt::endl;
        }
    }
    QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    const qint64 databaseBytes = fileSize(path);
    const qint64 walBytes = fileSize(path + QStringLiteral("-wal"));
    const qint64 deletedCount = scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE deleted = 1"));
    out() << "database size: " << QString::number(databaseBytes / 1048576.0, 'f', 1) << " MiB (WAL "
          << QString::number(walBytes / 1048576.0, 'f', 1) << " MiB); " << deletedCount
          << " of the messages deleted" << Qt::endl;

    // Where every message is, for checking the pages.
    std::vector<qint32> roomOf;
    std::vector<char> deleted;
    {
        const qint64 maxId = scalar(db, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM messages"));
        roomOf.assign(size_t(maxId + 1), 0);
        deleted.assign(size_t(maxId + 1), 0);
        QSqlQuery all(db);
        all.setForwardOnly(true);
        all.exec(QStringLiteral("SELECT id, room_id, deleted FROM messages"));
        while (all.next()) {
            roomOf[size_t(all.value(0).toLongLong())] = qint32(all.value(1).toLongLong());
            deleted[size_t(all.value(0).toLongLong())] = all.value(2).toInt() != 0;
        }
    }

    // The searching user: the one whose rooms hold the median share of the messages.
    const Zipf roomZipf(kRooms, kRoomExponent);
    QHash<qint64, double> roomShare;
    for (int i = 0; i < kRooms; ++i)
        roomShare.insert(world.rooms.at(i), roomZipf.share(i));
    QList<QPair<double, qint64>> shares;
    for (const User &user : std::as_const(world.users)) {
        double share = 0;
        for (const qint64 room : world.roomsOf.value(user.id))
            share += roomShare.value(room);
        shares.append({share, user.id});
    }
    std::sort(shares.begin(), shares.end());
    const qint64 userId = shares.at(shares.size() / 2).second;
    const QSet<qint64> userRooms = world.roomsOf.value(userId);
    QList<qint64> byActivity(userRooms.cbegin(), userRooms.cend());
    std::sort(byActivity.begin(), byActivity.end(),
              [&](qint64 a, qint64 b) { return roomShare.value(a) > roomShare.value(b); });
    const qint64 oneRoom = byActivity.at(byActivity.size() / 2);
    qint64 visibleMessages = 0;
    for (size_t id = 1; id < roomOf.size(); ++id)
        visibleMessages += userRooms.contains(roomOf[id]) && !deleted[id];
    out() << "searching as user " << userId << ", member of " << userRooms.size() << " of " << kRooms
          << " rooms holding " << visibleMessages << " of the messages; \"one room\" is room " << oneRoom
          << " (" << std::count_if(roomOf.begin(), roomOf.end(), [&](qint32 r) { return r == oneRoom; })
          << " messages)" << Qt::endl;

    // A new connection, so that the first search meets an empty page cache (the OS's file cache is as it
    // is: warm right after a fill).
    db = QSqlDatabase();
    Database::close(kConnection);
    db = Database::open(path, kConnection, &error);
    if (!db.isValid()) {
        err() << "natter-search-bench: " << error << "\n";
        return 2;
    }
    Storage storage(db);
    QList<Query> queries = makeQueries(words, oneRoom);

    int failures = 0;
    const auto search = [&](Query &query, double *elapsedMs) {
        QElapsedTimer clock;
        clock.start();
        const auto page = storage.messages.search(userId, query.typed, query.room, query.before, kLimit);
        *elapsedMs = double(clock.nsecsElapsed()) / 1e6;
        QString why;
        if (!pageIsValid(query, page, userRooms, &why)) {
            err() << "FAILED: \"" << query.typed << "\": " << why << "\n";
            ++failures;
        }
        query.results = int(page.hits.size());
        query.more = page.more;
        return page;
    };

    double coldMs = 0;
    search(queries.first(), &coldMs);
    out() << "cold first search (\"" << queries.first().typed << "\", new connection): " << ms(coldMs)
          << " ms" << Qt::endl;

    // Once untimed: each page against the plain walk of the index; paging takes the first page's end.
    for (Query &query : queries) {
        double unused = 0;
        if (query.kind == QLatin1String("paging (before)")) {
            const auto first = search(query, &unused);
            if (!first.hits.isEmpty())
                query.before = first.hits.last().message.id;
        }
        const auto page = search(query, &unused);
        const Expected expected = expectedPage(db, query, roomOf, deleted, userRooms);
        QList<qint64> ids;
        for (const auto &hit : page.hits)
            ids.append(hit.message.id);
        if (!expected.ok || ids != expected.ids || page.more != expected.more) {
            err() << "FAILED: \"" << query.typed << "\": the page differs from the index's (" << ids.size()
                  << " results, expected " << expected.ids.size() << ")\n";
            ++failures;
        }
    }

    const QStringList loadBefore = loadAverage();
    for (int round = 0; round < rounds; ++round) {
        for (Query &query : queries) {
            double elapsed = 0;
            search(query, &elapsed);
            query.ms.push_back(elapsed);
        }
    }
    const QStringList loadAfter = loadAverage();

    out() << "\n"
          << rounds << " warm rounds of " << queries.size() << " queries, limit " << kLimit
          << ", times in ms:\n";
    out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                 .arg(QStringLiteral("class"), -16)
                 .arg(QStringLiteral("typed"), -26)
                 .arg(QStringLiteral("matches"), 8)
                 .arg(QStringLiteral("visible"), 8)
                 .arg(QStringLiteral("results"), 8)
                 .arg(QStringLiteral("median"), 8)
                 .arg(QStringLiteral("p90"), 8)
                 .arg(QStringLiteral("max"), 8);
    QJsonArray queryJson;
    QStringList kinds;
    std::vector<double> all;
    for (const Query &query : std::as_const(queries)) {
        if (!kinds.contains(query.kind))
            kinds.append(query.kind);
        all.insert(all.end(), query.ms.begin(), query.ms.end());
        const Stats stats = statsOf(query.ms);
        QString typed = query.typed;
        if (query.room)
            typed += QStringLiteral(" [room %1]").arg(*query.room);
        if (query.before)
            typed += QStringLiteral(" [<%1]").arg(*query.before);
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                     .arg(query.kind, -16)
                     .arg(typed, -26)
                     .arg(query.matches, 8)
                     .arg(query.visible, 8)
                     .arg(QString::number(query.results) + (query.more ? QStringLiteral("+") : QString()), 8)
                     .arg(ms(stats.median), 8)
                     .arg(ms(stats.p90), 8)
                     .arg(ms(stats.max), 8);
        QJsonObject object = toJson(stats);
        object.insert(QStringLiteral("class"), query.kind);
        object.insert(QStringLiteral("typed"), query.typed);
        object.insert(QStringLiteral("fts"), query.fts);
        if (query.room)
            object.insert(QStringLiteral("room"), *query.room);
        if (query.before)
            object.insert(QStringLiteral("before"), *query.before);
        object.insert(QStringLiteral("matches"), query.matches);
        object.insert(QStringLiteral("visible"), query.visible);
        object.insert(QStringLiteral("results"), query.results);
        object.insert(QStringLiteral("more"), query.more);
        queryJson.append(object);
    }

    out() << "\n"
          << QStringLiteral("%1 %2 %3 %4 %5\n")
                 .arg(QStringLiteral("class"), -16)
                 .arg(QStringLiteral("results"), -16)
                 .arg(QStringLiteral("median"), 8)
                 .arg(QStringLiteral("p90"), 8)
                 .arg(QStringLiteral("max"), 8);
    QJsonArray classJson;
    for (const QString &kind : std::as_const(kinds)) {
        std::vector<double> times;
        QStringList results;
        for (const Query &query : std::as_const(queries)) {
            if (query.kind != kind)
                continue;
            times.insert(times.end(), query.ms.begin(), query.ms.end());
            results.append(QString::number(query.results));
        }
        const Stats stats = statsOf(times);
        out() << QStringLiteral("%1 %2 %3 %4 %5\n")
                     .arg(kind, -16)
                     .arg(results.join(QLatin1Char(',')), -16)
                     .arg(ms(stats.median), 8)
                     .arg(ms(stats.p90), 8)
                     .arg(ms(stats.max), 8);
        QJsonObject object = toJson(stats);
        object.insert(QStringLiteral("class"), kind);
        classJson.append(object);
    }
    const Stats overall = statsOf(all);
    out() << QStringLiteral("%1 %2 %3 %4 %5\n")
                 .arg(QStringLiteral("overall"), -16)
                 .arg(QString(), -16)
                 .arg(ms(overall.median), 8)
                 .arg(ms(overall.p90), 8)
                 .arg(ms(overall.max), 8);
    // What the searches cost the event loop: the same queries back to back, on it and on the reader thread.
    StorageReader reader(DatabaseLocation::sqlite(path));
    if (!reader.start(&error)) {
        err() << "natter-search-bench: cannot start the reader: " << error << "\n";
        return 2;
    }
    using Page = MessageRepository::SearchPage;
    const auto check = [&](const Query &query, const Page &page) {
        QString why;
        if (!pageIsValid(query, page, userRooms, &why)) {
            err() << "FAILED (" << (why.isEmpty() ? QStringLiteral("?") : why) << "): \"" << query.typed
                  << "\"\n";
            ++failures;
        }
    };
    const auto onTheLoop = [&](LoopRun &run) {
        std::function<void(int)> next; // search i, then i + 1 a turn of the event loop later
        probeWhile(run, [&](const std::function<void()> &finished) {
            next = [&, finished](int i) {
                if (i == queries.size())
                    return finished();
                double elapsed = 0;
                search(queries[i], &elapsed);
                run.searchMs.push_back(elapsed);
                run.answerMs.push_back(elapsed);
                QTimer::singleShot(0, [&next, i] { next(i + 1); });
            };
            QTimer::singleShot(0, [&next] { next(0); });
        });
    };
    const auto onTheReader = [&](LoopRun &run) {
        int asked = 0;
        int answered = 0;
        std::function<void()> ask;
        probeWhile(run, [&](const std::function<void()> &finished) {
            ask = [&, finished] {
                if (asked == queries.size())
                    return;
                const Query query = queries[asked++];
                auto searchNs = std::make_shared<qint64>(0);
                QElapsedTimer sinceAsked;
                sinceAsked.start();
                reader.read<Page>(
                    &reader,
                    [userId, query, searchNs](Storage &storage) {
                        QElapsedTimer clock;
                        clock.start();
                        Page page =
                            storage.messages.search(userId, query.typed, query.room, query.before, kLimit);
                        *searchNs = clock.nsecsElapsed();
                        return page;
                    },
                    [&, query, searchNs, sinceAsked, finished](const Page &page) {
                        run.answerMs.push_back(double(sinceAsked.nsecsElapsed()) / 1e6);
                        run.searchMs.push_back(double(*searchNs) / 1e6);
                        check(query, page);
                        if (++answered == queries.size())
                            return finished();
                        ask();
                    });
            };
            // Two asked at a time, so that the reader never waits for this thread between searches.
            ask();
            ask();
        });
    };
    {
        LoopRun warmUp; // the reader's connection has its own page cache: filled once, untimed
        onTheReader(warmUp);
    }
    LoopRun loopRun;
    LoopRun readerRun;
    const QStringList loadBeforeLoop = loadAverage();
    for (int round = 0; round < loopRounds; ++round) {
        onTheLoop(loopRun);
        onTheReader(readerRun);
    }
    const QStringList loadAfterLoop = loadAverage();
    reader.stop();

    out() << "\n"
          << "event loop while searches run back to back (" << loopRounds << " rounds of " << queries.size()
          << " queries each way, alternating): lateness of a " << kProbeMs
          << " ms timer on the main thread, and the searches, in ms:\n";
    out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                 .arg(QStringLiteral("search runs"), -18)
                 .arg(QStringLiteral("ticks"), 7)
                 .arg(QStringLiteral("late p50"), 9)
                 .arg(QStringLiteral("p99"), 8)
                 .arg(QStringLiteral("max"), 8)
                 .arg(QStringLiteral("search p50"), 11)
                 .arg(QStringLiteral("max"), 8)
                 .arg(QStringLiteral("answer p50"), 11)
                 .arg(QStringLiteral("searches/s"), 11);
    QJsonObject loopJson;
    const auto report = [&](const QString &name, const QString &key, const LoopRun &run) {
        const double searchesPerSecond = double(run.searchMs.size()) / std::max(run.seconds, 1e-9);
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                     .arg(name, -18)
                     .arg(qint64(run.lateMs.size()), 7)
                     .arg(ms(percentile(run.lateMs, 0.5)), 9)
                     .arg(ms(percentile(run.lateMs, 0.99)), 8)
                     .arg(ms(percentile(run.lateMs, 1.0)), 8)
                     .arg(ms(percentile(run.searchMs, 0.5)), 11)
                     .arg(ms(percentile(run.searchMs, 1.0)), 8)
                     .arg(ms(percentile(run.answerMs, 0.5)), 11)
                     .arg(QString::number(searchesPerSecond, 'f', 0), 11);
        loopJson.insert(key, QJsonObject{{QStringLiteral("ticks"), qint64(run.lateMs.size())},
                                         {QStringLiteral("late_p50_ms"), percentile(run.lateMs, 0.5)},
                                         {QStringLiteral("late_p99_ms"), percentile(run.lateMs, 0.99)},
                                         {QStringLiteral("late_max_ms"), percentile(run.lateMs, 1.0)},
                                         {QStringLiteral("search_p50_ms"), percentile(run.searchMs, 0.5)},
                                         {QStringLiteral("search_max_ms"), percentile(run.searchMs, 1.0)},
                                         {QStringLiteral("answer_p50_ms"), percentile(run.answerMs, 0.5)},
                                         {QStringLiteral("answer_max_ms"), percentile(run.answerMs, 1.0)},
                                         {QStringLiteral("searches"), qint64(run.searchMs.size())},
                                         {QStringLiteral("seconds"), run.seconds}});
    };
    report(QStringLiteral("on the event loop"), QStringLiteral("event_loop"), loopRun);
    report(QStringLiteral("on the reader"), QStringLiteral("reader"), readerRun);
    loopJson.insert(QStringLiteral("probe_ms"), kProbeMs);
    loopJson.insert(QStringLiteral("rounds"), loopRounds);
    loopJson.insert(QStringLiteral("load_before"), QJsonArray::fromStringList(loadBeforeLoop));
    loopJson.insert(QStringLiteral("load_after"), QJsonArray::fromStringList(loadAfterLoop));
    out() << "load average before: " << loadBeforeLoop.join(QLatin1Char(' '))
          << "; after: " << loadAfterLoop.join(QLatin1Char(' ')) << Qt::endl;

    out() << "\nload average before the rounds: " << loadBefore.join(QLatin1Char(' '))
          << "; after: " << loadAfter.join(QLatin1Char(' ')) << "\n"
          << (failures == 0 ? QStringLiteral("all results checked: only the user's rooms, as the index gives")
                            : QStringLiteral("%1 FAILED").arg(failures))
          << Qt::endl;

    if (parser.isSet(jsonOption)) {
        const QJsonObject summary{
            {QStringLiteral("setup"), QJsonObject{{QStringLiteral("messages"), messageCount},
                                                  {QStringLiteral("deleted"), deletedCount},
                                                  {QStringLiteral("rooms"), kRooms},
                                                  {QStringLiteral("users"), kUsers},
                                                  {QStringLiteral("rooms_per_user"), kRoomsPerUser},
                                                  {QStringLiteral("vocabulary"), kVocabulary},
                                                  {QStringLiteral("searching_user"), userId},
                                                  {QStringLiteral("visible_messages"), visibleMessages},
                                                  {QStringLiteral("limit"), kLimit},
                                                  {QStringLiteral("rounds"), rounds}}},
            {QStringLiteral("fill_seconds"), fillSeconds < 0 ? QJsonValue() : QJsonValue(fillSeconds)},
            {QStringLiteral("reused_messages"), stored},
            {QStringLiteral("database_bytes"), databaseBytes},
            {QStringLiteral("machine"),
             QJsonObject{{QStringLiteral("cpus_online"), qint64(sysconf(_SC_NPROCESSORS_ONLN))},
                         {QStringLiteral("nproc"), nproc()},
                         {QStringLiteral("cpu_model"), cpuModel()},
                         {QStringLiteral("load_at_start"), QJsonArray::fromStringList(loadAtStart)},
                         {QStringLiteral("load_before_rounds"), QJsonArray::fromStringList(loadBefore)},
                         {QStringLiteral("load_after_rounds"), QJsonArray::fromStringList(loadAfter)}}},
            {QStringLiteral("cold_first_ms"), coldMs},
            {QStringLiteral("overall"), toJson(overall)},
            {QStringLiteral("classes"), classJson},
            {QStringLiteral("queries"), queryJson},
            {QStringLiteral("event_loop"), loopJson},
            {QStringLiteral("failures"), failures}};
        QFile file(parser.value(jsonOption));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(QJsonDocument(summary).toJson()) < 0) {
            err() << "natter-search-bench: cannot write " << file.fileName() << "\n";
            return 2;
        }
    }
    return failures == 0 ? 0 : 1;
}
