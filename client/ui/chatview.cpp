// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatview.h"

#include "messagedelegate.h"
#include "messagemodel.h"

#include <QDesktopServices>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollBar>
#include <QUrl>

namespace Natter::Client {

namespace {
constexpr int kBottomSlack = 8;
constexpr int kTopThreshold = 40;
} // namespace

ChatView::ChatView(QWidget *parent)
    : QListView(parent)
    , m_delegate(new MessageDelegate(this))
    , m_marker(new QPushButton(tr("New messages ↓"), viewport()))
{
    setObjectName(QStringLiteral("chatView"));
    setAccessibleName(tr("Messages"));
    setItemDelegate(m_delegate);
    setSelectionMode(QAbstractItemView::NoSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(false);
    setWordWrap(true);
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    m_marker->setObjectName(QStringLiteral("newMessages"));
    m_marker->setAccessibleName(tr("Jump to new messages"));
    m_marker->hide();
    connect(m_marker, &QPushButton::clicked, this, [this] {
        scrollToBottom();
        m_marker->hide();
    });
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this](int, int maximum) {
        if (m_keepFromBottom) {
            // An older page went in above: keep the same messages under the user's eyes.
            verticalScrollBar()->setValue(maximum - m_distanceFromBottom);
            m_keepFromBottom = false;
        } else if (m_wasAtBottom) {
            verticalScrollBar()->setValue(maximum);
        }
    });
}

void ChatView::setModel(QAbstractItemModel *model)
{
    if (this->model())
        this->model()->disconnect(this);
    m_delegate->clearCache();
    QListView::setModel(model);
    m_marker->hide();
    m_wasAtBottom = true;
    if (!model)
        return;
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, &ChatView::beforeInsert);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ChatView::afterInsert);
    scrollToBottom();
}

bool ChatView::isAtBottom() const
{
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum() - kBottomSlack;
}

bool ChatView::newMessagesMarkerShown() const
{
    return m_marker->isVisible();
}

void ChatView::beforeInsert(const QModelIndex &, int first, int)
{
    m_wasAtBottom = isAtBottom();
    if (first == 0 && model()->rowCount() > 0 && !m_wasAtBottom) {
        m_keepFromBottom = true;
        m_distanceFromBottom = verticalScrollBar()->maximum() - verticalScrollBar()->value();
    }
}

void ChatView::afterInsert(const QModelIndex &, int, int last)
{
    if (last == model()->rowCount() - 1) {
        if (m_wasAtBottom) {
            scrollToBottom();
        } else {
            placeMarker();
            m_marker->show();
        }
    }
}

void ChatView::placeMarker()
{
    m_marker->adjustSize();
    m_marker->move((viewport()->width() - m_marker->width()) / 2,
                   viewport()->height() - m_marker->height() - 8);
}

void ChatView::resizeEvent(QResizeEvent *event)
{
    const bool atBottom = isAtBottom();
    m_delegate->clearCache();
    QListView::resizeEvent(event);
    placeMarker();
    if (atBottom)
        scrollToBottom();
}

void ChatView::scrollContentsBy(int dx, int dy)
{
    QListView::scrollContentsBy(dx, dy);
    m_wasAtBottom = isAtBottom();
    if (m_wasAtBottom)
        m_marker->hide();
    if (verticalScrollBar()->value() < kTopThreshold && model() && model()->rowCount() > 0)
        emit olderWanted();
}

QString ChatView::linkAt(const QPoint &pos) const
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return {};
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return m_delegate->linkAt(option, index, pos);
}

void ChatView::mouseMoveEvent(QMouseEvent *event)
{
    viewport()->setCursor(linkAt(event->position().toPoint()).isEmpty() ? Qt::ArrowCursor
                                                                        : Qt::PointingHandCursor);
    QListView::mouseMoveEvent(event);
}

void ChatView::mouseReleaseEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QString link = linkAt(pos);
    if (!link.isEmpty() && event->button() == Qt::LeftButton) {
        QDesktopServices::openUrl(QUrl(link));
        return;
    }
    const QModelIndex index = indexAt(pos);
    if (index.isValid() &&
        index.data(MessageModel::StatusRole).value<MessageModel::Status>() == MessageModel::Status::Failed)
        emit retryRequested(index.data(MessageModel::ClientIdRole).toString());
    QListView::mouseReleaseEvent(event);
}

} // namespace Natter::Client
