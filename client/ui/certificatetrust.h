// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>

class QWidget;

namespace Natter::Client {

class ClientSettings;
class Connection;

/// Trust on first use, as in SSH and Mumble: when a server's certificate does not verify against the
/// system's authorities, shows its SHA-256 fingerprint and asks once; trusting pins it for that server and
/// connects again. A pinned server that presents another certificate is refused with an explanation and no
/// button to accept it: the pin is removed only in "Trusted certificates…".
class CertificateTrust : public QObject {
    Q_OBJECT
public:
    CertificateTrust(Connection &connection, ClientSettings &settings, QWidget *window);

    /// The question or warning on screen now, if any (for tests).
    QMessageBox *openDialog() const { return m_dialog; }

signals:
    /// Not connected, and why, for the page the user is on.
    void refused(const QString &explanation);

private:
    void askAbout(const QUrl &server, const QSslCertificate &certificate);
    void warnAboutChange(const QUrl &server, const QString &pinned, const QSslCertificate &presented);

    Connection &m_connection;
    ClientSettings &m_settings;
    QWidget *m_window;
    QPointer<QMessageBox> m_dialog;
};

} // namespace Natter::Client
