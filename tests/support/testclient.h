// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>
#include <QWebSocket>
#include <functional>
#include <memory>

namespace Natter::Test {

/// "ok", or the error code of an error reply: what most assertions compare.
QString replyCode(const QJsonObject &reply);

/// For eventsOfType and waitForEvents: the "message" events that carry a message, leaving out the lines
/// about a room ("bob joined", which carry a "kind").
inline const QString kChatMessage = QStringLiteral("message (text)");
/// The messages of a history or changes reply, leaving out the lines about the room.
QJsonArray chatMessagesOf(const QJsonObject &reply);
/// The ids of `messages` (message objects), in their order.
QList<qint64> idsOf(const QJsonArray &messages);
/// The ids of the messages that `events` (message events) carry for `room`, in their order.
QList<qint64> messageIds(const QList<QJsonObject> &events, qint64 room);

/// A real QWebSocket client for integration tests: sends requests, keeps replies by id and events in order.
/// Every wait runs the event loop until the thing arrives or the timeout passes; none sleeps a fixed time.
class TestClient : public QObject {
    Q_OBJECT
public:
    explicit TestClient(QObject *parent = nullptr);

    /// Connects and waits for the hello frame.
    bool open(const QUrl &url, int timeoutMs = 10000);
    /// The same with a request of one's own (extra headers, such as X-Forwarded-For).
    bool open(const QNetworkRequest &request, int timeoutMs = 10000);
    void close();
    /// For wss://: which certificates to trust (the test's own CA or self-signed certificate).
    void setSslConfiguration(const QSslConfiguration &configuration)
    {
        m_socket.setSslConfiguration(configuration);
    }
    QSslCertificate peerCertificate() const { return m_socket.sslConfiguration().peerCertificate(); }
    bool waitForDisconnect(int timeoutMs = 10000);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QWebSocketProtocol::CloseCode closeCode() const { return m_socket.closeCode(); }
    QString closeReason() const { return m_socket.closeReason(); }

    /// Sends a request without waiting; returns its id.
    qint64 post(const QString &type, QJsonObject fields = {});
    /// Sends a request and waits for its reply; an empty object on timeout.
    QJsonObject request(const QString &type, const QJsonObject &fields = {}, int timeoutMs = 10000);
    QJsonObject waitForReply(qint64 id, int timeoutMs = 10000);
    bool hasReply(qint64 id) const { return m_replies.contains(id); }
    void sendText(const QString &text) { m_socket.sendTextMessage(text); }
    void sendBinary(const QByteArray &data) { m_socket.sendBinaryMessage(data); }

    /// Frames without an id that were not asked for (errors to unreadable requests land here too).
    const QList<QJsonObject> &events() const { return m_events; }
    QList<QJsonObject> eventsOfType(const QString &type) const;
    /// Waits until at least `count` events of `type` have arrived.
    bool waitForEvents(const QString &type, int count = 1, int timeoutMs = 10000);
    void clearEvents() { m_events.clear(); }
    const QJsonObject &hello() const { return m_hello; }

    /// register/login helpers: the reply, and the token and user id remembered.
    QJsonObject registerUser(const QString &username,
                             const QString &password = QStringLiteral("password123"));
    QJsonObject login(const QString &username, const QString &password = QStringLiteral("password123"));
    QString token() const { return m_token; }
    qint64 userId() const { return m_userId; }

    /// A client connected to `url` and signed in as `name` (registered first when asked); fatal when either
    /// fails, since no test can go on without it.
    static std::unique_ptr<TestClient> signedIn(const QUrl &url, const QString &name, bool registerFirst);

private:
    void onText(const QString &text);
    void remember(const QJsonObject &reply);

    QWebSocket m_socket;
    QJsonObject m_hello;
    QHash<qint64, QJsonObject> m_replies;
    QList<QJsonObject> m_events;
    qint64 m_nextId = 1;
    QString m_token;
    qint64 m_userId = 0;
};

} // namespace Natter::Test
