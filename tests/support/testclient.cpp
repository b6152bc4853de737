// SPDX-License-Identifier: GPL-3.0-or-later
#include "testclient.h"

#include "frames.h"

#include <QJsonDocument>
#include <QTest>

namespace Natter::Test {

std::unique_ptr<TestClient> TestClient::signedIn(const QUrl &url, const QString &name, bool registerFirst)
{
    auto client = std::make_unique<TestClient>();
    if (!client->open(url))
        qFatal("cannot connect to %s", qPrintable(url.toString()));
    const QJsonObject reply = registerFirst ? client->registerUser(name) : client->login(name);
    if (replyCode(reply) != QLatin1String("ok"))
        qFatal("cannot sign in %s", qPrintable(name));
    return client;
}

QString replyCode(const QJsonObject &reply)
{
    const QString type = reply.value(QStringLiteral("type")).toString();
    return type == QLatin1String("error") ? reply.value(QStringLiteral("code")).toString() : type;
}

TestClient::TestClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &TestClient::onText);
}

bool TestClient::open(const QUrl &url, int timeoutMs)
{
    m_socket.open(url);
    return QTest::qWaitFor([this] { return !m_hello.isEmpty(); }, timeoutMs);
}

bool TestClient::open(const QNetworkRequest &request, int timeoutMs)
{
    m_socket.open(request);
    return QTest::qWaitFor([this] { return !m_hello.isEmpty(); }, timeoutMs);
}

void TestClient::close()
{
    m_socket.close();
    waitForDisconnect();
}

bool TestClient::waitForDisconnect(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                           timeoutMs);
}

qint64 TestClient::post(const QString &type, QJsonObject fields)
{
    const qint64 id = m_nextId++;
    fields.insert(QStringLiteral("type"), type);
    fields.insert(QStringLiteral("id"), id);
    m_socket.sendTextMessage(Frames::serialize(fields));
    return id;
}

QJsonObject TestClient::request(const QString &type, const QJsonObject &fields, int timeoutMs)
{
    return waitForReply(post(type, fields), timeoutMs);
}

QJsonObject TestClient::waitForReply(qint64 id, int timeoutMs)
{
    if (!QTest::qWaitFor([this, id] { return m_replies.contains(id); }, timeoutMs))
        qWarning() << "no reply to request" << id << "within" << timeoutMs << "ms";
    return m_replies.value(id);
}

QJsonArray chatMessagesOf(const QJsonObject &reply)
{
    QJsonArray messages;
    for (const QJsonValue &message : reply.value(QStringLiteral("messages")).toArray()) {
        if (!message.toObject().contains(QStringLiteral("kind")))
            messages.append(message);
    }
    return messages;
}

QList<qint64> idsOf(const QJsonArray &messages)
{
    QList<qint64> ids;
    for (const QJsonValue &message : messages)
        ids.append(message.toObject().value(QStringLiteral("id")).toInteger());
    return ids;
}

QList<qint64> messageIds(const QList<QJsonObject> &events, qint64 room)
{
    QList<qint64> ids;
    for (const QJsonObject &event : events) {
        const QJsonObject message = event.value(QStringLiteral("message")).toObject();
        if (message.value(QStringLiteral("room")).toInteger() == room)
            ids.append(message.value(QStringLiteral("id")).toInteger());
    }
    return ids;
}

QList<QJsonObject> TestClient::eventsOfType(const QString &type) const
{
    const bool textOnly = type == kChatMessage;
    const QString wanted = textOnly ? QStringLiteral("message") : type;
    QList<QJsonObject> result;
    for (const QJsonObject &event : m_events) {
        if (event.value(QStringLiteral("type")).toString() != wanted)
            continue;
        if (textOnly && event.value(QStringLiteral("message")).toObject().contains(QStringLiteral("kind")))
            continue;
        result.append(event);
    }
    return result;
}

bool TestClient::waitForEvents(const QString &type, int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return eventsOfType(type).size() >= count; }, timeoutMs);
}

QJsonObject TestClient::registerUser(const QString &username, const QString &password)
{
    const QJsonObject reply = request(QStringLiteral("register"), {{QStringLiteral("username"), username},
                                                                   {QStringLiteral("password"), password}});
    remember(reply);
    return reply;
}

QJsonObject TestClient::login(const QString &username, const QString &password)
{
    const QJsonObject reply = request(QStringLiteral("login"), {{QStringLiteral("username"), username},
                                                                {QStringLiteral("password"), password}});
    remember(reply);
    return reply;
}

void TestClient::remember(const QJsonObject &reply)
{
    if (reply.value(QStringLiteral("type")).toString() != QLatin1String("ok"))
        return;
    m_token = reply.value(QStringLiteral("token")).toString();
    m_userId = reply.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toInteger();
}

void TestClient::onText(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("hello") && m_hello.isEmpty())
        m_hello = frame;
    else if (frame.contains(QStringLiteral("id")) && frame.value(QStringLiteral("id")).isDouble())
        m_replies.insert(frame.value(QStringLiteral("id")).toInteger(), frame);
    else
        m_events.append(frame);
}

} // namespace Natter::Test
