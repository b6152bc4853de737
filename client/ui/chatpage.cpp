// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatpage.h"

#include "formparts.h"

#include "chatsession.h"
#include "chatview.h"
#include "colours.h"
#include "composer.h"
#include "elidinglabel.h"
#include "errortext.h"
#include "memberdelegate.h"
#include "membermodel.h"
#include "messagemodel.h"
#include "offlinebanner.h"
#include "protocollimits.h"
#include "roomdelegate.h"
#include "roomlistmodel.h"
#include "roomsettingsdialog.h"
#include "searchpanel.h"
#include "validation.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedLayout>
#include <QToolButton>
#include <QVBoxLayout>

namespace Natter::Client {

namespace {
constexpr int kCounterFrom = Limits::messageMaxLength - 500;

/// Rooms, or direct conversations, of the session's one room list.
QSortFilterProxyModel *roomsWhereDirectIs(bool direct, QAbstractItemModel *rooms, QObject *parent)
{
    auto *filter = new QSortFilterProxyModel(parent);
    filter->setSourceModel(rooms);
    filter->setFilterRole(RoomListModel::DirectRole);
    filter->setFilterFixedString(direct ? QStringLiteral("true") : QStringLiteral("false"));
    return filter;
}
} // namespace

ChatPage::ChatPage(ChatSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_splitter(new QSplitter(this))
    , m_rooms(new QListView(this))
    , m_directs(new QListView(this))
    , m_roomFilter(roomsWhereDirectIs(false, session.rooms(), this))
    , m_directFilter(roomsWhereDirectIs(true, session.rooms(), this))
    , m_title(new ElidingLabel(this))
    , m_code(new ElidingLabel(this))
    , m_chat(new ChatView(this))
    , m_composer(new Composer(this))
    , m_bar(new QWidget(this))
    , m_barText(new QLabel(m_bar))
    , m_typing(new QLabel(this))
    , m_counter(new QLabel(this))
    , m_membersTitle(new QLabel(this))
    , m_members(new QListView(this))
    , m_empty(new QLabel(this))
    , m_roomEmpty(new QLabel(this))
    , m_search(new SearchPanel(session, this))
{
    m_rooms->setObjectName(QStringLiteral("rooms"));
    m_rooms->setAccessibleName(tr("Rooms"));
    m_rooms->setModel(m_roomFilter);
    m_directs->setObjectName(QStringLiteral("directs"));
    m_directs->setAccessibleName(tr("Direct messages"));
    m_directs->setModel(m_directFilter);
    for (QListView *list : {m_rooms, m_directs}) {
        list->setItemDelegate(new RoomDelegate(list));
        list->setSelectionMode(QAbstractItemView::SingleSelection);
        list->setContextMenuPolicy(Qt::CustomContextMenu);
        list->setMinimumWidth(140);
        list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        connect(list, &QWidget::customContextMenuRequested, this,
                [this, list](const QPoint &pos) { showRoomMenu(list, pos); });
        connect(list->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this](const QModelIndex &current) {
                    if (current.isValid() && !m_quietCurrent)
                        openRoom(current.data(RoomListModel::IdRole).toLongLong());
                });
        connect(list, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
            openRoom(index.data(RoomListModel::IdRole).toLongLong());
            m_composer->setFocus();
        });
        list->installEventFilter(this);
    }
    connect(session.rooms(), &QAbstractItemModel::modelReset, this, [this] {
        if (m_session.rooms()->rowOf(m_room) >= 0)
            selectInLists(m_room);
        else
            openRoom(0);
    });
    connect(session.rooms(), &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_room && m_session.rooms()->rowOf(m_room) < 0)
            openRoom(0); // left here or on another device
    });
    connect(session.rooms(), &QAbstractItemModel::dataChanged, this, &ChatPage::updateHeader);
    auto *directsTitle = new QLabel(tr("Direct messages"), this);
    directsTitle->setObjectName(QStringLiteral("directsTitle"));
    auto *roomsTitle = new QLabel(tr("Rooms"), this);
    auto *roomColumn = new QWidget(m_splitter);
    auto *roomLayout = new QVBoxLayout(roomColumn);
    roomLayout->setContentsMargins(0, 6, 0, 0);
    roomLayout->addWidget(roomsTitle);
    roomLayout->addWidget(m_rooms, 3);
    roomLayout->addWidget(directsTitle);
    roomLayout->addWidget(m_directs, 1);

    FormParts::scaleFont(m_title, 1.2, true);
    m_title->setObjectName(QStringLiteral("roomTitle"));
    m_code->setObjectName(QStringLiteral("roomCode"));
    // The name and the code give way when the window is narrow, cut short with "…" (never a code cut
    // silently, that reads as another code), rather than set its least width: the buttons beside them are
    // what must stay whole. The code is copied with its button or Ctrl+Shift+C.
    m_code->setAccessibleName(tr("Access code"));
    m_counter->setObjectName(QStringLiteral("counter"));
    m_counter->setAccessibleName(tr("Characters left"));
    m_counter->hide();
    m_empty->setObjectName(QStringLiteral("emptyHint"));
    m_membersTitle->setObjectName(QStringLiteral("membersTitle"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setText(tr("Create a room with Ctrl+N, or join one with its access code with Ctrl+J."));

    auto *settings = new QToolButton(this);
    settings->setObjectName(QStringLiteral("roomSettingsButton"));
    settings->setText(tr("Settings…"));
    settings->setToolTip(tr("Room settings: name, access code, leave"));
    connect(settings, &QToolButton::clicked, this, [this] {
        if (m_room && !m_session.rooms()->isDirect(m_room))
            showRoomSettings(m_room);
    });
    settings->hide(); // until a room is open
    connect(this, &ChatPage::roomOpened, settings, [this, settings](qint64 room) {
        settings->setVisible(room && !m_session.rooms()->isDirect(room));
    });
    auto *copy = new QToolButton(this);
    copy->setObjectName(QStringLiteral("copyRoomCode"));
    copy->setText(tr("Copy code"));
    copy->setToolTip(tr("Copy the access code, to invite someone (Ctrl+Shift+C)"));
    copy->setAccessibleName(tr("Copy access code"));
    connect(copy, &QToolButton::clicked, this, &ChatPage::copyCode);
    copy->hide();
    connect(this, &ChatPage::roomOpened, copy,
            [this, copy](qint64 room) { copy->setVisible(room && !m_session.rooms()->isDirect(room)); });
    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_code);
    header->addWidget(copy);
    header->addStretch();
    header->addWidget(settings);
    setTabOrder(copy, settings); // in the order they are shown

    m_bar->setObjectName(QStringLiteral("replyBar"));
    m_barText->setObjectName(QStringLiteral("replyBarText"));
    auto *cancel = new QToolButton(m_bar);
    cancel->setObjectName(QStringLiteral("cancelReply"));
    cancel->setText(QStringLiteral("✕"));
    cancel->setAccessibleName(tr("Cancel"));
    cancel->setToolTip(tr("Cancel (Escape)"));
    connect(cancel, &QToolButton::clicked, this, &ChatPage::cancelBar);
    auto *barLayout = new QHBoxLayout(m_bar);
    barLayout->setContentsMargins(4, 2, 4, 2);
    barLayout->addWidget(m_barText, 1);
    barLayout->addWidget(cancel);
    m_bar->hide();
    m_typing->setObjectName(QStringLiteral("typingLine"));
    m_typing->setAccessibleName(tr("Who is typing"));
    QFont typingFont = m_typing->font();
    typingFont.setItalic(true);
    m_typing->setFont(typingFont);
    // Who is typing, and the counter near the limit: one line above the composer, which keeps its width.
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_typing, 1);
    statusRow->addWidget(m_counter);
    auto *chatColumn = new QWidget(m_splitter);
    auto *chatLayout = new QVBoxLayout(chatColumn);
    chatLayout->setContentsMargins(6, 6, 6, 6);
    chatLayout->addWidget(new OfflineBanner(session, chatColumn));
    chatLayout->addLayout(header);
    auto *stack = new QStackedLayout;
    auto *chatHolder = new QWidget(chatColumn);
    auto *holderLayout = new QVBoxLayout(chatHolder);
    holderLayout->setContentsMargins(0, 0, 0, 0);
    m_roomEmpty->setObjectName(QStringLiteral("roomEmptyHint"));
    m_roomEmpty->setWordWrap(true);
    m_roomEmpty->setAlignment(Qt::AlignCenter);
    m_roomEmpty->hide();
    holderLayout->addWidget(m_roomEmpty);
    holderLayout->addWidget(m_chat, 1);
    holderLayout->addLayout(statusRow);
    holderLayout->addWidget(m_bar);
    holderLayout->addWidget(m_composer);
    stack->addWidget(m_empty);
    stack->addWidget(chatHolder);
    chatLayout->addLayout(stack, 1);
    connect(this, &ChatPage::roomOpened, this, [stack, chatHolder, this](qint64 room) {
        stack->setCurrentWidget(room ? chatHolder : static_cast<QWidget *>(m_empty));
    });

    auto *memberColumn = new QWidget(m_splitter);
    auto *memberLayout = new QVBoxLayout(memberColumn);
    memberLayout->setContentsMargins(6, 6, 6, 6);
    memberLayout->addWidget(m_membersTitle);
    memberLayout->addWidget(m_members, 1);
    m_members->setObjectName(QStringLiteral("members"));
    m_members->setAccessibleName(tr("Members"));
    m_members->setItemDelegate(new MemberDelegate(m_members));
    m_members->setSelectionMode(QAbstractItemView::NoSelection);
    m_members->setFocusPolicy(Qt::TabFocus);
    m_members->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // names are cut short, not scrolled
    m_members->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_members, &QWidget::customContextMenuRequested, this, &ChatPage::showMemberMenu);
    connect(m_members, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        messageMember(index.data(MemberModel::UserIdRole).toLongLong());
    });

    m_search->hide();
    connect(m_search, &SearchPanel::closeRequested, this, [this] {
        m_search->hide();
        m_composer->setFocus();
    });
    connect(m_search, &SearchPanel::openRequested, this, &ChatPage::openMessage);
    connect(&m_session, &ChatSession::aroundLoaded, this, [this](qint64 room, qint64 messageId) {
        if (room != m_room || messageId != m_jumpTo)
            return;
        m_jumpTo = 0;
        if (std::exchange(m_jumpToReadPosition, false))
            m_chat->showReadPosition();
        else
            m_chat->showMessage(messageId);
    });

    m_splitter->addWidget(roomColumn);
    m_splitter->addWidget(chatColumn);
    m_splitter->addWidget(memberColumn);
    m_splitter->addWidget(m_search);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({180, 560, 160});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    setTabOrder(m_rooms, m_directs);
    setTabOrder(m_directs, m_composer);
    setTabOrder(m_composer, m_chat);
    setTabOrder(m_chat, m_members);

    connect(m_composer, &Composer::submitted, this, &ChatPage::submit);
    connect(m_composer, &QPlainTextEdit::textChanged, this, &ChatPage::updateCounter);
    connect(m_composer, &QPlainTextEdit::textChanged, this, [this] {
        if (m_room && !m_editing && !m_restoringDraft)
            m_session.setTyping(m_room, !m_composer->toPlainText().trimmed().isEmpty());
    });
    connect(m_composer, &Composer::editLastRequested, this, [this] {
        if (m_room)
            startEdit(m_session.messages(m_room)->lastOwnMessageId());
    });
    connect(m_composer, &Composer::cancelRequested, this, &ChatPage::cancelBar);
    connect(m_chat, &ChatView::replyRequested, this, &ChatPage::startReply);
    connect(m_chat, &ChatView::editRequested, this, &ChatPage::startEdit);
    connect(m_chat, &ChatView::deleteRequested, this, &ChatPage::confirmDelete);
    connect(m_chat, &ChatView::messageLinkActivated, this, &ChatPage::openMessage);
    m_chat->setUserNames([this](qint64 userId) {
        if (userId == m_session.user().id)
            return m_session.user().username;
        MemberModel *members = m_room ? m_session.members(m_room) : nullptr;
        for (int row = 0; members && row < members->rowCount(); ++row) {
            const QModelIndex member = members->index(row);
            if (member.data(MemberModel::UserIdRole).toLongLong() == userId)
                return member.data(MemberModel::UsernameRole).toString();
        }
        return QString();
    });
    connect(m_chat, &ChatView::reactionToggled, this, [this](qint64 id, const QString &emoji, bool on) {
        if (m_room)
            m_session.react(m_room, id, emoji, on);
    });
    connect(&m_session, &ChatSession::typingChanged, this, [this](qint64 room) {
        if (room == m_room)
            updateTyping();
    });
    connect(m_chat, &ChatView::olderWanted, this, [this] {
        if (m_room)
            m_session.loadOlder(m_room);
    });
    connect(m_chat, &ChatView::newerWanted, this, [this] {
        if (m_room)
            m_session.loadNewer(m_room);
    });
    connect(m_chat, &ChatView::latestWanted, this, [this] {
        if (m_room)
            m_session.loadLatest(m_room);
    });
    connect(m_chat, &ChatView::discardRequested, this, [this](const QString &clientId) {
        if (m_room)
            m_session.discard(m_room, clientId);
    });
    connect(m_chat, &ChatView::retryRequested, this, [this](const QString &clientId) {
        if (m_room)
            m_session.retry(m_room, clientId);
    });
    openRoom(0);
}

