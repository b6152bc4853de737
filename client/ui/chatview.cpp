// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatview.h"

#include "emoji.h"
#include "messagedelegate.h"
#include "messagemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QHelpEvent>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QToolTip>
#include <QUrl>
#include <memory>

namespace Natter::Client {

namespace {
constexpr int kBottomSlack = 8;
constexpr int kTopThreshold = 40;
constexpr int kFlashMs = 1500;

/// A menu of emoji: in colour, and large enough to tell apart.
void showLargeEmoji(QMenu *menu)
{
    QFont font = Emoji::font(menu->font());
    font.setPointSizeF(font.pointSizeF() * 1.4);
    menu->setFont(font);
}
} // namespace

ChatView::ChatView(QWidget *parent)
    : QListView(parent)
    , m_delegate(new MessageDelegate(this))
    , m_marker(new QPushButton(tr("New messages ↓"), viewport()))
    , m_selector(new QTextBrowser(viewport()))
{
    m_selector->setObjectName(QStringLiteral("messageText"));
    m_selector->setFrameShape(QFrame::NoFrame);
    m_selector->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_selector->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_selector->setOpenExternalLinks(true);
    m_selector->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard |
                                        Qt::LinksAccessibleByMouse);
    m_selector->viewport()->setAutoFillBackground(false);
    m_selector->setStyleSheet(QStringLiteral("QTextBrowser { background: transparent; }"));
    m_selector->hide();
    setObjectName(QStringLiteral("chatView"));
    setAccessibleName(tr("Messages"));
    setItemDelegate(m_delegate);
    setSelectionMode(QAbstractItemView::NoSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Always there, so that the width messages are laid out at does not change when history grows past one
    // screen (which would lay everything out again, at the risk of going back and forth).
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(false);
    setWordWrap(true);
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    m_marker->setObjectName(QStringLiteral("newMessages"));
    m_marker->setAccessibleName(tr("Jump to new messages"));
    m_marker->hide();
    connect(m_marker, &QPushButton::clicked, this, [this] {
        if (holdsOlderHistory())
            return emit latestWanted(); // the model is reset to the newest page, and the view follows
        scrollToBottom();
        m_marker->hide();
    });
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this](int, int maximum) {
        if (m_keepFromBottom) {
            // An older page went in above: keep the same messages under the user's eyes.
            verticalScrollBar()->setValue(maximum - m_distanceFromBottom);
            m_keepFromBottom = false;
        } else if (m_wasAtBottom && !holdsOlderHistory()) {
            verticalScrollBar()->setValue(maximum);
        }
    });
}

std::optional<std::pair<qint64, qint64>> ChatView::messageLink(const QUrl &url)
{
    const QStringList parts = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    // natter://room/R/message/M: the host is "room", the path "/R/message/M".
    if (url.scheme() != QLatin1String("natter") || url.host() != QLatin1String("room") || parts.size() != 3 ||
        parts.at(1) != QLatin1String("message"))
        return std::nullopt;
    const qint64 room = parts.at(0).toLongLong();
    const qint64 message = parts.at(2).toLongLong();
    if (room <= 0 || message <= 0)
        return std::nullopt;
    return std::pair{room, message};
}

QStringList ChatView::quickReactions()
{
    return {QStringLiteral("👍"), QStringLiteral("❤️"), QStringLiteral("😂"), QStringLiteral("🎉"),
            QStringLiteral("😮"), QStringLiteral("😢"),      QStringLiteral("🙏")};
}

void ChatView::setModel(QAbstractItemModel *model)
{
    setModel(model, 0);
}

void ChatView::setModel(QAbstractItemModel *model, qint64 readPosition)
{
    stopSelecting();
    if (this->model())
        this->model()->disconnect(this);
    m_delegate->clearCache();
    m_delegate->setReadPosition(readPosition);
    m_hovered = QPersistentModelIndex();
    m_delegate->setHovered(m_hovered);
    QListView::setModel(model);
    m_marker->hide();
    m_wasAtBottom = true;
    if (!model)
        return;
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, &ChatView::beforeInsert);
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &first, const QModelIndex &last) {
                // Edited or deleted under the selection: the copy laid over it is out of date.
                if (m_selecting.isValid() && m_selecting.row() >= first.row() &&
                    m_selecting.row() <= last.row())
                    stopSelecting();
            });
    connect(model, &QAbstractItemModel::rowsInserted, this, &ChatView::afterInsert);
    connect(model, &QAbstractItemModel::modelReset, this, &ChatView::afterReset);
    scrollToBottom();
    if (holdsOlderHistory())
        showLatestButton();
    showReadPosition();
}

