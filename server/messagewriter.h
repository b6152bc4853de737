// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "messagewriterworker.h"

#include <QHash>
#include <QObject>
#include <QThread>
#include <functional>

namespace Natter::Server {

/// The event loop's side of message persistence: hands sends to the writer thread and calls back, on the
/// event loop and in commit order, once they are on disk.
class MessageWriter : public QObject {
    Q_OBJECT
public:
    using Outcome = MessageWriterWorker::Outcome;
    using Callback = std::function<void(const Outcome &)>;

    explicit MessageWriter(QString databasePath, QObject *parent = nullptr);
    ~MessageWriter() override;

    bool start(QString *error);
    /// Commits what is queued, then stops the thread. Callbacks of that last batch are not called.
    void stop();
    void submit(qint64 room, const User &author, const QString &text, const QString &clientId, Callback done);

    /// Transactions committed so far and messages they held (group commit shows as messages > batches).
    qint64 batchesCommitted() const { return m_batches; }
    qint64 messagesCommitted() const { return m_messages; }

private:
    friend class MessageWriterWorker;
    void deliver(const QList<Outcome> &outcomes, qsizetype batchSize);

    QThread m_thread;
    MessageWriterWorker *m_worker = nullptr;
    QHash<quint64, Callback> m_callbacks;
    quint64 m_nextTicket = 1;
    qint64 m_batches = 0;
    qint64 m_messages = 0;
};

} // namespace Natter::Server
