// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchpanel.h"

#include "chatsession.h"
#include "errortext.h"
#include "protocollimits.h"
#include "roomlistmodel.h"
#include "searchresultdelegate.h"
#include "searchresultmodel.h"

#include <QCheckBox>
#include <QFontMetrics>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QShortcut>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Natter::Client {

namespace {
constexpr int kDebounceMs = 300;
}

SearchPanel::SearchPanel(ChatSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_query(new QLineEdit(this))
    , m_thisRoom(new QCheckBox(tr("In this room only"), this))
    , m_list(new QListView(this))
    , m_status(new QLabel(this))
    , m_results(new SearchResultModel(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("searchPanel"));
    // Escape closes the panel wherever the focus is in it (the result list would keep the key otherwise).
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &SearchPanel::closeRequested);
    m_query->setObjectName(QStringLiteral("searchQuery"));
    m_query->setPlaceholderText(tr("Search messages"));
    m_query->setAccessibleName(tr("Search messages"));
    m_query->setClearButtonEnabled(true);
    m_query->setMaxLength(Limits::searchQueryMaxLength);
    m_thisRoom->setObjectName(QStringLiteral("searchThisRoom"));
    m_list->setObjectName(QStringLiteral("searchResults"));
    m_list->setAccessibleName(tr("Search results"));
    m_list->setModel(m_results);
    m_results->setRoomNames([this](qint64 room) { return m_session.rooms()->nameOf(room); });
    m_list->setItemDelegate(new SearchResultDelegate(m_list));
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setWordWrap(true);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAccessibleName(tr("Close search"));
    close->setToolTip(tr("Close search (Escape)"));
    connect(close, &QToolButton::clicked, this, &SearchPanel::closeRequested);

    auto *top = new QHBoxLayout;
    top->addWidget(m_query, 1);
    top->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_thisRoom);
    layout->addWidget(m_status);
    layout->addWidget(m_list, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &SearchPanel::search);
    connect(m_query, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_query, &QLineEdit::returnPressed, this, [this] {
        m_debounce->stop();
        search();
    });
    connect(m_thisRoom, &QCheckBox::toggled, this, &SearchPanel::search);
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value >= m_list->verticalScrollBar()->maximum() - 4)
            fetchMore();
    });
    const auto open = [this](const QModelIndex &index) {
        if (index.isValid())
            emit openRequested(index.data(SearchResultModel::RoomIdRole).toLongLong(),
                               index.data(SearchResultModel::MessageIdRole).toLongLong());
    };
    connect(m_list, &QAbstractItemView::activated, this, open);
    connect(m_list, &QAbstractItemView::clicked, this, open);
}

void SearchPanel::start(qint64 roomId, bool thisRoomOnly)
{
    m_room = roomId;
    m_thisRoom->setEnabled(roomId != 0);
    // The name cut short: a long one would widen the panel, and the window with it.
    const QString name = m_session.rooms()->nameOf(roomId);
    const QFontMetrics metrics(m_thisRoom->font());
    m_thisRoom->setText(
        roomId
            ? tr("In %1 only").arg(metrics.elidedText(name, Qt::ElideRight, metrics.averageCharWidth() * 14))
            : tr("In this room only"));
    m_thisRoom->setToolTip(roomId ? tr("In %1 only").arg(name) : QString());
    const QSignalBlocker blocker(m_thisRoom);
    m_thisRoom->setChecked(thisRoomOnly && roomId != 0);
    show();
    m_query->setFocus();
    m_query->selectAll();
    if (!m_query->text().trimmed().isEmpty())
        search();
}

void SearchPanel::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Down) && m_query->hasFocus() && m_results->rowCount() > 0) {
        m_list->setFocus();
        m_list->setCurrentIndex(m_results->index(0));
        return;
    }
    QWidget::keyPressEvent(event);
}

void SearchPanel::search()
{
    ++m_generation;
    m_fetching = false;
    m_results->clear();
    if (m_query->text().trimmed().isEmpty()) {
        m_status->clear();
        return;
    }
    m_status->setText(tr("Searching…"));
    request(std::nullopt);
}

void SearchPanel::fetchMore()
{
    if (m_results->hasMore() && !m_fetching)
        request(m_results->oldestId());
}

void SearchPanel::request(std::optional<qint64> before)
{
    m_fetching = true;
    const quint64 generation = m_generation;
    const std::optional<qint64> room =
        m_thisRoom->isChecked() && m_room ? std::optional(m_room) : std::nullopt;
    m_session.search(m_query->text(), room, before, [this, generation](const Answer<SearchReply> &answer) {
        if (generation != m_generation)
            return;
        m_fetching = false;
        if (!answer.ok()) {
            m_status->setText(ErrorText::describe(answer.error.value_or(ProtocolError{}), answer.offline));
            return;
        }
        m_results->append(answer.result->results, answer.result->more);
        m_status->setText(m_results->rowCount() == 0 ? tr("No messages match.") : QString());
    });
}

} // namespace Natter::Client
