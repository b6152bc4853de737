// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatpage.h"

#include "chatsession.h"
#include "chatview.h"
#include "composer.h"
#include "memberdelegate.h"
#include "membermodel.h"
#include "messagemodel.h"
#include "protocollimits.h"
#include "roomdelegate.h"
#include "roomlistmodel.h"
#include "validation.h"

#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QSplitter>
#include <QStackedLayout>
#include <QVBoxLayout>

namespace Natter::Client {

namespace {
constexpr int kCounterFrom = Limits::messageMaxLength - 500;
}

ChatPage::ChatPage(ChatSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_splitter(new QSplitter(this))
    , m_rooms(new QListView(m_splitter))
    , m_title(new QLabel(this))
    , m_code(new QLabel(this))
    , m_chat(new ChatView(this))
    , m_composer(new Composer(this))
    , m_counter(new QLabel(this))
    , m_membersTitle(new QLabel(this))
    , m_members(new QListView(this))
    , m_empty(new QLabel(this))
{
    m_rooms->setObjectName(QStringLiteral("rooms"));
    m_rooms->setAccessibleName(tr("Rooms"));
    m_rooms->setModel(session.rooms());
    m_rooms->setItemDelegate(new RoomDelegate(m_rooms));
    m_rooms->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rooms->setContextMenuPolicy(Qt::CustomContextMenu);
    m_rooms->setMinimumWidth(140);
    connect(m_rooms, &QWidget::customContextMenuRequested, this, &ChatPage::showRoomMenu);
    connect(
        m_rooms->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &current) { openRoom(current.data(RoomListModel::IdRole).toLongLong()); });
    connect(session.rooms(), &QAbstractItemModel::modelReset, this, [this] {
        const int row = m_session.rooms()->rowOf(m_room);
        if (row >= 0)
            m_rooms->setCurrentIndex(m_session.rooms()->index(row));
        else
            openRoom(0);
    });

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("roomTitle"));
    m_code->setObjectName(QStringLiteral("roomCode"));
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_code->setAccessibleName(tr("Access code"));
    m_counter->setObjectName(QStringLiteral("counter"));
    m_counter->setAccessibleName(tr("Characters left"));
    m_counter->hide();
    m_empty->setObjectName(QStringLiteral("emptyHint"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setText(tr("Create a room with Ctrl+N, or join one with its access code with Ctrl+J."));

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_code);
    header->addStretch();
    auto *composerRow = new QHBoxLayout;
    composerRow->addWidget(m_composer);
    composerRow->addWidget(m_counter, 0, Qt::AlignBottom);
    auto *chatColumn = new QWidget(m_splitter);
    auto *chatLayout = new QVBoxLayout(chatColumn);
    chatLayout->setContentsMargins(6, 6, 6, 6);
    chatLayout->addLayout(header);
    auto *stack = new QStackedLayout;
    auto *chatHolder = new QWidget(chatColumn);
    auto *holderLayout = new QVBoxLayout(chatHolder);
    holderLayout->setContentsMargins(0, 0, 0, 0);
    holderLayout->addWidget(m_chat, 1);
    holderLayout->addLayout(composerRow);
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

    m_splitter->addWidget(m_rooms);
    m_splitter->addWidget(chatColumn);
    m_splitter->addWidget(memberColumn);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({180, 560, 160});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    setTabOrder(m_rooms, m_composer);
    setTabOrder(m_composer, m_chat);
    setTabOrder(m_chat, m_members);

    connect(m_composer, &Composer::submitted, this, [this](const QString &text) {
        if (m_room && Validation::codePointCount(text) <= Limits::messageMaxLength) {
            m_session.send(m_room, text);
            m_chat->scrollToBottom();
        }
    });
    connect(m_composer, &QPlainTextEdit::textChanged, this, &ChatPage::updateCounter);
    connect(m_chat, &ChatView::olderWanted, this, [this] {
        if (m_room)
            m_session.loadOlder(m_room);
    });
    connect(m_chat, &ChatView::retryRequested, this, [this](const QString &clientId) {
        if (m_room)
            m_session.retry(m_room, clientId);
    });
    openRoom(0);
}

void ChatPage::openRoom(qint64 roomId)
{
    if (roomId && m_session.rooms()->rowOf(roomId) < 0)
        roomId = 0;
    if (roomId == m_room && (roomId == 0 || m_chat->model()))
        return;
    m_room = roomId;
    m_session.setActiveRoom(roomId);
    m_chat->setModel(roomId ? m_session.messages(roomId) : nullptr);
    m_members->setModel(roomId ? m_session.members(roomId) : nullptr);
    if (roomId) {
        const QModelIndex index = m_session.rooms()->index(m_session.rooms()->rowOf(roomId));
        if (m_rooms->currentIndex() != index)
            m_rooms->setCurrentIndex(index);
        MemberModel *members = m_session.members(roomId);
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(members, signal, this, &ChatPage::updateHeader, Qt::UniqueConnection);
        connect(members, &QAbstractItemModel::dataChanged, this, &ChatPage::updateHeader,
                Qt::UniqueConnection);
        connect(members, &QAbstractItemModel::modelReset, this, &ChatPage::updateHeader,
                Qt::UniqueConnection);
        m_composer->setFocus();
    }
    updateHeader();
    emit roomOpened(roomId);
}

void ChatPage::updateHeader()
{
    if (!m_room) {
        m_title->setText(tr("No room open"));
        m_code->clear();
        m_membersTitle->clear();
        return;
    }
    m_title->setText(m_session.rooms()->nameOf(m_room));
    const QString code =
        m_session.rooms()
            ->data(m_session.rooms()->index(m_session.rooms()->rowOf(m_room)), RoomListModel::CodeRole)
            .toString();
    m_code->setText(tr("Access code: %1").arg(code));
    MemberModel *members = m_session.members(m_room);
    m_membersTitle->setText(
        tr("Members: %1 online of %2").arg(members->onlineCount()).arg(members->rowCount()));
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

void ChatPage::updateCounter()
{
    const int length = m_composer->length();
    m_counter->setVisible(length >= kCounterFrom);
    m_counter->setText(QStringLiteral("%1 / %2").arg(length).arg(Limits::messageMaxLength));
    m_counter->setStyleSheet(m_composer->isOverLimit() ? QStringLiteral("color: #c62828;") : QString());
    m_counter->setToolTip(m_composer->isOverLimit() ? tr("Too long to send: shorten the message.")
                                                    : QString());
}

void ChatPage::showRoomMenu(const QPoint &pos)
{
    const QModelIndex index = m_rooms->indexAt(pos);
    if (!index.isValid())
        return;
    const qint64 roomId = index.data(RoomListModel::IdRole).toLongLong();
    QMenu menu(this);
    menu.addAction(tr("&Leave room"), this, [this, roomId] { emit leaveRequested(roomId); });
    menu.exec(m_rooms->viewport()->mapToGlobal(pos));
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
