// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop client against natterd's own TLS: addresses without a scheme mean wss://, a self-signed
// certificate is shown and trusted once, a changed one is refused with no way around it but the settings.
#include "certificatetrust.h"
#include "chatsession.h"
#include "clientsettings.h"
#include "clientwindow.h"
#include "connection.h"
#include "filetokenstore.h"
#include "mainwindow.h"
#include "serveraddress.h"
#include "signinpage.h"
#include "testclient.h"
#include "testserver.h"
#include "tlscertificates.h"
#include "trustedcertificatesdialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>

using namespace Natter;
using namespace Natter::Client;
using namespace Natter::Test;

namespace {

QPushButton *buttonWithText(QMessageBox *box, const QString &text)
{
    for (QAbstractButton *button : box->buttons()) {
        if (button->text() == text)
            return qobject_cast<QPushButton *>(button);
    }
    return nullptr;
}

} // namespace

class TestClientTls : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    bool serveWith(const QString &name)
    {
        QString error;
        if (!QFile::exists(path(name + QStringLiteral(".pem"))) &&
            !Server::TlsCertificates::generateSelfSigned(path(name + QStringLiteral(".pem")),
                                                         path(name + QStringLiteral("-key.pem")), {},
                                                         {QHostAddress::LocalHost}, &error)) {
            qWarning() << error;
            return false;
        }
        m_server->config().tlsMode = Server::ServerConfig::TlsMode::On;
        m_server->config().tlsCertificate = path(name + QStringLiteral(".pem"));
        m_server->config().tlsPrivateKey = path(name + QStringLiteral("-key.pem"));
        return m_server->url().isEmpty() ? m_server->start() : m_server->restart();
    }

    QString fingerprintOf(const QString &name) const
    {
        return ServerAddress::fingerprint(
            QSslCertificate::fromPath(path(name + QStringLiteral(".pem"))).first());
    }

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(serveWith(QStringLiteral("first")));
        TestClient setup;
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        trusting.setCaCertificates(QSslCertificate::fromPath(path(QStringLiteral("first.pem"))));
        setup.setSslConfiguration(trusting);
        QVERIFY(setup.open(m_server->url()));
        QCOMPARE(replyCode(setup.registerUser(QStringLiteral("alice"))), QStringLiteral("ok"));
    }

    void cleanup()
    {
        m_server.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("tls.ini")));
    }

    void addressesWithoutASchemeMeanWss()
    {
        QCOMPARE(ServerAddress::fromUserInput(QStringLiteral("chat.example.org")),
                 QUrl(QStringLiteral("wss://chat.example.org:7447")));
        QCOMPARE(ServerAddress::fromUserInput(QStringLiteral(" chat.example.org:443 ")),
                 QUrl(QStringLiteral("wss://chat.example.org:443")));
        QCOMPARE(ServerAddress::fromUserInput(QStringLiteral("192.0.2.4")),
                 QUrl(QStringLiteral("wss://192.0.2.4:7447")));
        // Plain ws:// only when typed, or for this machine.
        QCOMPARE(ServerAddress::fromUserInput(QStringLiteral("ws://chat.example.org")),
                 QUrl(QStringLiteral("ws://chat.example.org:7447")));
        QCOMPARE(ServerAddress::fromUserInput(QStringLiteral("localhost")),
                 QUrl(QStringLiteral("ws://localhost:7447")));
        QCOMPARE(ServerAddress::fromUserInput(QStringLiteral("127.0.0.1:9000")),
                 QUrl(QStringLiteral("ws://127.0.0.1:9000")));
        QCOMPARE(ServerAddress::fromUserInput(QStringLiteral("[::1]")),
                 QUrl(QStringLiteral("ws://[::1]:7447")));
        QCOMPARE(ServerAddress::fromUserInput(QStringLiteral("wss://localhost")),
                 QUrl(QStringLiteral("wss://localhost:7447")));
        QVERIFY(!ServerAddress::fromUserInput(QStringLiteral("https://chat.example.org")).isValid());
        QVERIFY(!ServerAddress::fromUserInput(QString()).isValid());
    }

    void aSelfSignedCertificateIsShownAndTrustedOnce()
    {
        {
            ClientWindow client(m_dir.path(), QStringLiteral("tls"), m_server->url());
            QVERIFY(client.submitSignIn(QStringLiteral("alice"), true));
            QTRY_VERIFY(client.certificateDialog());
            QVERIFY(client.certificateDialog()->informativeText().contains(
                fingerprintOf(QStringLiteral("first")).left(47)));
            QCOMPARE(client.connection.state(), Connection::State::Offline); // nothing sent before the answer
            QSignalSpy synced(&client.session, &ChatSession::synced);
            QPushButton *trust =
                buttonWithText(client.certificateDialog(), QStringLiteral("Trust and connect"));
            QVERIFY(trust);
            trust->click();
            QVERIFY(synced.wait(10000));
            QCOMPARE(client.settings.pinnedCertificate(m_server->url()),
                     fingerprintOf(QStringLiteral("first")));
        }
        // Next time: the pinned certificate is accepted without a question.
        ClientWindow again(m_dir.path(), QStringLiteral("tls"), m_server->url());
        QSignalSpy online(&again.connection, &Connection::online);
        QVERIFY(online.wait(10000));
        QVERIFY(!again.certificateDialog());
    }

    void notTrustingLeavesItUnconnected()
    {
        ClientWindow client(m_dir.path(), QStringLiteral("tls"), m_server->url());
        QVERIFY(client.submitSignIn(QStringLiteral("alice"), true));
        QTRY_VERIFY(client.certificateDialog());
        client.certificateDialog()->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(client.signInError().contains(QStringLiteral("did not trust")));
        QVERIFY(client.settings.pinnedCertificate(m_server->url()).isEmpty());
        QCOMPARE(client.connection.state(), Connection::State::Offline);
    }

    void aChangedCertificateIsRefusedWithoutABypass()
    {
        const QUrl url = m_server->url();
        {
            ClientSettings settings(QStringLiteral("tls"), m_dir.path());
            settings.pinCertificate(url, fingerprintOf(QStringLiteral("first")));
        }
        QVERIFY(serveWith(QStringLiteral("second"))); // the same server, another certificate
        ClientWindow client(m_dir.path(), QStringLiteral("tls"), url);
        QTRY_VERIFY(client.certificateDialog());
        QMessageBox *warning = client.certificateDialog();
        QCOMPARE(warning->icon(), QMessageBox::Critical);
        QCOMPARE(warning->buttons().size(), 1); // Close, and nothing that connects
        QVERIFY(warning->informativeText().contains(fingerprintOf(QStringLiteral("first")).left(47)));
        QVERIFY(warning->informativeText().contains(fingerprintOf(QStringLiteral("second")).left(47)));
        QTRY_VERIFY(client.signInError().contains(QStringLiteral("has changed")));
        QCOMPARE(client.connection.state(), Connection::State::Offline);
        warning->button(QMessageBox::Close)->click();
        QVERIFY(!client.certificateDialog());
        // Signing in again does not get past it either.
        QVERIFY(client.submitSignIn(QStringLiteral("alice"), true));
        QTRY_VERIFY(client.certificateDialog());
        QCOMPARE(client.certificateDialog()->icon(), QMessageBox::Critical);
        client.certificateDialog()->button(QMessageBox::Close)->click();
        QVERIFY(!client.certificateDialog());

        // Only the settings forget a pin; then the new certificate is asked about like a first one.
        {
            TrustedCertificatesDialog dialog(client.settings);
            QCOMPARE(dialog.list()->model()->rowCount(), 1);
            QVERIFY(
                dialog.list()->model()->index(0, 0).data().toString().contains(QStringLiteral("127.0.0.1:")));
            QVERIFY(dialog.list()->model()->index(0, 0).data().toString().contains(
                fingerprintOf(QStringLiteral("first")).mid(48))); // the whole fingerprint
            QVERIFY(dialog.removeButton()->isEnabled()); // the first one is selected: keyboard users can act
            dialog.removeButton()->click();
            QCOMPARE(dialog.list()->model()->rowCount(), 0);
            QVERIFY(!dialog.removeButton()->isEnabled());
        }
        QVERIFY(client.settings.pinnedCertificates().isEmpty());
        QVERIFY(client.submitSignIn(QStringLiteral("alice"), true));
        QTRY_VERIFY(client.certificateDialog());
        QCOMPARE(client.certificateDialog()->icon(), QMessageBox::Question);
        QSignalSpy synced(&client.session, &ChatSession::synced);
        buttonWithText(client.certificateDialog(), QStringLiteral("Trust and connect"))->click();
        QVERIFY(synced.wait(10000));
        QCOMPARE(client.settings.pinnedCertificate(url), fingerprintOf(QStringLiteral("second")));
    }

    void aCertificateChangedWhileSignedInCanBeTrustedAgainFromTheMenu()
    {
        ClientWindow client(m_dir.path(), QStringLiteral("tls"), m_server->url());
        QTRY_VERIFY(client.certificateDialog());
        buttonWithText(client.certificateDialog(), QStringLiteral("Trust and connect"))->click();
        QVERIFY(client.submitSignIn(QStringLiteral("alice"), true));
        QSignalSpy synced(&client.session, &ChatSession::synced);
        QVERIFY(synced.wait(10000));

        QVERIFY(serveWith(QStringLiteral("second"))); // renewed while the client is signed in
        QTRY_VERIFY(client.certificateDialog());
        QCOMPARE(client.certificateDialog()->icon(), QMessageBox::Critical);
        client.certificateDialog()->button(QMessageBox::Close)->click();
        // The chat stays, and the status bar says why nothing gets through.
        QCOMPARE(client.session.state(), ChatSession::State::SignedIn);
        QVERIFY(client.window.connectionStatus().contains(QStringLiteral("has changed")));

        // Natter → Trusted certificates…, Delete on the (selected) pin, Close: Natter connects again and
        // asks.
        int left = -1;
        QTimer::singleShot(0, this, [&left] {
            auto *dialog = qobject_cast<TrustedCertificatesDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            QTest::keyClick(dialog->list(), Qt::Key_Delete);
            left = dialog->list()->model()->rowCount();
            dialog->reject();
        });
        client.window.findChild<QAction *>(QStringLiteral("trustedCertificates"))->trigger();
        QCOMPARE(left, 0);
        QTRY_VERIFY(client.certificateDialog());
        QCOMPARE(client.certificateDialog()->icon(), QMessageBox::Question);
        buttonWithText(client.certificateDialog(), QStringLiteral("Trust and connect"))->click();
        QVERIFY(synced.wait(10000)); // the kept session resumes
        QCOMPARE(client.settings.pinnedCertificate(m_server->url()), fingerprintOf(QStringLiteral("second")));
        QCOMPARE(client.connection.state(), Connection::State::Online);
    }
};

QTEST_MAIN(TestClientTls)
#include "tst_clienttls.moc"
