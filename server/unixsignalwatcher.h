// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace Natter::Server {

/// Turns SIGTERM and SIGINT (shut down) and SIGHUP (reload the TLS certificate) into Qt signals on the
/// event loop (self-pipe), so that they run as normal code instead of inside a signal handler.
class UnixSignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

signals:
    void terminationRequested(int signalNumber);
    void reloadRequested();

private:
    static void handle(int signalNumber);
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Natter::Server