bool ChatPage::eventFilter(QObject *watched, QEvent *event)
{
    auto *list = qobject_cast<QListView *>(watched);
    if (!list || (list != m_rooms && list != m_directs))
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::FocusIn && !list->currentIndex().isValid() &&
        list->model()->rowCount() > 0) {
        // Qt makes the first row current when a list without one gets the focus (Tab), which would open
        // that room and mark it read: put the cursor there quietly instead. Arrows and Enter open rooms.
        const QScopedValueRollback quiet(m_quietCurrent, true);
        list->selectionModel()->setCurrentIndex(list->model()->index(0, 0), QItemSelectionModel::NoUpdate);
    } else if (event->type() == QEvent::KeyPress) {
        // Typing in the room list is meant for the composer (as in Slack or Telegram), not a search of the
        // list that jumps to another room and drops the letters.
        auto *key = static_cast<QKeyEvent *>(event);
        const QString text = key->text();
        const bool plain = !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
        if (m_room && plain && !text.isEmpty() && text.at(0).isPrint() && !text.at(0).isSpace()) {
            m_composer->setFocus();
            QCoreApplication::sendEvent(m_composer, event);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ChatPage::selectInLists(qint64 roomId)
{
    const int row = m_session.rooms()->rowOf(roomId);
    const QModelIndex source = row >= 0 ? m_session.rooms()->index(row) : QModelIndex();
    for (auto [list, filter] : {std::pair{m_rooms, m_roomFilter}, std::pair{m_directs, m_directFilter}}) {
        const QModelIndex index = filter->mapFromSource(source);
        if (index.isValid()) {
            if (list->currentIndex() != index)
                list->setCurrentIndex(index);
        } else {
            list->selectionModel()->clearCurrentIndex();
            list->clearSelection();
        }
    }
}

void ChatPage::copyCode()
{
    if (!m_room || m_session.rooms()->isDirect(m_room))
        return;
    const QString code = m_session.rooms()->codeOf(m_room);
    QGuiApplication::clipboard()->setText(code);
    emit notice(tr("Access code %1 copied: whoever has it can join %2.")
                    .arg(code, m_session.rooms()->nameOf(m_room)));
}

QString ChatPage::shortName(const QString &name) const
{
    // Cut short with "…": a name of 64 characters would otherwise widen the window past 800 pixels.
    const QFontMetrics metrics = m_title->fontMetrics();
    return metrics.elidedText(name, Qt::ElideRight, metrics.averageCharWidth() * 28);
}

void ChatPage::updateEmptyHint()
{
    // A room with nothing said in it yet (lines about who joined do not count): invite by sharing the code.
    bool empty = m_room && !m_session.rooms()->isDirect(m_room);
    if (empty) {
        const MessageModel *messages = m_session.messages(m_room);
        empty = !messages->hasOlder();
        for (int row = 0; empty && row < messages->rowCount(); ++row)
            empty = messages->index(row).data(MessageModel::NoticeRole).value<MessageModel::Notice>() !=
                    MessageModel::Notice::None;
    }
    if (empty) {
        FormParts::setStatus(
            m_roomEmpty,
            tr("This is the beginning of %1. Invite people by giving them its access "
               "code, %2: Copy code puts it on the clipboard.")
                .arg(shortName(m_session.rooms()->nameOf(m_room)), m_session.rooms()->codeOf(m_room)));
    }
    m_roomEmpty->setVisible(empty);
}

void ChatPage::openRoom(qint64 roomId)
{
    if (roomId && m_session.rooms()->rowOf(roomId) < 0)
        roomId = 0;
    if (roomId == m_room && (roomId == 0 || m_chat->model()))
        return;
    if (m_room)
        m_session.setTyping(m_room, false);
    m_jumpTo = 0;
    m_jumpToReadPosition = false;
    m_replyTo = 0;
    if (std::exchange(m_editing, 0))
        m_composer->clear();
    updateBar();
    // Each room keeps its own unsent text: a half-written message does not follow the user elsewhere.
    if (m_room)
        m_drafts.insert(m_room, m_composer->toPlainText());
    m_room = roomId;
    restoreDraft();
    // Where the user had read to before this visit: the view opens there, under a "New" line.
    const qint64 readBefore = roomId ? m_session.rooms()->readOf(roomId) : 0;
    const bool hadUnread =
        roomId &&
        m_session.rooms()->index(m_session.rooms()->rowOf(roomId)).data(RoomListModel::UnreadRole).toInt() >
            0;
    m_session.setActiveRoom(roomId);
    // A room opens at its newest messages, also when it was left further back (openMessage then moves on).
    if (roomId && m_session.messages(roomId)->hasNewer())
        m_session.loadLatest(roomId);
    m_chat->setModel(roomId ? m_session.messages(roomId) : nullptr, hadUnread ? readBefore : 0);
    if (roomId) {
        MessageModel *messages = m_session.messages(roomId);
        for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(messages, signal, this, &ChatPage::updateEmptyHint, Qt::UniqueConnection);
        connect(messages, &QAbstractItemModel::modelReset, this, &ChatPage::updateEmptyHint,
                Qt::UniqueConnection);
    }
    updateEmptyHint();
    if (roomId && hadUnread && readBefore > 0 && !m_chat->showReadPosition()) {
        // More is unread than the newest page holds: open at the "New" line all the same.
        m_jumpTo = readBefore;
        m_jumpToReadPosition = true;
        m_session.loadAround(roomId, readBefore);
    }
    m_members->setModel(roomId ? m_session.members(roomId) : nullptr);
    updateTyping();
    if (roomId) {
        selectInLists(roomId);
        MemberModel *members = m_session.members(roomId);
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(members, signal, this, &ChatPage::updateHeader, Qt::UniqueConnection);
        connect(members, &QAbstractItemModel::dataChanged, this, &ChatPage::updateHeader,
                Qt::UniqueConnection);
        connect(members, &QAbstractItemModel::modelReset, this, &ChatPage::updateHeader,
                Qt::UniqueConnection);
        // Walking the room list with the arrow keys keeps the focus there; Enter goes to the composer.
        if (!m_rooms->hasFocus() && !m_directs->hasFocus())
            m_composer->setFocus();
    }
    updateHeader();
    emit roomOpened(roomId);
}

void ChatPage::updateHeader()
{
    if (!m_room) {
        m_title->setText(tr("No room open"));
        FormParts::setStatus(m_code, {});
        FormParts::setStatus(m_membersTitle, {});
        return;
    }
    const QString name = m_session.rooms()->nameOf(m_room);
    m_title->setText(shortName(name));
    m_title->setToolTip(name);
    const QString code = m_session.rooms()->codeOf(m_room);
    FormParts::setStatus(m_code, m_session.rooms()->isDirect(m_room) ? tr("Direct message")
                                                                     : tr("Access code: %1").arg(code));
    MemberModel *members = m_session.members(m_room);
    QStringList names;
    for (int row = 0; row < members->rowCount(); ++row) {
        const QString name = members->index(row).data(MemberModel::UsernameRole).toString();
        if (name != m_session.user().username)
            names.append(name);
    }
    m_composer->setCompletionNames(names);
    FormParts::setStatus(
        m_membersTitle,
        members->presenceKnown()
            ? tr("Members: %1 online of %2").arg(members->onlineCount()).arg(members->rowCount())
            : tr("Members: %1").arg(members->rowCount()));
}

void ChatPage::stepRoom(int delta)
{
    const int count = m_session.rooms()->rowCount();
    if (count == 0)
        return;
    const int row = m_session.rooms()->rowOf(m_room);
    const int next = row < 0 ? 0 : (row + delta + count) % count;
    openRoom(m_session.rooms()->idAt(next));
}

QHash<qint64, QString> ChatPage::drafts() const
{
    QHash<qint64, QString> drafts = m_drafts;
    if (m_room && !m_editing)
        drafts.insert(m_room, m_composer->toPlainText());
    drafts.removeIf([](const auto &draft) { return draft.value().trimmed().isEmpty(); });
    return drafts;
}

void ChatPage::setDrafts(const QHash<qint64, QString> &drafts)
{
    m_drafts = drafts;
    if (m_room && !m_editing && m_composer->toPlainText().isEmpty())
        restoreDraft();
}

void ChatPage::restoreDraft()
{
    m_restoringDraft = true;
    m_composer->setPlainText(m_drafts.take(m_room));
    m_composer->moveCursor(QTextCursor::End);
    m_restoringDraft = false;
}

void ChatPage::updateCounter()
{
    const int length = m_composer->length();
    m_counter->setVisible(length >= kCounterFrom);
    // Over the limit, Enter does nothing: the counter says why.
    FormParts::setStatus(m_counter,
                         m_composer->isOverLimit()
                             ? tr("%1 / %2: too long to send").arg(length).arg(Limits::messageMaxLength)
                             : QStringLiteral("%1 / %2").arg(length).arg(Limits::messageMaxLength));
    QPalette colours = palette();
    if (m_composer->isOverLimit())
        colours.setColor(QPalette::WindowText, Colours::of(Colours::Role::Error, colours));
    m_counter->setPalette(colours);
    m_counter->setToolTip(m_composer->isOverLimit() ? tr("Too long to send: shorten the message.")
                                                    : QString());
}

void ChatPage::showRoomMenu(QListView *list, const QPoint &pos)
{
    const QModelIndex index = list->indexAt(pos);
    if (!index.isValid())
        return;
    const qint64 roomId = index.data(RoomListModel::IdRole).toLongLong();
    QMenu menu(this);
    if (!index.data(RoomListModel::DirectRole).toBool())
        menu.addAction(tr("Room &settings…"), this, [this, roomId] { showRoomSettings(roomId); });
    QAction *mute = menu.addAction(tr("&Mute notifications"), this,
                                   [this, roomId](bool on) { m_session.rooms()->setMuted(roomId, on); });
    mute->setCheckable(true);
    mute->setChecked(index.data(RoomListModel::MutedRole).toBool());
    mute->setToolTip(tr("Messages that name you with @ still notify."));
    menu.addAction(index.data(RoomListModel::DirectRole).toBool() ? tr("&Close conversation")
                                                                  : tr("&Leave room…"),
                   this, [this, roomId] { confirmLeave(roomId); });
    menu.exec(list->viewport()->mapToGlobal(pos));
}

void ChatPage::showMemberMenu(const QPoint &pos)
{
    const QModelIndex index = m_members->indexAt(pos);
    const qint64 userId = index.data(MemberModel::UserIdRole).toLongLong();
    if (!index.isValid() || userId == m_session.user().id)
        return;
    QMenu menu(this);
    menu.addAction(tr("&Message %1").arg(index.data(MemberModel::UsernameRole).toString()), this,
                   [this, userId] { messageMember(userId); })
        ->setObjectName(QStringLiteral("messageMember"));
    menu.exec(m_members->viewport()->mapToGlobal(pos));
}

void ChatPage::messageMember(qint64 userId)
{
    if (userId == 0 || userId == m_session.user().id)
        return;
    m_session.openDirect(
        userId, [this](const std::optional<Room> &room, const std::optional<ProtocolError> &error) {
            if (room)
                return openRoom(room->id);
            emit notice(tr("The conversation could not be opened: %1")
                            .arg(ErrorText::describe(error.value_or(ProtocolError{}), !error)));
        });
}

void ChatPage::showSearch(bool thisRoom)
{
    m_search->start(m_room, thisRoom && m_room);
    QList<int> sizes = m_splitter->sizes();
    const int wanted = std::max(m_search->sizeHint().width(), 260);
    if (sizes.size() == 4 && sizes[3] < wanted) {
        // Taken from the conversation, which is the widest.
        sizes[1] = std::max(200, sizes[1] - (wanted - sizes[3]));
        sizes[3] = wanted;
        m_splitter->setSizes(sizes);
    }
}

void ChatPage::openMessage(qint64 roomId, qint64 messageId)
{
    openRoom(roomId);
    if (m_room != roomId)
        return;
    // What the view holds now counts only when no other window of history is on its way to replace it.
    if (!m_session.isLoadingWindow(roomId) && m_chat->showMessage(messageId))
        return;
    // However far back: the history around it replaces what the view holds, until "Jump to latest".
    m_jumpTo = messageId;
    m_jumpToReadPosition = false;
    m_session.loadAround(roomId, messageId);
}

void ChatPage::showRoomSettings(qint64 roomId)
{
    auto *dialog = new RoomSettingsDialog(m_session, roomId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RoomSettingsDialog::leaveRequested, this, &ChatPage::confirmLeave);
    dialog->open();
}

void ChatPage::confirmLeave(qint64 roomId)
{
    if (roomId == 0 || m_session.rooms()->rowOf(roomId) < 0)
        return;
    const bool direct = m_session.rooms()->isDirect(roomId);
    const QString name = m_session.rooms()->nameOf(roomId);
    auto *question = new QMessageBox(
        QMessageBox::Question, direct ? tr("Close conversation") : tr("Leave room"),
        direct ? tr("Close the conversation with %1? Either of you can open it again from a member list.")
                     .arg(name)
               : tr("Leave %1? To come back you need its access code.").arg(name),
        QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("leaveQuestion"));
    QPushButton *leave =
        question->addButton(direct ? tr("&Close") : tr("&Leave"), QMessageBox::DestructiveRole);
    question->setDefaultButton(QMessageBox::Cancel);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this, question, leave, roomId] {
        if (question->clickedButton() == leave)
            emit leaveRequested(roomId);
    });
    question->open();
}

