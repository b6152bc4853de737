// SPDX-License-Identifier: GPL-3.0-or-later
#include "testdatabase.h"

#include "database.h"
#include "postgrescluster.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <memory>

namespace Natter::Test {

namespace {

// One cluster for the whole test process: initdb and a start take about half a second, and a test makes
// dozens of databases. Stopped from QCoreApplication's destructor, while QProcess still works.
std::unique_ptr<PostgresCluster> &cluster()
{
    static std::unique_ptr<PostgresCluster> instance;
    return instance;
}

void stopCluster()
{
    cluster().reset();
}

QString startCluster()
{
    if (cluster())
        return {};
    auto started = std::make_unique<PostgresCluster>();
    if (QString error = started->start(); !error.isEmpty())
        return error;
    cluster() = std::move(started);
    qAddPostRoutine(stopCluster);
    return {};
}

} // namespace

TestDatabase::TestDatabase()
{
    if (!postgres()) {
        m_location = Server::DatabaseLocation::sqlite(m_dir.filePath(QStringLiteral("natterd.sqlite")));
        return;
    }
    m_error = startCluster();
    if (!m_error.isEmpty())
        return;
    static int counter = 0;
    const QString name = QStringLiteral("test_%1").arg(++counter);
    {
        QSqlDatabase admin = cluster()->connect(QStringLiteral("natter-test-admin"));
        QSqlQuery create(admin);
        if (!admin.isOpen() || !create.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
            m_error = QStringLiteral("cannot create the database %1: %2")
                          .arg(name, admin.isOpen() ? create.lastError().text() : admin.lastError().text());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("natter-test-admin"));
    m_location.kind = Server::DatabaseLocation::Kind::PostgreSQL;
    m_location.host = cluster()->socketDirectory();
    m_location.port = PostgresCluster::kPort;
    m_location.user = QStringLiteral("natter");
    m_location.name = name;
}

TestDatabase::~TestDatabase() = default;

bool TestDatabase::postgres()
{
    return qEnvironmentVariable("NATTER_TEST_DATABASE") == QLatin1String("postgresql");
}

QString TestDatabase::url() const
{
    return m_location.display();
}

QSqlDatabase TestDatabase::open(const QString &connectionName, QString *error) const
{
    return Server::Database::open(m_location, connectionName, error);
}

} // namespace Natter::Test
