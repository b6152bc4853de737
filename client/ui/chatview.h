// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListView>

class QPushButton;

namespace Natter::Client {

class MessageDelegate;

/// The chat view: a QListView over a MessageModel. Near the top it asks for older messages and keeps what
/// the user reads in place when they arrive; new messages scroll into view only when the user was at the
/// bottom, else a "new messages" button appears. Links open in the browser; a failed message retries on
/// click.
class ChatView : public QListView {
    Q_OBJECT
public:
    explicit ChatView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    bool isAtBottom() const;
    bool newMessagesMarkerShown() const;

signals:
    void olderWanted();
    void retryRequested(const QString &clientId);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void beforeInsert(const QModelIndex &parent, int first, int last);
    void afterInsert(const QModelIndex &parent, int first, int last);
    void placeMarker();
    QString linkAt(const QPoint &pos) const;

    MessageDelegate *m_delegate;
    QPushButton *m_marker;
    bool m_wasAtBottom = true;
    bool m_keepFromBottom = false;
    int m_distanceFromBottom = 0;
};

} // namespace Natter::Client