void ChatPage::startReply(qint64 messageId)
{
    if (!m_room || !m_session.messages(m_room)->stored(messageId))
        return;
    if (std::exchange(m_editing, 0))
        m_composer->clear();
    m_replyTo = messageId;
    updateBar();
    m_composer->setFocus();
}

void ChatPage::startEdit(qint64 messageId)
{
    const auto message = m_room ? m_session.messages(m_room)->stored(messageId) : std::nullopt;
    if (!message || message->deleted || message->author.id != m_session.user().id)
        return;
    m_replyTo = 0;
    m_editing = messageId;
    m_composer->setPlainText(message->text);
    m_composer->moveCursor(QTextCursor::End);
    updateBar();
    m_composer->setFocus();
}

void ChatPage::cancelBar()
{
    if (std::exchange(m_editing, 0))
        m_composer->clear();
    m_replyTo = 0;
    updateBar();
}

void ChatPage::updateBar()
{
    QString text;
    if (m_editing) {
        text = tr("Editing your message. Enter saves, Escape cancels.");
    } else if (m_replyTo) {
        const auto message = m_session.messages(m_room)->stored(m_replyTo);
        const QString excerpt = message ? message->text.simplified() : QString();
        text = tr("Replying to %1: %2").arg(message ? message->author.username : QString(), excerpt);
    }
    m_barText->setText(
        m_barText->fontMetrics().elidedText(text, Qt::ElideRight, std::max(200, m_chat->width() - 60)));
    m_barText->setToolTip(text);
    m_bar->setVisible(!text.isEmpty());
}

