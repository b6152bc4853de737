// SPDX-License-Identifier: GPL-3.0-or-later
#include "storagereaderworker.h"

#include "database.h"

namespace Natter::Server {

StorageReaderWorker::StorageReaderWorker(DatabaseLocation database, QString connectionName,
                                         std::shared_ptr<const std::atomic_bool> stopping)
    : m_database(std::move(database))
    , m_connectionName(std::move(connectionName))
    , m_stopping(std::move(stopping))
{}

bool StorageReaderWorker::open(QString *error)
{
    const QSqlDatabase db = Database::openForReading(m_database, m_connectionName, error);
    if (!db.isValid())
        return false;
    m_storage = std::make_unique<Storage>(db);
    return true;
}

void StorageReaderWorker::run(quint64 ticket, const Job &job)
{
    if (m_storage && !*m_stopping)
        job(*m_storage);
    emit finished(ticket);
}

void StorageReaderWorker::close()
{
    m_storage.reset();
    Database::close(m_connectionName);
}

} // namespace Natter::Server
