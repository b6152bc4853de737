// SPDX-License-Identifier: GPL-3.0-or-later
#include "errorcode.h"
#include "events.h"
#include "eventtable.h"
#include "frames.h"
#include "jsonfields.h"
#include "replies.h"
#include "request.h"
#include "requests.h"
#include "room.h"
#include "validation.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Natter;

namespace {
QJsonObject parse(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

template <typename T>
std::optional<ErrorCode> decodeError(const QString &json)
{
    const auto decoded = T::decode(parse(json));
    if (const auto *error = std::get_if<ProtocolError>(&decoded))
        return error->code;
    return std::nullopt;
}

/// The names in the first column (`name`) of the table under the level-2 heading `section` of
/// docs/protocol.md.
QSet<QString> documentedNames(const QString &section)
{
    QFile file(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../docs/protocol.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    const qsizetype start = text.indexOf(QStringLiteral("\n## ") + section + QLatin1Char('\n'));
    if (start < 0)
        return {};
    const qsizetype end = text.indexOf(QStringLiteral("\n## "), start + 1);
    const QString body = text.mid(start, end < 0 ? -1 : end - start);
    QSet<QString> names;
    static const QRegularExpression row(QStringLiteral("^\\| `([a-z_]+)` \\|"),
                                        QRegularExpression::MultilineOption);
    for (auto match = row.globalMatch(body); match.hasNext();)
        names.insert(match.next().captured(1));
    return names;
}

template <typename... T>
QSet<QString> typeNames(const std::tuple<T...> *)
{
    return {QString(T::type)...};
}
} // namespace

class TestProtocol : public QObject {
    Q_OBJECT

private slots:
    void errorCodeNamesRoundTrip()
    {
        for (int i = 0; i <= static_cast<int>(lastErrorCode); ++i) {
            const auto code = static_cast<ErrorCode>(i);
            QCOMPARE(errorCodeFromName(errorCodeName(code)), code);
        }
        QCOMPARE(errorCodeName(ErrorCode::NotAMember), QStringLiteral("not_a_member"));
        QCOMPARE(errorCodeFromName(QStringLiteral("no_such_code")), std::nullopt);
    }

    void frameEnvelope_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QJsonValue>("id");
        QTest::newRow("not json") << QByteArray("{nope") << false << QJsonValue();
        QTest::newRow("invalid utf-8")
            << QByteArray("{\"type\":\"a\xff\",\"id\":1}") << false << QJsonValue();
        QTest::newRow("array") << QByteArray("[1,2]") << false << QJsonValue();
        QTest::newRow("string") << QByteArray("\"hello\"") << false << QJsonValue();
        QTest::newRow("no type") << QByteArray("{\"id\":7}") << false << QJsonValue(7);
        QTest::newRow("number type") << QByteArray("{\"id\":\"a\",\"type\":3}") << false << QJsonValue("a");
        QTest::newRow("no id") << QByteArray("{\"type\":\"login\"}") << false << QJsonValue();
        QTest::newRow("object id") << QByteArray("{\"type\":\"login\",\"id\":{}}") << false << QJsonValue();
        QTest::newRow("bool id") << QByteArray("{\"type\":\"login\",\"id\":true}") << false << QJsonValue();
        QTest::newRow("number id") << QByteArray("{\"type\":\"login\",\"id\":1.5}") << true
                                   << QJsonValue(1.5);
        QTest::newRow("string id") << QByteArray("{\"type\":\"x\",\"id\":\"r1\"}") << true
                                   << QJsonValue("r1");
    }

    void frameEnvelope()
    {
        QFETCH(QByteArray, frame);
        QFETCH(bool, accepted);
        QFETCH(QJsonValue, id);
        const auto result = parseRequestFrame(frame);
        if (accepted) {
            QVERIFY(std::holds_alternative<Request>(result));
            QCOMPARE(std::get<Request>(result).id, id);
        } else {
            QVERIFY(std::holds_alternative<RejectedFrame>(result));
            const auto &rejected = std::get<RejectedFrame>(result);
            QCOMPARE(rejected.error.code, ErrorCode::BadRequest);
            QVERIFY(!rejected.error.message.isEmpty());
            QCOMPARE(JsonFields::isRequestId(rejected.id), !id.isNull());
            if (!id.isNull())
                QCOMPARE(rejected.id, id);
            const QJsonObject reply = rejected.error.toReply(rejected.id);
            QCOMPARE(reply.value("type").toString(), QStringLiteral("error"));
            QCOMPARE(reply.value("code").toString(), QStringLiteral("bad_request"));
            QCOMPARE(reply.contains("id"), !id.isNull());
        }
    }

    void knownTypes()
    {
        QVERIFY(isKnownRequestType(QStringLiteral("register"))); // and the rest: docsListEveryTypeAndCode()
        QVERIFY(!isKnownRequestType(QStringLiteral("hello")));
        QVERIFY(!isKnownRequestType(QStringLiteral("Login")));
    }

    void registerErrors()
    {
        QCOMPARE(decodeError<RegisterRequest>(R"({"username":"alice"})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<RegisterRequest>(R"({"username":5,"password":"secret123"})"),
                 ErrorCode::BadRequest);
        QCOMPARE(decodeError<RegisterRequest>(R"({"username":"al","password":"secret123"})"),
                 ErrorCode::InvalidUsername);
        QCOMPARE(decodeError<RegisterRequest>(R"({"username":"al ice","password":"secret123"})"),
                 ErrorCode::InvalidUsername);
        QCOMPARE(decodeError<RegisterRequest>(R"({"username":"alice","password":"short"})"),
                 ErrorCode::WeakPassword);
        const QString longPassword = QString(1025, QLatin1Char('x'));
        QCOMPARE(decodeError<RegisterRequest>(
                     QStringLiteral(R"({"username":"alice","password":"%1"})").arg(longPassword)),
                 ErrorCode::WeakPassword);
        QCOMPARE(decodeError<RegisterRequest>(R"({"username":"Al_ice.-9","password":"12345678"})"),
                 std::nullopt);
    }

    void loginAndResumeErrors()
    {
        QCOMPARE(decodeError<LoginRequest>(R"({"username":"alice","password":null})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<LoginRequest>(R"({"username":"x","password":"y"})"), std::nullopt);
        QCOMPARE(decodeError<ResumeRequest>(R"({"token":7})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<ResumeRequest>(R"({"token":"abc"})"), std::nullopt);
    }

    void roomRequestErrors()
    {
        QCOMPARE(decodeError<CreateRoomRequest>(R"({"name":"   "})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<CreateRoomRequest>(R"({"name":3})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<CreateRoomRequest>(QStringLiteral(R"({"name":"%1"})").arg(QString(65, 'r'))),
                 ErrorCode::BadRequest);
        const auto created = CreateRoomRequest::decode(parse(R"({"name":"  Lounge  "})"));
        QCOMPARE(std::get<CreateRoomRequest>(created).name, QStringLiteral("Lounge"));
        QCOMPARE(decodeError<JoinRoomRequest>(R"({"code":[]})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<LeaveRoomRequest>(R"({"room":"1"})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<LeaveRoomRequest>(R"({"room":0})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<LeaveRoomRequest>(R"({"room":2.5})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<LeaveRoomRequest>(R"({"room":1e300})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<LeaveRoomRequest>(R"({"room":4})"), std::nullopt);
    }

    void sendErrors()
    {
        QCOMPARE(decodeError<SendRequest>(R"({"text":"hi"})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<SendRequest>(R"({"room":1})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<SendRequest>(R"({"room":1,"text":" \n\t "})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<SendRequest>(R"({"room":1,"text":"hi","client_id":5})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<SendRequest>(R"({"room":1,"text":"hi","client_id":""})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<SendRequest>(
                     QStringLiteral(R"({"room":1,"text":"hi","client_id":"%1"})").arg(QString(65, 'c'))),
                 ErrorCode::BadRequest);
        // Too long text is not the decoder's to refuse: it is checked after membership.
        QCOMPARE(
            decodeError<SendRequest>(QStringLiteral(R"({"room":1,"text":"%1"})").arg(QString(5000, 't'))),
            std::nullopt);
        const auto sent = SendRequest::decode(parse(R"({"room":3,"text":"hi","client_id":"c-1"})"));
        QCOMPARE(std::get<SendRequest>(sent).clientId, QStringLiteral("c-1"));
    }

    void historyErrors()
    {
        QCOMPARE(decodeError<HistoryRequest>(R"({"room":1,"before":3,"after":1})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<HistoryRequest>(R"({"room":1,"limit":0})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<HistoryRequest>(R"({"room":1,"limit":201})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<HistoryRequest>(R"({"room":1,"limit":"5"})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<HistoryRequest>(R"({"room":1,"before":-1})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<HistoryRequest>(R"({"room":"x"})"), ErrorCode::BadRequest);
        const auto plain = std::get<HistoryRequest>(HistoryRequest::decode(parse(R"({"room":1})")));
        QCOMPARE(plain.limit, 50);
        QVERIFY(!plain.before && !plain.after);
        const auto paged =
            std::get<HistoryRequest>(HistoryRequest::decode(parse(R"({"room":1,"after":9,"limit":200})")));
        QCOMPARE(paged.after, 9);
        QCOMPARE(paged.limit, 200);
    }

    void requestsRoundTrip()
    {
        const SendRequest send{4, QStringLiteral("héllo 👋"), QStringLiteral("abc")};
        const QJsonObject frame = requestFrame(send, QStringLiteral("r1"));
        QCOMPARE(frame.value("type").toString(), QStringLiteral("send"));
        const auto request = std::get<Request>(parseRequestFrame(Frames::serialize(frame).toUtf8()));
        const auto decoded = std::get<SendRequest>(SendRequest::decode(request.fields));
        QCOMPARE(decoded.room, send.room);
        QCOMPARE(decoded.text, send.text);
        QCOMPARE(decoded.clientId, send.clientId);

        HistoryRequest history;
        history.room = 2;
        history.before = 10;
        history.limit = 20;
        const auto back = std::get<HistoryRequest>(HistoryRequest::decode(history.toJson()));
        QCOMPARE(back.before, 10);
        QCOMPARE(back.limit, 20);
    }

    void objectsRoundTrip()
    {
        const User alice{1, QStringLiteral("Alice")};
        const Room room{7, QStringLiteral("Lounge"), QStringLiteral("ABCDEFGHJK"), {{alice, true}}};
        QCOMPARE(Room::fromJson(room.toJson()), room);
        QCOMPARE(room.toJson().value("members").toArray().first().toObject().value("online").toBool(), true);

        ChatMessage message{12, 7, alice, QStringLiteral("hi"), 1700000000123, {}};
        QVERIFY(!message.toJson().contains("client_id"));
        QCOMPARE(ChatMessage::fromJson(message.toJson()), message);
        message.clientId = QStringLiteral("c1");
        QCOMPARE(ChatMessage::fromJson(message.toJson()), message);
        QCOMPARE(ChatMessage::fromJson(QJsonObject{{"id", 1}}), std::nullopt);
        QCOMPARE(User::fromJson(QJsonObject{{"id", "1"}, {"username", "x"}}), std::nullopt);
        QCOMPARE(Member::fromJson(alice.toJson()), std::nullopt);
    }

    void eventFrames()
    {
        const User bob{2, QStringLiteral("bob")};
        const QJsonObject hello = HelloEvent{1, QStringLiteral("natterd 1")}.toJson();
        QCOMPARE(hello.value("protocol").toInt(), 1);
        QCOMPARE(hello.value("type").toString(), QStringLiteral("hello"));
        QCOMPARE(HelloEvent::fromJson(hello)->server, QStringLiteral("natterd 1"));
        QCOMPARE(PresenceEvent{bob}.toJson().value("online").toBool(), false);
        const QJsonObject joined = MemberJoinedEvent{3, {bob, true}}.toJson();
        QCOMPARE(joined.value("room").toInt(), 3);
        QCOMPARE(joined.value("user").toObject().value("username").toString(), QStringLiteral("bob"));
        QCOMPARE(MemberJoinedEvent::fromJson(joined)->member, (Member{bob, true}));
        QCOMPARE((MemberLeftEvent{3, bob}).toJson().value("type").toString(), QStringLiteral("member_left"));
        QCOMPARE(MemberLeftEvent::fromJson(QJsonObject{{"room", 3}}), std::nullopt);
        QVERIFY(!PresenceEvent::fromJson(QJsonObject{{"user", bob.toJson()}, {"online", "yes"}}));
        const QJsonObject ok = Frames::ok(QStringLiteral("q"), {{"user", bob.toJson()}});
        QCOMPARE(ok.value("type").toString(), QStringLiteral("ok"));
        QCOMPARE(ok.value("id").toString(), QStringLiteral("q"));
        QVERIFY(!Frames::serialize(ok).contains(QLatin1Char('\n')));

        const ProtocolError limited{ErrorCode::RateLimited, QStringLiteral("slow down"), 1500};
        const auto parsed = ProtocolError::fromReply(limited.toReply(3));
        QVERIFY(parsed);
        QCOMPARE(parsed->code, ErrorCode::RateLimited);
        QCOMPARE(parsed->retryAfterMs, 1500);
    }

    void repliesRoundTrip()
    {
        const User alice{1, QStringLiteral("Alice")};
        const ChatMessage message{12, 7, alice, QStringLiteral("hi"), 1700000000123, QStringLiteral("c1")};
        const Room room{7, QStringLiteral("Lounge"), QStringLiteral("ABCDEFGHJK"), {{alice, true}}};
        QCOMPARE(SignedInReply::fromJson(SignedInReply{alice, QStringLiteral("t")}.toJson())->token,
                 QStringLiteral("t"));
        QVERIFY(!(SignedInReply{alice, {}}).toJson().contains("token")); // resume
        QCOMPARE(RoomReply::fromJson(RoomReply{room}.toJson())->room, room);
        QCOMPARE(RoomsReply::fromJson(RoomsReply{{room, room}}.toJson())->rooms.size(), 2);
        QCOMPARE(MessageReply::fromJson(MessageReply{message}.toJson())->message, message);
        const auto history = HistoryReply::fromJson(HistoryReply{{message}, true}.toJson());
        QVERIFY(history && history->more);
        QCOMPARE(history->messages, QList<ChatMessage>{message});
        // A reply whose fields do not read is refused whole, not read in part.
        QVERIFY(!HistoryReply::fromJson(QJsonObject{{"messages", QJsonArray{1}}, {"more", false}}));
        QVERIFY(!RoomsReply::fromJson(QJsonObject{{"rooms", QJsonObject{}}}));
        QVERIFY(!SignedInReply::fromJson(QJsonObject{{"user", alice.toJson()}, {"token", 5}}));
    }

    void messagingRequestsAndObjects()
    {
        // Decoders: what each new request refuses before the server looks at anything.
        QCOMPARE(decodeError<EditMessageRequest>(R"({"room":1,"message":2,"text":" "})"),
                 ErrorCode::BadRequest);
        QCOMPARE(decodeError<EditMessageRequest>(R"({"room":1,"text":"x"})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<DeleteMessageRequest>(R"({"room":1,"message":0})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<ReactRequest>(R"({"room":1,"message":2,"emoji":"ok"})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<ReactRequest>(R"({"room":1,"message":2,"emoji":"👍","on":1})"),
                 ErrorCode::BadRequest);
        QCOMPARE(decodeError<ReactRequest>(R"({"room":1,"message":2,"emoji":"👍"})"), std::nullopt);
        QCOMPARE(
            std::get<ReactRequest>(ReactRequest::decode(parse(R"({"room":1,"message":2,"emoji":"👍"})"))).on,
            true);
        QCOMPARE(decodeError<TypingRequest>(R"({"room":1})"), std::nullopt);
        QCOMPARE(decodeError<ChangesRequest>(R"({"room":1,"since":0})"), std::nullopt);
        QCOMPARE(decodeError<ChangesRequest>(R"({"room":1,"since":-1})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<ChangesRequest>(R"({"room":1})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<SendRequest>(R"({"room":1,"text":"x","reply_to":"7"})"), ErrorCode::BadRequest);
        QCOMPARE(std::get<SendRequest>(SendRequest::decode(parse(R"({"room":1,"text":"x","reply_to":7})")))
                     .replyTo,
                 7);
        QCOMPARE(decodeError<RenameRoomRequest>(R"({"room":1,"name":""})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<OpenDirectRequest>(R"({"user":"bob"})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<SearchRequest>(R"({"query":" "})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<SearchRequest>(QStringLiteral(R"({"query":"%1"})").arg(QString(201, 'x'))),
                 ErrorCode::BadRequest);
        QCOMPARE(decodeError<SearchRequest>(R"({"query":"a","limit":51})"), ErrorCode::BadRequest);
        QCOMPARE(decodeError<MarkReadRequest>(R"({"room":1,"message":3})"), std::nullopt);

        // The message object with everything that can be on it, there and back.
        const User alice{1, QStringLiteral("alice")};
        ChatMessage message{12, 7, alice, QStringLiteral("hi @bob"), 1700000000123, {}};
        message.rev = 40;
        message.editedMs = 1700000000999;
        message.replyTo = Quote{9, User{2, QStringLiteral("bob")}, QStringLiteral("earlier"), false};
        message.reactions = {Reaction{QStringLiteral("👍"), {1, 2}}};
        message.mentions = {2};
        QCOMPARE(ChatMessage::fromJson(message.toJson()), message);
        ChatMessage tombstone{13, 7, alice, QString(), 1700000000123, {}};
        tombstone.deleted = true;
        tombstone.replyTo = Quote{9, User{2, QStringLiteral("bob")}, QString(), true};
        QCOMPARE(ChatMessage::fromJson(tombstone.toJson()), tombstone);
        QVERIFY(!ChatMessage::fromJson(QJsonObject{{"id", 1},
                                                   {"room", 1},
                                                   {"author", alice.toJson()},
                                                   {"text", ""},
                                                   {"ts", 1},
                                                   {"mentions", QJsonArray{"2"}}}));
        // A line about the room; a kind this version does not know is kept apart, not refused.
        ChatMessage joined{14, 7, alice, QString(), 1700000000123, {}};
        joined.kind = ChatMessage::Kind::Joined;
        QCOMPARE(joined.toJson().value("kind").toString(), QStringLiteral("joined"));
        QCOMPARE(ChatMessage::fromJson(joined.toJson()), joined);
        QJsonObject later = joined.toJson();
        later.insert(QStringLiteral("kind"), QStringLiteral("renamed"));
        QCOMPARE(ChatMessage::fromJson(later)->kind, ChatMessage::Kind::Other);
        later.insert(QStringLiteral("kind"), 1);
        QVERIFY(!ChatMessage::fromJson(later));
        QVERIFY(!message.toJson().contains(QStringLiteral("kind")));

        // Mentions and reactions as the server reads them.
        using Validation::mentionedKeys;
        QCOMPARE(mentionedKeys(QStringLiteral("hi @Bob, @carol. and @dave-")),
                 (QStringList{"bob", "carol.", "carol", "dave-", "dave"}));
        QCOMPARE(mentionedKeys(QStringLiteral("mail me: me@bob.example, @x, x@@bob")), QStringList{});
        QVERIFY(Validation::isValidReaction(QStringLiteral("❤️")));
        QVERIFY(Validation::isValidReaction(QStringLiteral("1️⃣")));
        QVERIFY(Validation::isValidReaction(QStringLiteral("👩‍👩‍👧‍👦")));
        QVERIFY(!Validation::isValidReaction(QStringLiteral("+1")));
        QVERIFY(!Validation::isValidReaction(QStringLiteral("👍 ")));
        QVERIFY(!Validation::isValidReaction(QString(17, QChar(0x2605))));
        QVERIFY(Validation::isValidReaction(QStringLiteral("🇫🇷")));
        QVERIFY(Validation::isValidReaction(QStringLiteral("👍🏽")));
        QVERIFY(Validation::isValidReaction(
            QStringLiteral("🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F")));
        // Invisible, reversing, combining-only or private characters, and words, are no emoji.
        for (const QString &spoof :
             {QStringLiteral("\u200B"), QStringLiteral("\u200D"), QStringLiteral("\u0301"),
              QStringLiteral("\u0301👍"), QStringLiteral("\u202E"), QStringLiteral("\u202E👍"),
              QStringLiteral("\u061C👍"), QStringLiteral("\u2066👍"), QStringLiteral("\uFEFF👍"),
              QStringLiteral("\uE000"), QStringLiteral("\U000F0000"), QStringLiteral("\U000E0041"),
              QStringLiteral("xxxxxxxxxxxxxxxé"), QStringLiteral("é")})
            QVERIFY2(!Validation::isValidReaction(spoof), qPrintable(spoof));
    }

    void eventTableCoversEveryEvent()
    {
        QStringList handled;
        const EventTable table = makeEventTable([&](const auto &event) { handled.append(event.type); });
        QCOMPARE(table.size(), int(std::tuple_size_v<EventTypes>));
        const User bob{2, QStringLiteral("bob")};
        QVERIFY(table.value(QStringLiteral("presence"))(PresenceEvent{bob, true}.toJson()));
        QVERIFY(!table.value(QStringLiteral("presence"))(QJsonObject{{"type", "presence"}}));
        QVERIFY(table.value(QStringLiteral("signed_out"))(SignedOutEvent{}.toJson()));
        QCOMPARE(handled, (QStringList{QStringLiteral("presence"), QStringLiteral("signed_out")}));
    }

    /// docs/protocol.md lists exactly the request types, events and error codes that exist, and the fuzzers'
    /// dictionary holds every request type.
    void docsListEveryTypeAndCode()
    {
        const QSet<QString> requests = typeNames(static_cast<const RequestTypes *>(nullptr));
        QCOMPARE(documentedNames(QStringLiteral("Request types")), requests);
        QCOMPARE(documentedNames(QStringLiteral("Events")),
                 typeNames(static_cast<const EventTypes *>(nullptr)));
        QSet<QString> codes;
        for (int code = 0; code <= int(lastErrorCode); ++code)
            codes.insert(errorCodeName(ErrorCode(code)));
        QCOMPARE(documentedNames(QStringLiteral("Error codes")), codes);
        QFile dictionary(QStringLiteral(QT_TESTCASE_SOURCEDIR "/fuzz/protocol.dict"));
        QVERIFY(dictionary.open(QIODevice::ReadOnly));
        const QByteArray words = dictionary.readAll();
        for (const QString &type : requests) {
            QVERIFY2(isKnownRequestType(type), qPrintable(type));
            QVERIFY2(words.contains("\"\\\"" + type.toUtf8() + "\\\"\""),
                     qPrintable(type + QStringLiteral(" is missing from tests/fuzz/protocol.dict")));
        }
    }

    void validation()
    {
        using namespace Validation;
        QCOMPARE(codePointCount(QStringLiteral("a👋b")), 3);
        QVERIFY(isValidUsername(QStringLiteral("abc")));
        QVERIFY(!isValidUsername(QString(33, 'a')));
        QVERIFY(!isValidUsername(QStringLiteral("ab✓")));
        QCOMPARE(usernameKey(QStringLiteral("AlIcE")), QStringLiteral("alice"));
        QVERIFY(isValidPassword(QString(8, 'p')));
        QVERIFY(!isValidPassword(QString(7, 'p')));
        QCOMPARE(normalizedAccessCode(QStringLiteral(" abcdefghjk ")), QStringLiteral("ABCDEFGHJK"));
        QVERIFY(isWellFormedAccessCode(QStringLiteral("ABCDEFGHJK")));
        QVERIFY(!isWellFormedAccessCode(QStringLiteral("ABCDEFGHJ0")));
        QVERIFY(!isWellFormedAccessCode(QStringLiteral("ABCDEFGHJKL")));
        QCOMPARE(checkMessageText(QString(4000, 'x')), TextCheck::Ok);
        QCOMPARE(checkMessageText(QString(4001, 'x')), TextCheck::TooLong);
        QString emoji;
        for (int i = 0; i < 4000; ++i)
            emoji += QStringLiteral("👋");
        QCOMPARE(checkMessageText(emoji), TextCheck::Ok); // 8000 UTF-16 units, 4000 code points
        QCOMPARE(checkMessageText(QStringLiteral("\n ")), TextCheck::Blank);
        QCOMPARE(checkMessageText(QStringLiteral("\uFEFF\u200B ")), TextCheck::Blank);
        QCOMPARE(checkMessageText(QStringLiteral("a\tb\r\nc")), TextCheck::Ok);
        // U+0002 and U+0003 mark search matches: a message may not plant its own.
        QCOMPARE(checkMessageText(QStringLiteral("fake \u0002match\u0003")), TextCheck::Control);
        QCOMPARE(checkMessageText(QStringLiteral("bell \u0007")), TextCheck::Control);
        QCOMPARE(withoutControlCharacters(QStringLiteral("bell \u0007\tand\n\u0002👋")),
                 QStringLiteral("bell \tand\n👋"));
        QCOMPARE(normalizedRoomName(QStringLiteral(" Café ")), QStringLiteral("Café"));
        QCOMPARE(normalizedRoomName(QStringLiteral("\u202E")), std::nullopt);
        QCOMPARE(normalizedRoomName(QStringLiteral("x\u202Ey")), std::nullopt);
        QCOMPARE(normalizedRoomName(QStringLiteral("x\u2067y")), std::nullopt);
        QCOMPARE(normalizedRoomName(QStringLiteral("\uFEFF")), std::nullopt);
        QCOMPARE(normalizedRoomName(QStringLiteral("tab\there")), std::nullopt);
        for (const char c : {'0', 'O', '1', 'I'})
            QVERIFY(!QLatin1String(accessCodeAlphabet).contains(QLatin1Char(c)));
    }

    void forbiddenCharacters()
    {
        using namespace Validation;
        QVERIFY(!hasForbiddenCharacters(QStringLiteral("plain text, é, 👋")));
        QVERIFY(hasForbiddenCharacters(QString(QChar(0)) + QStringLiteral("x")));
        QVERIFY(hasForbiddenCharacters(QString(QChar(0xD800))));                       // high half alone
        QVERIFY(hasForbiddenCharacters(QString(QChar(0xDC00)) + QStringLiteral("x"))); // low half alone
        QVERIFY(hasForbiddenCharacters(QStringLiteral("👋").left(1)));
        QVERIFY(hasForbiddenCharacters(QStringLiteral("👋").right(1) + QStringLiteral("👋").left(1)));
    }

    void framesWithForbiddenCharactersAreRejected_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<bool>("keepsId");
        QTest::newRow("NUL in a field")
            << QByteArray(R"({"type":"send","id":1,"room":1,"text":"a\u0000b"})") << true;
        QTest::newRow("lone high surrogate")
            << QByteArray(R"({"type":"send","id":1,"room":1,"text":"\ud800"})") << true;
        QTest::newRow("lone low surrogate")
            << QByteArray(R"({"type":"login","id":1,"username":"\udc00x","password":"p"})") << true;
        QTest::newRow("in a key") << QByteArray(R"({"type":"list_rooms","id":1,"x\u0000":1})") << true;
        QTest::newRow("nested") << QByteArray(R"({"type":"list_rooms","id":1,"x":[{"y":"\ud800"}]})") << true;
        QTest::newRow("in a string id") << QByteArray(R"({"type":"list_rooms","id":"\u0000"})") << false;
    }

    void framesWithForbiddenCharactersAreRejected()
    {
        QFETCH(QByteArray, frame);
        QFETCH(bool, keepsId);
        const auto parsed = parseRequestFrame(frame);
        const auto *rejected = std::get_if<RejectedFrame>(&parsed);
        QVERIFY(rejected);
        QCOMPARE(rejected->error.code, ErrorCode::BadRequest);
        QCOMPARE(rejected->id.isUndefined(), !keepsId);
        // A surrogate pair written as escapes is a real character and passes.
        QVERIFY(std::holds_alternative<Request>(
            parseRequestFrame(R"({"type":"send","id":1,"room":1,"text":"\ud83d\udc4b"})")));
    }

    void idsStopBelow2To53()
    {
        QVERIFY(JsonFields::positiveId(QJsonValue(9007199254740991.0)));
        QVERIFY(!JsonFields::positiveId(QJsonValue(9007199254740992.0)));
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
