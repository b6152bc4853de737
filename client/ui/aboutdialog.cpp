// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace Natter::Client {

namespace {
const QString kDocumentation = QStringLiteral("https://natter.invalid");
}

AboutDialog::AboutDialog(const QUrl &server, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Natter"));
    const QString serverLine = server.isEmpty()
                                   ? tr("Not connected to a server.")
                                   : tr("Connected to %1.").arg(server.toDisplayString().toHtmlEscaped());
    m_text = QStringLiteral("<h3>%1</h3><p>%2</p><p>%3</p><p>%4<br>%5</p><p>%6</p>")
                 .arg(tr("Natter %1").arg(QCoreApplication::applicationVersion().toHtmlEscaped()),
                      tr("Real-time chat on your own server."),
                      tr("Free software under the GNU General Public License, version 3 or later "
                         "(GPL-3.0-or-later)."),
                      tr("Built with Qt, running on Qt %1.").arg(QString::fromLatin1(qVersion())), serverLine,
                      tr("Documentation: <a href=\"%1\">%1</a>").arg(kDocumentation));

    auto *icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);
    auto *label = new QLabel(m_text, this);
    label->setObjectName(QStringLiteral("aboutText"));
    label->setWordWrap(true);
    label->setOpenExternalLinks(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addWidget(label, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

} // namespace Natter::Client
