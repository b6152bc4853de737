// SPDX-License-Identifier: GPL-3.0-or-later
#include "formparts.h"

#include "colours.h"

#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace Natter::Client::FormParts {

namespace {
/// Keeps a widget's font a size relative to the application's. Qt tells the application object of a new
/// application font (QEvent::ApplicationFontChange); a widget with its own point size hears nothing.
class FontScaler : public QObject {
public:
    FontScaler(QWidget *widget, qreal factor, bool bold)
        : QObject(widget)
        , m_widget(widget)
        , m_factor(factor)
        , m_bold(bold)
    {
        qApp->installEventFilter(this);
        apply();
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == qApp && event->type() == QEvent::ApplicationFontChange)
            apply();
        return false;
    }

private:
    void apply()
    {
        QFont font = QApplication::font(m_widget);
        font.setPointSizeF(font.pointSizeF() * m_factor);
        font.setBold(m_bold);
        m_widget->setFont(font);
    }

    QWidget *m_widget;
    qreal m_factor;
    bool m_bold;
};
} // namespace

void scaleFont(QWidget *widget, qreal factor, bool bold)
{
    new FontScaler(widget, factor, bold);
}

QLabel *title(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("pageTitle"));
    scaleFont(label, 1.4, true);
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

int runModal(QDialog &dialog, QWidget *window)
{
    const int result = dialog.exec();
    window->activateWindow();
    return result;
}

} // namespace Natter::Client::FormParts