bool ChatView::showReadPosition()
{
    auto *messages = qobject_cast<MessageModel *>(model());
    const qint64 readPosition = m_delegate->readPosition();
    if (readPosition <= 0 || !messages)
        return false;
    // Open where the user left off: the first new message near the top, unless everything fits.
    for (int row = 0; row < messages->rowCount(); ++row) {
        if (messages->index(row).data(MessageModel::IdRole).toLongLong() > readPosition) {
            if (row == 0 && messages->hasOlder())
                return false; // the read position is further back than what is held
            if (row > 0) {
                doItemsLayout();
                scrollTo(messages->index(row), QAbstractItemView::PositionAtTop);
                m_wasAtBottom = isAtBottom();
            }
            return true;
        }
    }
    return true;
}

std::pair<int, QString> ChatView::partAt(const QPoint &pos) const
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return {int(MessageDelegate::Part::None), {}};
    const auto hit = m_delegate->hitAt(optionFor(index), index, pos);
    return {int(hit.part), hit.value};
}

QString ChatView::toolTipAt(const QPoint &pos) const
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return {};
    const auto hit = m_delegate->hitAt(optionFor(index), index, pos);
    switch (hit.part) {
    case MessageDelegate::Part::Reply:
        return tr("Reply");
    case MessageDelegate::Part::React:
        return tr("Add a reaction");
    case MessageDelegate::Part::More:
        return tr("More actions");
    case MessageDelegate::Part::Reaction:
        break;
    default:
        return {};
    }
    QStringList names;
    for (const QVariant &reaction : index.data(MessageModel::ReactionsRole).toList()) {
        const QVariantMap map = reaction.toMap();
        if (map.value(QStringLiteral("emoji")).toString() != hit.value)
            continue;
        for (const qint64 user : map.value(QStringLiteral("users")).value<QList<qint64>>()) {
            const QString name = m_userNames ? m_userNames(user) : QString();
            names.append(name.isEmpty() ? tr("someone who left") : name);
        }
    }
    return names.isEmpty() ? QString()
                           : tr("Reacted with %1: %2").arg(hit.value, QLocale().createSeparatedList(names));
}

bool ChatView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = toolTipAt(help->pos());
        if (!tip.isEmpty()) {
            QToolTip::showText(help->globalPos(), tip, viewport());
            return true;
        }
    }
    return QListView::viewportEvent(event);
}

qint64 ChatView::newSince() const
{
    return m_delegate->readPosition();
}

bool ChatView::showMessage(qint64 messageId)
{
    auto *messages = qobject_cast<MessageModel *>(model());
    const int row = messages ? messages->rowOf(messageId) : -1;
    if (row < 0)
        return false;
    const QModelIndex index = messages->index(row);
    scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_wasAtBottom = isAtBottom();
    setCurrentIndex(index);
    // Flashed for a moment, so that the eye finds it.
    const QPersistentModelIndex flashed(index);
    m_delegate->setFlashed(flashed);
    viewport()->update();
    QTimer::singleShot(kFlashMs, this, [this, flashed] {
        m_delegate->setFlashed({});
        if (flashed.isValid())
            viewport()->update(visualRect(flashed));
    });
    return true;
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
        if (holdsOlderHistory()) {
            showLatestButton();
        } else if (m_wasAtBottom) {
            scrollToBottom();
        } else {
            placeMarker();
            m_marker->show();
        }
    }
}

void ChatView::afterReset()
{
    // A window of history replaced what was held: around a message far back (the caller then shows it), or
    // the newest page again.
    stopSelecting();
    m_delegate->clearCache();
    m_hovered = QPersistentModelIndex();
    m_delegate->setHovered(m_hovered);
    if (holdsOlderHistory()) {
        showLatestButton();
    } else {
        m_marker->setText(tr("New messages ↓"));
        m_marker->setAccessibleName(tr("Jump to new messages"));
        m_marker->hide();
        scrollToBottom();
        m_wasAtBottom = true;
    }
}

bool ChatView::holdsOlderHistory() const
{
    const auto *messages = qobject_cast<const MessageModel *>(model());
    return messages && messages->hasNewer();
}

void ChatView::showLatestButton()
{
    m_marker->setText(tr("Jump to latest ↓"));
    m_marker->setAccessibleName(tr("Jump to the latest messages"));
    placeMarker();
    m_marker->show();
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

void ChatView::changeEvent(QEvent *event)
{
    QListView::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        m_delegate->clearCache();
        scheduleDelayedItemsLayout();
    }
}

void ChatView::scrollContentsBy(int dx, int dy)
{
    QListView::scrollContentsBy(dx, dy);
    placeSelector();
    placeMarker(); // a child of the viewport, which scrolling moves along with the rows
    m_wasAtBottom = isAtBottom();
    if (holdsOlderHistory()) {
        if (m_wasAtBottom)
            emit newerWanted();
    } else if (m_wasAtBottom) {
        m_marker->hide();
    }
    if (verticalScrollBar()->value() < kTopThreshold && model() && model()->rowCount() > 0)
        emit olderWanted();
}

