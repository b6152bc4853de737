// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListView;
class QTimer;

namespace Natter::Client {

class ChatSession;
class SearchResultModel;

/// Full-text search over the user's rooms, or the open one: results newest first with the matching words
/// in bold, more as the list is scrolled to its end. Choosing a result asks to open its conversation at
/// that message.
class SearchPanel : public QWidget {
    Q_OBJECT
public:
    explicit SearchPanel(ChatSession &session, QWidget *parent = nullptr);

    /// Shows the panel and focuses the query; `roomId` is the open room (0: none), which the search is
    /// limited to when `thisRoomOnly`.
    void start(qint64 roomId, bool thisRoomOnly);
    SearchResultModel *results() const { return m_results; }

signals:
    void openRequested(qint64 roomId, qint64 messageId);
    void closeRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void search();
    void fetchMore();
    void request(std::optional<qint64> before);

    ChatSession &m_session;
    qint64 m_room = 0;
    QLineEdit *m_query;
    QCheckBox *m_thisRoom;
    QListView *m_list;
    QLabel *m_status;
    SearchResultModel *m_results;
    QTimer *m_debounce;
    quint64 m_generation = 0; // a newer search makes older answers stale
    bool m_fetching = false;
};

} // namespace Natter::Client
