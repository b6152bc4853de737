// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "answer.h"
#include "reconnectbackoff.h"
#include "requests.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <functional>

namespace Natter::Client {

/// The one place that owns the WebSocket: sends requests, matches replies by id, hands events on, and
/// reconnects with backoff after any drop until close() is called.
class Connection : public QObject {
    Q_OBJECT
public:
    enum class State { Offline, Connecting, Online, WaitingToReconnect };
    Q_ENUM(State)
    using Callback = std::function<void(const RawAnswer &)>;

    explicit Connection(QObject *parent = nullptr);
    ~Connection() override;

    /// Connects to `url` and keeps reconnecting after drops.
    void open(const QUrl &url);
    /// Disconnects and stops reconnecting.
    void close();
    /// Skips the rest of the wait and tries now.
    void reconnectNow();
    /// The user asked ("Reconnect now", "Try now"): an attempt at once that, if it fails, does not lengthen
    /// the wait before the next one as an attempt of the backoff's own does.
    void retryNow();
    void setBackoff(const ReconnectBackoff &backoff) { m_backoff = backoff; }
    /// Looks up the fingerprint pinned for a server (empty: none). A certificate the system does not
    /// trust is accepted only when it matches; otherwise the attempt fails and reconnecting stops until
    /// open() is called again, with certificateUnknown() or certificateMismatch().
    void setPinLookup(std::function<QString(const QUrl &)> lookup) { m_pinLookup = std::move(lookup); }

    State state() const { return m_state; }
    QUrl url() const { return m_url; }
    /// Milliseconds until the next attempt while WaitingToReconnect, else 0.
    int reconnectInMs() const;
    /// The same in whole seconds as a countdown shows it: rounded up, at least 1.
    int reconnectInSeconds() const;
    QString serverName() const { return m_serverName; }

    /// Sends a request; `done` gets its typed answer exactly once, never before this returns, unless
    /// `context` is destroyed first (then never). While not Online the answer is lost (offline); a
    /// connection lost before the answer also gives a lost one. Destroying the Connection calls nobody back.
    template <typename T>
    void request(const T &request, const QObject *context,
                 std::function<void(const Answer<typename T::Reply> &)> done)
    {
        sendRequest(request.toJson(), T::type, context, [done = std::move(done)](const RawAnswer &raw) {
            done(Answer<typename T::Reply>::from(raw));
        });
    }

signals:
    void stateChanged(Natter::Client::Connection::State state);
    /// The server said hello with our protocol version: requests can be made.
    void online();
    /// A frame without an id: one of EventTypes (events.h), or one this version does not know.
    void eventReceived(const QJsonObject &event);
    void protocolMismatch(int serverVersion);
    /// Every second while waiting to reconnect (and as the wait starts): the one clock that everything
    /// showing reconnectInSeconds() follows, so that no two of them disagree.
    void countdown(int seconds);
    /// The server's certificate does not verify against the system's CAs and none is pinned for it.
    void certificateUnknown(const QUrl &server, const QSslCertificate &certificate);
    /// The server presents another certificate than the one pinned for it. Never accepted from here.
    void certificateMismatch(const QUrl &server, const QString &pinned, const QSslCertificate &presented);

private:
    struct Pending {
        QPointer<const QObject> context;
        Callback done;
    };
    void sendRequest(QJsonObject fields, QLatin1String type, const QObject *context, Callback done);
    void setState(State state);
    void onText(const QString &text);
    void onDisconnected();
    void failPending();
    void onSslErrors(const QList<QSslError> &errors);

    QWebSocket m_socket;
    QUrl m_url;
    State m_state = State::Offline;
    bool m_wanted = false;
    bool m_restarting = false;
    bool m_userAttempt = false; // the attempt under way is one the user asked for
    QString m_serverName;
    QHash<qint64, Pending> m_pending;
    qint64 m_nextId = 1;
    QTimer m_reconnectTimer;
    QTimer m_countdownTimer;
    ReconnectBackoff m_backoff;
    std::function<QString(const QUrl &)> m_pinLookup;
};

} // namespace Natter::Client
