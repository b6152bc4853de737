// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientconnection.h"

#include "clientaddress.h"
#include "deadlinequeue.h"
#include "frames.h"
#include "iothreads.h"

namespace Natter::Server {

ClientConnection::ClientConnection(SocketPeer *peer, IoWorker *worker, IoThreads &io,
                                   DeadlineQueue &signInDeadlines, const QHostAddress &address, Limits limits,
                                   QObject *parent)
    : QObject(parent)
    , m_peer(peer)
    , m_worker(worker)
    , m_io(io)
    , m_peerHere(worker->index() == 0)
    , m_peerAddress(address.toString())
    , m_limitKey(ClientAddress::limitKey(address))
    , m_limits(limits)
    , m_signInDeadlines(signInDeadlines)
{
    // Emitted on the peer's thread; queued to this one when that is another.
    connect(peer, &SocketPeer::textReceived, this, [this](const QString &text) {
        emit textReceived(this, text); // handled when this returns: what it waits on counts in flight
        m_peer->frameHandled();
    });
    connect(peer, &SocketPeer::binaryReceived, this, [this] {
        emit binaryReceived(this);
        m_peer->frameHandled();
    });
    connect(peer, &SocketPeer::closed, this, [this] { emit closed(this); });
    connect(peer, &SocketPeer::policyClose, this, [this](const QString &reason) {
        m_closing = true;
        emit policyClose(this, reason);
    });
    m_io.adopt(worker, peer);
    m_signInTicket = m_signInDeadlines.add(this);
}

ClientConnection::~ClientConnection()
{
    // Nothing the peer says from now on (its socket's disconnected() as it is deleted) reaches this half.
    disconnect(m_peer, nullptr, this, nullptr);
    toPeer(IoWorker::Command::Kind::Drop);
}

void ClientConnection::toPeer(IoWorker::Command::Kind kind, QByteArray bytes, int closeCode)
{
    m_io.post(m_worker, IoWorker::Command{m_peer, kind, closeCode, std::move(bytes)});
}

void ClientConnection::setIdentity(const User &user, const QString &tokenHash)
{
    m_user = user;
    m_tokenHash = tokenHash;
    m_signInTicket = 0;
}

void ClientConnection::clearIdentity()
{
    m_user = User{};
    m_tokenHash.clear();
    // Signed out but still connected: the same deadline as a new connection.
    m_signInTicket = m_signInDeadlines.add(this);
}

void ClientConnection::signInDeadlinePassed(quint64 ticket)
{
    if (ticket == 0 || ticket != m_signInTicket)
        return; // signed in meanwhile, or waiting on a later deadline
    m_signInTicket = 0;
    closeForPolicy(QWebSocketProtocol::CloseCodePolicyViolated,
                   QStringLiteral("sign in within %1 ms").arg(m_limits.authTimeoutMs));
}

void ClientConnection::sendWire(const WireFrame &frame)
{
    if (m_closing)
        return;
    if (m_peerHere)
        m_peer->sendWire(frame.bytes()); // the hot path of a delivery, without a command
    else
        toPeer(IoWorker::Command::Kind::Send, frame.bytes());
}

void ClientConnection::sendFrame(const QJsonObject &frame)
{
    sendWire(WireFrame::fromJson(frame));
}

void ClientConnection::reply(const QJsonValue &id, const QJsonObject &result)
{
    finishRequest();
    sendFrame(Frames::ok(id, result));
}

void ClientConnection::replyError(const QJsonValue &id, const ProtocolError &error)
{
    finishRequest();
    sendFrame(error.toReply(id));
}

bool ClientConnection::startRequest()
{
    return ++m_inFlight <= m_limits.maxRequestsInFlight;
}

void ClientConnection::finishRequest()
{
    if (m_inFlight > 0)
        --m_inFlight;
}

void ClientConnection::closeForPolicy(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_closing)
        return;
    m_closing = true; // the peer reports it back with policyClose()
    toPeer(IoWorker::Command::Kind::CloseForPolicy, reason.toUtf8(), int(code));
}

void ClientConnection::close()
{
    m_closing = true;
    toPeer(IoWorker::Command::Kind::Close);
}

} // namespace Natter::Server
