// SPDX-License-Identifier: GPL-3.0-or-later
#include "formparts.h"

#include "colours.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Natter::Client::FormParts {

QLabel *title(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    label->setFont(font);
    return label;
}

QLabel *errorLabel(const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("error"));
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    Colours::follow(label, Colours::Role::Error);
    label->hide();
    return label;
}

QLabel *link(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    setLinkText(label, text);
    label->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    return label;
}

void setStatus(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setAccessibleDescription(text);
}

void setLinkText(QLabel *link, const QString &text)
{
    link->setText(QStringLiteral("<a href=\"#\">%1</a>").arg(text.toHtmlEscaped()));
    link->setAccessibleName(text);
}

void centre(QWidget *page, QLayout *content)
{
    auto *column = new QWidget(page);
    column->setLayout(content);
    column->setMinimumWidth(360);
    column->setMaximumWidth(440);
    auto *outer = new QVBoxLayout(page);
    outer->addStretch();
    outer->addWidget(column, 0, Qt::AlignHCenter);
    outer->addStretch(2);
}

} // namespace Natter::Client::FormParts