QStyleOptionViewItem ChatView::optionFor(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return option;
}

QString ChatView::linkAt(const QPoint &pos) const
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return {};
    return m_delegate->linkAt(optionFor(index), index, pos);
}

void ChatView::setHovered(const QModelIndex &index)
{
    if (m_hovered == index)
        return;
    const QModelIndex previous = m_hovered;
    m_hovered = index;
    m_delegate->setHovered(m_hovered);
    if (previous.isValid())
        viewport()->update(visualRect(previous));
    if (index.isValid())
        viewport()->update(visualRect(index));
}

bool ChatView::startSelecting(const QModelIndex &index, QMouseEvent *press)
{
    const QStyleOptionViewItem option = optionFor(index);
    const QRect body = m_delegate->bodyRect(option, index);
    if (body.isEmpty() || !body.contains(press->position().toPoint()))
        return false;
    std::unique_ptr<QTextDocument> document = m_delegate->bodyDocument(option, index);
    m_selector->setDocument(document.release());
    m_selector->document()->setParent(m_selector);
    m_selector->setGeometry(body);
    m_selector->show();
    m_selector->setFocus(Qt::MouseFocusReason);
    m_selecting = index;
    m_dragging = true;
    forwardToSelector(press);
    return true;
}

void ChatView::placeSelector()
{
    if (!m_selector->isVisible())
        return;
    if (!m_selecting.isValid()) {
        stopSelecting();
        return;
    }
    m_selector->setGeometry(m_delegate->bodyRect(optionFor(m_selecting), m_selecting));
}

void ChatView::updateGeometries()
{
    QListView::updateGeometries();
    placeSelector();
}

void ChatView::stopSelecting()
{
    m_dragging = false;
    m_selecting = QPersistentModelIndex();
    if (m_selector->isVisible()) {
        m_selector->hide();
        if (m_selector->hasFocus())
            setFocus();
    }
}

void ChatView::forwardToSelector(QMouseEvent *event)
{
    const QPointF local = m_selector->viewport()->mapFrom(viewport(), event->position().toPoint());
    QMouseEvent forwarded(event->type(), local, event->globalPosition(), event->button(), event->buttons(),
                          event->modifiers());
    QCoreApplication::sendEvent(m_selector->viewport(), &forwarded);
}

void ChatView::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = indexAt(pos);
    stopSelecting();
    if (index.isValid() && event->button() == Qt::LeftButton &&
        m_delegate->hitAt(optionFor(index), index, pos).part == MessageDelegate::Part::None &&
        startSelecting(index, event))
        return;
    QListView::mousePressEvent(event);
}

void ChatView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) {
        forwardToSelector(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = indexAt(pos);
    setHovered(index);
    const auto hit =
        index.isValid() ? m_delegate->hitAt(optionFor(index), index, pos) : MessageDelegate::Hit{};
    viewport()->setCursor(hit.part == MessageDelegate::Part::None ? Qt::ArrowCursor : Qt::PointingHandCursor);
    QListView::mouseMoveEvent(event);
}

void ChatView::leaveEvent(QEvent *event)
{
    setHovered({});
    QListView::leaveEvent(event);
}

void ChatView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index =
        event->reason() == QContextMenuEvent::Mouse ? indexAt(event->pos()) : currentIndex();
    if (!index.isValid())
        return;
    const QPoint where = event->reason() == QContextMenuEvent::Mouse
                             ? event->globalPos()
                             : viewport()->mapToGlobal(visualRect(index).topLeft());
    showMenu(index, where);
}

void ChatView::showMenu(const QModelIndex &index, const QPoint &globalPos)
{
    const std::unique_ptr<QMenu> menu(menuFor(index));
    if (!menu->isEmpty())
        menu->exec(globalPos);
}

