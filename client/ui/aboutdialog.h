// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QUrl>

namespace Natter::Client {

/// Help → About Natter: name, version, what it is, its licence, the Qt it runs on and the server it
/// talks to, with a link to the documentation.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    /// `server` empty: not connected.
    explicit AboutDialog(const QUrl &server, QWidget *parent = nullptr);
    /// The dialog's text (rich text).
    QString text() const { return m_text; }

private:
    QString m_text;
};

} // namespace Natter::Client
