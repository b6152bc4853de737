// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection.h"

#include "events.h"
#include "frames.h"
#include "protocollimits.h"
#include "serveraddress.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcConnection, "natter.client.connection", QtInfoMsg)

namespace Natter::Client {

Connection::Connection(QObject *parent)
    : QObject(parent)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        m_userAttempt = false;
        reconnectNow();
    });
    m_countdownTimer.setInterval(1000);
    connect(&m_countdownTimer, &QTimer::timeout, this, [this] { emit countdown(reconnectInSeconds()); });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &Connection::onText);
    connect(&m_socket, &QWebSocket::sslErrors, this, &Connection::onSslErrors);
    // stateChanged, not disconnected: a refused or timed-out attempt never was connected, so it emits no
    // disconnected(), but it does end in UnconnectedState.
    connect(&m_socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState state) {
        if (state == QAbstractSocket::UnconnectedState)
            onDisconnected();
    });
}

Connection::~Connection()
{
    m_wanted = false;
    m_socket.disconnect(this);
    m_socket.abort();
    m_pending.clear(); // whoever waits may be gone already: no callbacks from a destructor
}

void Connection::open(const QUrl &url)
{
    m_url = url;
    m_wanted = true;
    m_backoff.reset();
    reconnectNow();
}

void Connection::close()
{
    m_wanted = false;
    m_reconnectTimer.stop();
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        onDisconnected();
    else
        m_socket.close();
}

void Connection::reconnectNow()
{
    if (!m_wanted)
        return;
    if (m_socket.state() != QAbstractSocket::UnconnectedState) {
        // Our own abort is no drop: it must not schedule a reconnect or look like one to observers.
        m_restarting = true;
        m_socket.abort();
        m_restarting = false;
    }
    m_reconnectTimer.stop();
    setState(State::Connecting);
    m_socket.open(m_url);
}

void Connection::retryNow()
{
    m_userAttempt = true;
    reconnectNow();
}

int Connection::reconnectInMs() const
{
    return m_state == State::WaitingToReconnect ? std::max(0, m_reconnectTimer.remainingTime()) : 0;
}

int Connection::reconnectInSeconds() const
{
    return std::max(1, int(std::ceil(reconnectInMs() / 1000.0)));
}

void Connection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    if (state != State::WaitingToReconnect)
        m_countdownTimer.stop();
    emit stateChanged(state);
}

void Connection::sendRequest(QJsonObject fields, QLatin1String type, const QObject *context, Callback done)
{
    if (m_state != State::Online) {
        QMetaObject::invokeMethod(
            this,
            [guard = QPointer<const QObject>(context), done] {
                if (guard)
                    done(RawAnswer::lost());
            },
            Qt::QueuedConnection);
        return;
    }
    const qint64 id = m_nextId++;
    fields.insert(QLatin1String("type"), type);
    fields.insert(QLatin1String("id"), id);
    m_pending.insert(id, Pending{context, std::move(done)});
    m_socket.sendTextMessage(Frames::serialize(fields));
}

void Connection::onText(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(QLatin1String("type")).toString();
    if (type == HelloEvent::type) {
        const auto hello = HelloEvent::fromJson(frame);
        const int version = hello ? hello->protocol : 0;
        if (version != Limits::protocolVersion) {
            qCWarning(lcConnection) << "server speaks protocol" << version << "but we speak"
                                    << Limits::protocolVersion;
            emit protocolMismatch(version);
            m_wanted = false;
            m_socket.close();
            return;
        }
        m_serverName = hello->server;
        m_backoff.reset();
        setState(State::Online);
        emit online();
        return;
    }
    const QJsonValue id = frame.value(QLatin1String("id"));
    if (id.isDouble()) {
        const Pending pending = m_pending.take(id.toInteger());
        if (pending.context && pending.done)
            pending.done(RawAnswer::fromFrame(frame));
        return;
    }
    emit eventReceived(frame);
}

void Connection::failPending()
{
    const auto pending = std::exchange(m_pending, {});
    for (const Pending &entry : pending) {
        if (entry.context)
            entry.done(RawAnswer::lost());
    }
}

void Connection::onSslErrors(const QList<QSslError> &errors)
{
    QSslCertificate certificate = m_socket.sslConfiguration().peerCertificate();
    if (certificate.isNull() && !errors.isEmpty())
        certificate = errors.first().certificate();
    const QString presented = ServerAddress::fingerprint(certificate);
    const QString pinned = m_pinLookup ? m_pinLookup(m_url) : QString();
    if (!certificate.isNull() && !pinned.isEmpty() && pinned == presented) {
        m_socket.ignoreSslErrors(errors); // exactly the certificate the user chose to trust
        return;
    }
    // Not ignored: the handshake fails. No reconnecting to a server that is not trusted; the user decides.
    m_wanted = false;
    m_reconnectTimer.stop();
    qCWarning(lcConnection) << "untrusted certificate from" << m_url.host() << presented
                            << (pinned.isEmpty() ? "(none pinned)" : "(another is pinned)");
    // Queued: whoever answers may reopen the connection, which must not happen inside the TLS handshake.
    QMetaObject::invokeMethod(
        this,
        [this, url = m_url, pinned, certificate] {
            if (pinned.isEmpty())
                emit certificateUnknown(url, certificate);
            else
                emit certificateMismatch(url, pinned, certificate);
        },
        Qt::QueuedConnection);
}

void Connection::onDisconnected()
{
    failPending();
    if (m_restarting)
        return;
    if (!m_wanted) {
        setState(State::Offline);
        return;
    }
    if (m_state == State::WaitingToReconnect)
        return;
    if (std::exchange(m_userAttempt, false))
        m_backoff.stepBack();
    const int delay = m_backoff.next();
    qCInfo(lcConnection) << "connection lost; reconnecting in" << delay << "ms";
    m_reconnectTimer.start(delay);
    m_countdownTimer.start();
    setState(State::WaitingToReconnect);
    emit countdown(reconnectInSeconds());
}

} // namespace Natter::Client