QMenu *ChatView::menuFor(const QModelIndex &index)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("messageMenu"));
    if (index.data(MessageModel::NoticeRole).value<MessageModel::Notice>() != MessageModel::Notice::None)
        return menu;
    if (index.data(MessageModel::StatusRole).value<MessageModel::Status>() == MessageModel::Status::Failed) {
        // Not sent: try again, or give it up (the Menu key reaches both, as well as the mouse).
        const QString clientId = index.data(MessageModel::ClientIdRole).toString();
        menu->addAction(tr("&Retry"), this, [this, clientId] { emit retryRequested(clientId); })
            ->setObjectName(QStringLiteral("retryAction"));
        menu->addAction(tr("D&iscard"), this, [this, clientId] { emit discardRequested(clientId); })
            ->setObjectName(QStringLiteral("discardAction"));
        menu->addSeparator();
    }
    const bool stored =
        index.data(MessageModel::StatusRole).value<MessageModel::Status>() == MessageModel::Status::Sent;
    const bool deleted = index.data(MessageModel::DeletedRole).toBool();
    const bool own = index.data(MessageModel::IsOwnRole).toBool();
    const qint64 id = index.data(MessageModel::IdRole).toLongLong();
    const auto *messages = qobject_cast<MessageModel *>(model());
    const qint64 room = messages ? messages->roomId() : 0;
    if (stored && !deleted) {
        menu->addAction(tr("&Reply"), this, [this, id] { emit replyRequested(id); })
            ->setObjectName(QStringLiteral("replyAction"));
        QMenu *react = menu->addMenu(tr("Re&act"));
        react->setObjectName(QStringLiteral("reactMenu"));
        showLargeEmoji(react);
        const QVariantList reactions = index.data(MessageModel::ReactionsRole).toList();
        for (const QString &emoji : quickReactions()) {
            bool mine = false;
            for (const QVariant &reaction : reactions) {
                if (reaction.toMap().value(QStringLiteral("emoji")).toString() == emoji)
                    mine = reaction.toMap().value(QStringLiteral("mine")).toBool();
            }
            QAction *action = react->addAction(
                emoji, this, [this, id, emoji, mine] { emit reactionToggled(id, emoji, !mine); });
            action->setCheckable(true);
            action->setChecked(mine);
        }
        if (own) {
            menu->addAction(tr("&Edit"), this, [this, id] { emit editRequested(id); })
                ->setObjectName(QStringLiteral("editAction"));
            menu->addAction(tr("&Delete…"), this, [this, id] { emit deleteRequested(id); })
                ->setObjectName(QStringLiteral("deleteAction"));
        }
        menu->addSeparator();
    }
    if (!deleted) {
        const QString text = index.data(MessageModel::TextRole).toString();
        menu->addAction(tr("&Copy text"), this, [text] { QApplication::clipboard()->setText(text); })
            ->setObjectName(QStringLiteral("copyTextAction"));
    }
    if (stored) {
        menu->addAction(tr("Copy &link to message"), this,
                        [room, id] {
                            QApplication::clipboard()->setText(
                                QStringLiteral("natter://room/%1/message/%2").arg(room).arg(id));
                        })
            ->setObjectName(QStringLiteral("copyLinkAction"));
    }
    return menu;
}

void ChatView::showReactionMenu(const QModelIndex &index, const QPoint &globalPos)
{
    const qint64 id = index.data(MessageModel::IdRole).toLongLong();
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("reactionPicker"));
    showLargeEmoji(&menu);
    for (const QString &emoji : quickReactions())
        menu.addAction(emoji, this, [this, id, emoji] { emit reactionToggled(id, emoji, true); });
    menu.exec(globalPos);
}

void ChatView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragging) {
        forwardToSelector(event);
        m_dragging = false;
        if (m_selector->textCursor().hasSelection())
            return; // stays until the next click elsewhere, so that it can be copied
        // A click without a selection is a click on the message (retry a failed one, say).
        stopSelecting();
    }
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = indexAt(pos);
    if (index.isValid() && event->button() == Qt::LeftButton) {
        const auto hit = m_delegate->hitAt(optionFor(index), index, pos);
        const qint64 id = index.data(MessageModel::IdRole).toLongLong();
        switch (hit.part) {
        case MessageDelegate::Part::Link:
            if (const auto target = messageLink(QUrl(hit.value)))
                emit messageLinkActivated(target->first, target->second);
            else
                QDesktopServices::openUrl(QUrl(hit.value));
            return;
        case MessageDelegate::Part::Reaction: {
            bool mine = false;
            for (const QVariant &reaction : index.data(MessageModel::ReactionsRole).toList()) {
                if (reaction.toMap().value(QStringLiteral("emoji")).toString() == hit.value)
                    mine = reaction.toMap().value(QStringLiteral("mine")).toBool();
            }
            emit reactionToggled(id, hit.value, !mine);
            return;
        }
        case MessageDelegate::Part::Reply:
            emit replyRequested(id);
            return;
        case MessageDelegate::Part::React:
            showReactionMenu(index, event->globalPosition().toPoint());
            return;
        case MessageDelegate::Part::More:
            showMenu(index, event->globalPosition().toPoint());
            return;
        case MessageDelegate::Part::Quote:
            showMessage(index.data(MessageModel::ReplyIdRole).toLongLong());
            return;
        case MessageDelegate::Part::None:
            break;
        }
    }
    if (index.isValid() &&
        index.data(MessageModel::StatusRole).value<MessageModel::Status>() == MessageModel::Status::Failed)
        emit retryRequested(index.data(MessageModel::ClientIdRole).toString());
    QListView::mouseReleaseEvent(event);
}

} // namespace Natter::Client
