// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"
#include "natterdprocess.h"
#include "testclient.h"

#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace Natter::Test;

class TestNatterd : public QObject {
    Q_OBJECT

private slots:
    void acknowledgedMessagesSurviveKill9()
    {
        NatterdProcess natterd;
        QVERIFY2(natterd.start(), qPrintable(natterd.output()));

        TestClient client;
        QVERIFY(client.open(natterd.url()));
        QCOMPARE(replyCode(client.registerUser(QStringLiteral("alice"))), QStringLiteral("ok"));
        const qint64 room = client.request(QStringLiteral("create_room"), {{"name", "Durable"}})
                                .value("room")
                                .toObject()
                                .value("id")
                                .toInteger();
        QVERIFY(room > 0);

        constexpr int count = 500;
        QList<qint64> requests;
        for (int i = 0; i < count; ++i)
            requests.append(client.post(QStringLiteral("send"),
                                        {{"room", room}, {"text", QStringLiteral("m%1").arg(i)}}));
        QList<qint64> acknowledged;
        for (const qint64 request : requests) {
            const QJsonObject reply = client.waitForReply(request, 60000);
            QCOMPARE(replyCode(reply), QStringLiteral("ok"));
            acknowledged.append(reply.value("message").toObject().value("id").toInteger());
        }

        natterd.kill(); // the instant after the last ok: no shutdown code, no flush
        QVERIFY(client.waitForDisconnect());

        QVERIFY2(natterd.start(), qPrintable(natterd.output()));
        TestClient after;
        QVERIFY(after.open(natterd.url()));
        QCOMPARE(replyCode(after.login(QStringLiteral("alice"))), QStringLiteral("ok"));
        QList<qint64> stored;
        QStringList texts;
        QJsonObject page = after.request(QStringLiteral("history"), {{"room", room}, {"limit", 200}});
        while (true) {
            QCOMPARE(replyCode(page), QStringLiteral("ok"));
            QList<qint64> pageIds;
            QStringList pageTexts;
            for (const QJsonValue &message : page.value("messages").toArray()) {
                pageIds.append(message.toObject().value("id").toInteger());
                pageTexts.append(message.toObject().value("text").toString());
            }
            stored = pageIds + stored;
            texts = pageTexts + texts;
            if (!page.value("more").toBool() || pageIds.isEmpty())
                break;
            page = after.request(QStringLiteral("history"),
                                 {{"room", room}, {"before", pageIds.first()}, {"limit", 200}});
        }
        QCOMPARE(stored, acknowledged); // all of them, in order, and no others
        QCOMPARE(texts.first(), QStringLiteral("m0"));
        QCOMPARE(texts.last(), QStringLiteral("m%1").arg(count - 1));
        after.close();
        QCOMPARE(natterd.terminate(), 0);
    }

    void refusesADatabaseNewerThanItself()
    {
        NatterdProcess natterd;
        {
            QString error;
            const QSqlDatabase db =
                Natter::Server::Database::open(natterd.databasePath(), QStringLiteral("future"), &error);
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 999")));
        }
        Natter::Server::Database::close(QStringLiteral("future"));
        QVERIFY(!natterd.start());
        QCOMPARE(natterd.exitCode(), 1);
        QVERIFY2(natterd.output().contains(QLatin1String("newer than this natterd")),
                 qPrintable(natterd.output()));
    }

    void sigtermShutsDownCleanly()
    {
        NatterdProcess natterd;
        QVERIFY2(natterd.start(), qPrintable(natterd.output()));
        TestClient client;
        QVERIFY(client.open(natterd.url()));
        QCOMPARE(replyCode(client.registerUser(QStringLiteral("bob"))), QStringLiteral("ok"));
        QCOMPARE(natterd.terminate(), 0);
        QVERIFY(client.waitForDisconnect());
        QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
        // SQLite removes the WAL file when the last connection closes cleanly.
        QVERIFY(!QFile::exists(natterd.databasePath() + QStringLiteral("-wal")));
        QVERIFY(natterd.start()); // and the database opens again
        QCOMPARE(natterd.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestNatterd)
#include "tst_natterd.moc"