void ChatPage::submit(const QString &text)
{
    if (!m_room || Validation::codePointCount(text) > Limits::messageMaxLength)
        return;
    if (m_editing) {
        const qint64 id = std::exchange(m_editing, 0);
        const auto message = m_session.messages(m_room)->stored(id);
        if (message && message->text != text)
            m_session.editMessage(m_room, id, text);
    } else {
        const bool furtherBack = m_session.messages(m_room)->hasNewer();
        if (furtherBack)
            m_session.loadLatest(m_room); // a message sent goes to the end, and the view with it
        m_session.send(m_room, text, std::exchange(m_replyTo, 0));
        if (!furtherBack)
            m_chat->scrollToBottom();
    }
    updateBar();
}

void ChatPage::confirmDelete(qint64 messageId)
{
    if (!m_room)
        return;
    const qint64 room = m_room;
    auto *question = new QMessageBox(QMessageBox::Question, tr("Delete message"),
                                     tr("Delete this message for everyone? This cannot be undone."),
                                     QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("deleteQuestion"));
    QPushButton *remove = question->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    question->setDefaultButton(QMessageBox::Cancel);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this, question, remove, room, messageId] {
        if (question->clickedButton() == remove)
            m_session.deleteMessage(room, messageId);
    });
    question->open();
}

void ChatPage::updateTyping()
{
    const QStringList names = m_room ? m_session.typingIn(m_room) : QStringList();
    QString text;
    if (names.size() == 1)
        text = tr("%1 is typing…").arg(names.first());
    else if (names.size() == 2)
        text = tr("%1 and %2 are typing…").arg(names.at(0), names.at(1));
    else if (names.size() > 2)
        text = tr("Several people are typing…");
    FormParts::setStatus(m_typing, text);
}

QByteArray ChatPage::splitterState() const
{
    return m_splitter->saveState();
}

void ChatPage::restoreSplitterState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_splitter->restoreState(state);
}

} // namespace Natter::Client
