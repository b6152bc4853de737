// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatmessage.h"
#include "messagerepository.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <memory>

namespace Natter::Server {

class MessageWriter;

/// Lives on the writer thread with its own SQLite connection. Sends queue up while a commit is running and
/// are then committed together in one transaction (group commit): one disk sync for many messages.
class MessageWriterWorker : public QObject {
    Q_OBJECT
public:
    struct Pending {
        quint64 ticket = 0;
        qint64 room = 0;
        User author;
        QString text;
        QString clientId;
    };
    struct Outcome {
        quint64 ticket = 0;
        std::optional<ChatMessage> message; // empty: the commit failed
        bool duplicate = false;             // an earlier send with the same client_id
    };

    MessageWriterWorker(MessageWriter *owner, QString databasePath, QString connectionName);

    // All of these run on the writer thread.
    bool open(QString *error);
    void enqueue(const Pending &pending);
    void flush();
    void close();

private:
    QList<Outcome> commit(const QList<Pending> &batch);

    QPointer<MessageWriter> m_owner;
    QString m_databasePath;
    QString m_connectionName;
    std::unique_ptr<MessageRepository> m_messages;
    QList<Pending> m_batch;
    bool m_flushScheduled = false;
};

} // namespace Natter::Server
