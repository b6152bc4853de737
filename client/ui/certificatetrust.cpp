// SPDX-License-Identifier: GPL-3.0-or-later
#include "certificatetrust.h"

#include "clientsettings.h"
#include "connection.h"
#include "serveraddress.h"

#include <QMessageBox>
#include <QPushButton>

namespace Natter::Client {

namespace {
QString server(const QUrl &url)
{
    return url.host() + QLatin1Char(':') + QString::number(url.port(7447));
}

/// The fingerprint in two lines of 16 bytes, in a fixed-width font, so that it can be compared by eye.
QString shownFingerprint(const QString &fingerprint)
{
    return QStringLiteral("<pre>%1</pre>").arg(ServerAddress::fingerprintInTwoLines(fingerprint));
}

QString paragraph(const QString &text)
{
    return QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped());
}
} // namespace

CertificateTrust::CertificateTrust(Connection &connection, ClientSettings &settings, QWidget *window)
    : QObject(window)
    , m_connection(connection)
    , m_settings(settings)
    , m_window(window)
{
    m_connection.setPinLookup([this](const QUrl &url) { return m_settings.pinnedCertificate(url); });
    connect(&m_connection, &Connection::certificateUnknown, this, &CertificateTrust::askAbout);
    connect(&m_connection, &Connection::certificateMismatch, this, &CertificateTrust::warnAboutChange);
}

void CertificateTrust::askAbout(const QUrl &url, const QSslCertificate &certificate)
{
    if (m_dialog)
        return; // one question at a time
    const QString fingerprint = ServerAddress::fingerprint(certificate);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Trust this server?"),
                                tr("The server %1 presents a certificate that your system does not vouch for "
                                   "(it is probably self-signed). Its SHA-256 fingerprint is:")
                                    .arg(server(url)),
                                QMessageBox::Cancel, m_window);
    box->setInformativeText(
        shownFingerprint(fingerprint) +
        paragraph(tr("Compare it with the fingerprint the server's operator gave you. If "
                     "they are the same, trust it: Natter remembers it for this server and "
                     "warns you if it ever changes.")));
    QPushButton *trust = box->addButton(tr("Trust and connect"), QMessageBox::AcceptRole);
    trust->setAccessibleName(tr("Trust this certificate and connect"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = box;
    connect(box, &QMessageBox::finished, this, [this, box, trust, url, fingerprint] {
        m_dialog.clear();
        if (box->clickedButton() == trust) {
            m_settings.pinCertificate(url, fingerprint);
            m_connection.open(url);
        } else {
            emit refused(tr("Not connected: you did not trust the certificate of %1.").arg(server(url)));
        }
    });
    box->open();
}

void CertificateTrust::warnAboutChange(const QUrl &url, const QString &pinned,
                                       const QSslCertificate &presented)
{
    if (m_dialog)
        m_dialog->close();
    auto *box = new QMessageBox(
        QMessageBox::Critical, tr("The server's certificate has changed"),
        tr("The server %1 presented a different certificate from the one you trusted before, so Natter did "
           "not "
           "connect. Someone may be intercepting the connection, or the operator may have replaced the "
           "certificate.")
            .arg(server(url)),
        QMessageBox::Close, m_window);
    box->setInformativeText(
        paragraph(tr("Trusted before:")) + shownFingerprint(pinned) + paragraph(tr("Presented now:")) +
        shownFingerprint(ServerAddress::fingerprint(presented)) +
        paragraph(tr("Ask the operator which fingerprint is right. If the new one is, remove the old one in "
                     "Natter → Trusted certificates and connect again.")));
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = box;
    connect(box, &QMessageBox::finished, this, [this] { m_dialog.clear(); });
    emit refused(tr("Not connected: the certificate of %1 has changed.").arg(server(url)));
    box->open();
}

} // namespace Natter::Client
