// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagewriterworker.h"

#include "database.h"
#include "logging.h"
#include "messagewriter.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace Natter::Server {

MessageWriterWorker::MessageWriterWorker(MessageWriter *owner, QString databasePath, QString connectionName)
    : m_owner(owner)
    , m_databasePath(std::move(databasePath))
    , m_connectionName(std::move(connectionName))
{}

bool MessageWriterWorker::open(QString *error)
{
    const QSqlDatabase db = Database::open(m_databasePath, m_connectionName, error);
    if (!db.isValid())
        return false;
    m_messages = std::make_unique<MessageRepository>(db);
    return true;
}

void MessageWriterWorker::enqueue(const Pending &pending)
{
    m_batch.append(pending);
    if (!m_flushScheduled) {
        // Posted behind the sends already queued: everything that arrived before it joins this commit.
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &MessageWriterWorker::flush, Qt::QueuedConnection);
    }
}

void MessageWriterWorker::flush()
{
    m_flushScheduled = false;
    if (m_batch.isEmpty())
        return;
    const QList<Pending> batch = std::exchange(m_batch, {});
    const QList<Outcome> outcomes = commit(batch);
    if (m_owner) {
        QPointer<MessageWriter> owner = m_owner;
        QMetaObject::invokeMethod(
            owner.data(),
            [owner, outcomes, size = batch.size()] {
                if (owner)
                    owner->deliver(outcomes, size);
            },
            Qt::QueuedConnection);
    }
}

QList<MessageWriterWorker::Outcome> MessageWriterWorker::commit(const QList<Pending> &batch)
{
    QList<Outcome> outcomes;
    outcomes.reserve(batch.size());
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    bool ok = m_messages && db.transaction();
    for (const Pending &pending : batch) {
        Outcome outcome{pending.ticket, std::nullopt, false};
        if (ok && !pending.clientId.isEmpty()) {
            outcome.message = m_messages->findByClientId(pending.room, pending.author.id, pending.clientId);
            outcome.duplicate = outcome.message.has_value();
        }
        if (ok && !outcome.message) {
            outcome.message = m_messages->insert(pending.room, pending.author, pending.text, pending.clientId,
                                                 QDateTime::currentMSecsSinceEpoch());
            ok = outcome.message.has_value();
        }
        outcomes.append(outcome);
    }
    if (ok && db.commit())
        return outcomes;
    qCWarning(lcStorage) << "group commit of" << batch.size() << "messages failed; all of them are refused";
    db.rollback();
    for (Outcome &outcome : outcomes) {
        outcome.message.reset();
        outcome.duplicate = false;
    }
    return outcomes;
}

void MessageWriterWorker::close()
{
    flush();
    m_messages.reset();
    Database::close(m_connectionName);
}

} // namespace Natter::Server
