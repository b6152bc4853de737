// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "accountsmenu.h"
#include "chatpage.h"
#include "chatsession.h"
#include "clientsettings.h"
#include "connection.h"
#include "errortext.h"
#include "formparts.h"
#include "protocollimits.h"
#include "roomlistmodel.h"
#include "roomsmenu.h"
#include "signinpage.h"
#include "signuppage.h"
#include "tokenstore.h"
#include "traynotifier.h"

#include "aboutdialog.h"
#include "certificatetrust.h"
#include "changepassworddialog.h"
#include "composer.h"
#include "preferences.h"
#include "preferencesdialog.h"
#include "shortcutsdialog.h"
#include "trustedcertificatesdialog.h"
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QLabel>
#include <QScreen>

#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <algorithm>

namespace Natter::Client {

MainWindow::MainWindow(Connection &connection, ChatSession &session, ClientSettings &settings,
                       TokenStore &tokens, Preferences &preferences, QWidget *parent)
    : QMainWindow(parent)
    , m_connection(connection)
    , m_session(session)
    , m_settings(settings)
    , m_tokens(tokens)
    , m_preferences(preferences)
    , m_pages(new QStackedWidget(this))
    , m_signIn(new SignInPage(m_pages))
    , m_signUp(new SignUpPage(m_pages))
    , m_chat(new ChatPage(session, m_pages))
    , m_tray(new TrayNotifier(session, this, this))
    , m_trust(new CertificateTrust(connection, settings, this))
    , m_connectionLabel(new QLabel(this))
    , m_userLabel(new QLabel(this))
{
    setWindowTitle(tr("Natter"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/natter.svg")));
    setObjectName(QStringLiteral("mainWindow"));
    m_pages->addWidget(m_signIn);
    m_pages->addWidget(m_signUp);
    m_pages->addWidget(m_chat);
    setCentralWidget(m_pages);
    setUpStatusBar();
    m_tray->setEnabled(m_settings.notificationsEnabled());
    connect(&m_preferences, &Preferences::notificationsChanged, m_tray, &TrayNotifier::setEnabled);
    connect(m_tray, &TrayNotifier::quitRequested, this, &MainWindow::quit);
    buildMenus();
    connectForms();
    connectConnection();
    connectSession();
    connectChatPage();

    resize(960, 640);
    restoreGeometry(m_settings.windowGeometry());
    fitOnScreen();
    m_chat->restoreSplitterState(m_settings.splitterState());
    showPageFor();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::setUpStatusBar()
{
    m_connectionLabel->setObjectName(QStringLiteral("connectionStatus"));
    m_connectionLabel->setAccessibleName(tr("Connection"));
    m_userLabel->setObjectName(QStringLiteral("userStatus"));
    m_userLabel->setAccessibleName(tr("Signed in as"));
    statusBar()->addWidget(m_connectionLabel, 1);
    statusBar()->addPermanentWidget(m_userLabel);
}

void MainWindow::connectForms()
{
    connect(m_trust, &CertificateTrust::refused, this, [this](const QString &explanation) {
        // Signed in, the chat page stays: the status bar says why nothing gets through any more.
        m_refusal = explanation;
        refuse(explanation);
    });

    connect(m_signIn, &SignInPage::retryWanted, &m_connection, &Connection::retryNow);
    connect(m_signIn, &SignInPage::signUpWanted, this, [this] {
        m_showSignUp = true;
        m_signUp->setServer(m_signIn->server());
        showPageFor();
        m_signUp->prepare();
    });
    connect(m_signUp, &SignUpPage::signInWanted, this, [this] {
        m_showSignUp = false;
        showPageFor();
        m_signIn->prepare();
    });
    connect(m_signIn, &SignInPage::signInRequested, this,
            [this](const QUrl &server, const QString &username, const QString &password, bool keep) {
                m_keepSignedIn = keep;
                m_lookingForKept = false; // the user's own sign-in wins over a kept token that comes late
                m_signIn->setBusy(true);
                m_settings.setLastUsername(username);
                whenOnline(server, [this, username, password] { m_session.signIn(username, password); });
            });
    connect(m_signUp, &SignUpPage::signUpRequested, this,
            [this](const QUrl &server, const QString &username, const QString &password, bool keep) {
                m_keepSignedIn = keep;
                m_lookingForKept = false;
                m_signUp->setBusy(true);
                m_settings.setLastUsername(username);
                whenOnline(server, [this, username, password] { m_session.signUp(username, password); });
            });
}

void MainWindow::connectConnection()
{
    connect(&m_connection, &Connection::online, this, [this] {
        if (auto action = std::exchange(m_onOnline, {}))
            action();
    });
    connect(&m_connection, &Connection::stateChanged, this, [this](Connection::State state) {
        if (state != Connection::State::Offline)
            m_refusal.clear();
        if (state == Connection::State::WaitingToReconnect && m_onOnline) {
            m_onOnline = {};
            onSignInFailed(ProtocolError{}, true);
        } else if (state == Connection::State::WaitingToReconnect &&
                   m_session.state() == ChatSession::State::SigningIn) {
            // A kept session waits for the server: say so, and let the user change the address meanwhile.
            onSignInFailed(ProtocolError{}, true);
        } else if (state == Connection::State::WaitingToReconnect &&
                   m_session.state() == ChatSession::State::SignedOut && !m_lookingForKept) {
            // Nobody is signed in and nothing waits for the server (natterd closes connections that do not
            // sign in within 30 s): stay offline until the user signs in, rather than "Connection lost.
            // Reconnecting…" again and again under the sign-in form.
            m_connection.close();
        }
        updateStatus();
    });
    connect(&m_connection, &Connection::protocolMismatch, this, [this](int serverVersion) {
        // Nothing can be done until one side is updated: say which, rather than "Offline".
        m_refusal = tr("The server at %1 speaks version %2 of Natter's protocol and this app version %3: "
                       "update the one that is older.")
                        .arg(m_connection.url().toString())
                        .arg(serverVersion)
                        .arg(Limits::protocolVersion);
        refuse(m_refusal);
    });
    connect(&m_connection, &Connection::countdown, this, &MainWindow::updateStatus);
}

void MainWindow::connectSession()
{
    connect(m_session.rooms(), &RoomListModel::totalUnreadChanged, this, &MainWindow::updateTitle);
    // A rename; an unread count changing is heard once, through totalUnreadChanged.
    connect(m_session.rooms(), &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (roles.isEmpty() || roles.contains(RoomListModel::NameRole))
                    updateTitle();
            });
    connect(&m_session, &ChatSession::stateChanged, this, [this] {
        showPageFor();
        updateStatus();
        updateTitle();
    });
    connect(&m_session, &ChatSession::signInFailed, this, &MainWindow::onSignInFailed);
    connect(&m_session, &ChatSession::sendFailed, this,
            [this](qint64 roomId, const QString &, const ProtocolError &error) {
                // The open room shows it on the message; a message to another room must not fail unseen.
                if (roomId == m_chat->currentRoom())
                    return;
                statusBar()->showMessage(tr("A message to %1 was not sent: %2")
                                             .arg(m_session.rooms()->nameOf(roomId),
                                                  ErrorText::describe(error, false, m_connection.url())),
                                         15'000);
            });
    connect(&m_session, &ChatSession::signedOutByServer, this, [this] {
        m_signIn->showError(tr("You were signed out: your password was changed, or every session of your "
                               "account was ended, on another device. Sign in again."));
    });
    connect(&m_session, &ChatSession::tokenChanged, this, [this](const QString &token) {
        const QUrl server = m_connection.url();
        if (token.isEmpty()) {
            m_tokens.forget(server);
            return;
        }
        m_settings.setServerUrl(server);
        if (m_keepSignedIn)
            m_tokens.write(server, token);
        else
            m_tokens.forget(server);
    });
    connect(&m_session, &ChatSession::synced, this, [this] {
        if (!m_restoredRoom) {
            m_restoredRoom = true;
            m_chat->setDrafts(m_settings.drafts(m_settings.serverUrl()));
            m_chat->openRoom(m_settings.lastRoom());
            if (!m_chat->currentRoom())
                m_chat->stepRoom(0);
        }
    });
    // Muted rooms are this device's choice, kept per server in the settings.
    connect(m_session.rooms(), &QAbstractItemModel::modelReset, this, [this] {
        for (const qint64 room : m_settings.mutedRooms(m_settings.serverUrl()))
            m_session.rooms()->setMuted(room, true);
    });
    connect(m_session.rooms(), &RoomListModel::mutedChanged, this,
            [this] { m_settings.setMutedRooms(m_settings.serverUrl(), m_session.rooms()->mutedIds()); });
}

void MainWindow::buildMenus()
{
    QMenu *natter = menuBar()->addMenu(tr("&Natter"));
    QAction *notifications = natter->addAction(tr("Desktop &notifications"));
    notifications->setObjectName(QStringLiteral("notifications"));
    notifications->setCheckable(true);
    notifications->setChecked(m_settings.notificationsEnabled());
    connect(notifications, &QAction::toggled, &m_preferences, &Preferences::setNotificationsEnabled);
    connect(&m_preferences, &Preferences::notificationsChanged, notifications, &QAction::setChecked);
    QAction *certificates = natter->addAction(tr("Trusted &certificates…"), this, [this] {
        TrustedCertificatesDialog dialog(m_settings, this);
        FormParts::runModal(dialog, this);
        // A refused server whose pin is gone is tried again: Natter asks about its new certificate.
        if (dialog.removedAny() && m_connection.state() == Connection::State::Offline &&
            !m_connection.url().isEmpty()) {
            m_signIn->showError({});
            m_signUp->showError({});
            m_connection.open(m_connection.url());
        }
    });
    certificates->setObjectName(QStringLiteral("trustedCertificates"));
    QAction *preferences = natter->addAction(tr("P&references…"), this, [this] {
        auto *dialog = new PreferencesDialog(m_preferences, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    preferences->setObjectName(QStringLiteral("preferences"));
    preferences->setShortcuts(PreferencesDialog::shortcuts());
    preferences->setMenuRole(QAction::PreferencesRole);
    natter->addSeparator();
    m_changePassword = natter->addAction(tr("Change &password…"), this, [this] {
        if (m_session.state() != ChatSession::State::SignedIn)
            return;
        ChangePasswordDialog dialog(m_session, this);
        if (FormParts::runModal(dialog, this) == QDialog::Accepted)
            statusBar()->showMessage(tr("Password changed. Your other devices were signed out."), 10'000);
    });
    m_changePassword->setObjectName(QStringLiteral("changePassword"));
    m_signOut = natter->addAction(tr("Sign &out"), this, [this] { m_session.signOut(); });
    m_signOut->setObjectName(QStringLiteral("signOut"));
    m_signOutEverywhere =
        natter->addAction(tr("Sign out &everywhere…"), this, &MainWindow::confirmSignOutEverywhere);
    m_signOutEverywhere->setObjectName(QStringLiteral("signOutEverywhere"));
    natter->addSeparator();
    auto *accounts = new AccountsMenu(m_settings, this);
    connect(accounts, &AccountsMenu::switchRequested, this, &MainWindow::switchProfile);
    natter->addMenu(accounts);
    natter->addSeparator();
    natter->addAction(tr("&Quit"), QKeySequence::Quit, this, &MainWindow::quit)
        ->setObjectName(QStringLiteral("quit"));

    menuBar()->addMenu(new RoomsMenu(m_session, m_chat, this));
    buildHelpMenu();
}

void MainWindow::buildHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence(Qt::CTRL | Qt::Key_Slash), this,
                    [this] {
                        auto *dialog = new ShortcutsDialog(menuBar(), this);
                        dialog->setAttribute(Qt::WA_DeleteOnClose);
                        dialog->open();
                    })
        ->setObjectName(QStringLiteral("keyboardShortcuts"));
    QAction *about = help->addAction(tr("&About Natter"), this, [this] {
        const bool online = m_connection.state() == Connection::State::Online;
        auto *dialog = new AboutDialog(online ? m_connection.url() : QUrl(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    about->setObjectName(QStringLiteral("about"));
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::connectChatPage()
{
    connect(m_chat, &ChatPage::notice, this,
            [this](const QString &text) { statusBar()->showMessage(text, 15'000); });
    connect(m_chat, &ChatPage::leaveRequested, this, [this](qint64 roomId) { m_session.leaveRoom(roomId); });
    connect(m_chat, &ChatPage::roomOpened, this, [this](qint64 roomId) {
        if (roomId)
            m_settings.setLastRoom(roomId);
        if (m_restoredRoom)
            m_settings.setDrafts(m_settings.serverUrl(), m_chat->drafts());
        updateTitle();
    });
}

void MainWindow::updateTitle()
{
    // "(3) Lounge": the window list and the task bar say where the user is and how much waits unread; the
    // platform adds " — Natter".
    const qint64 room = m_session.state() == ChatSession::State::SignedIn ? m_chat->currentRoom() : 0;
    const QString name = room ? m_session.rooms()->nameOf(room) : QString();
    const int unread =
        m_session.state() == ChatSession::State::SignedIn ? m_session.rooms()->totalUnread() : 0;
    QString title = name.isEmpty() ? tr("Natter") : name;
    if (unread > 0)
        title = tr("(%1) %2").arg(unread).arg(title);
    setWindowTitle(title);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() != QEvent::LanguageChange)
        return;
    updateTitle();
    m_connectionLabel->setAccessibleName(tr("Connection"));
    m_userLabel->setAccessibleName(tr("Signed in as"));
    // The sign-in and sign-up pages translate themselves, keeping what was typed.
    rebuildChatPage(); // first: the Rooms menu acts on the page
    for (QAction *title : menuBar()->actions())
        delete title->menu();
    menuBar()->clear();
    buildMenus();
    updateStatus();
}

void MainWindow::rebuildChatPage()
{
    // What a restart keeps (the open room, drafts, the splitter), and the reply or edit under way. Lost: the
    // scroll position (the room opens at its newest messages) and an open search.
    ChatPage *old = m_chat;
    const qint64 room = old->currentRoom();
    const QHash<qint64, QString> drafts = old->drafts();
    const qint64 replyTo = old->replyingTo();
    const qint64 editing = old->editing();
    const QString edited = editing ? old->composer()->toPlainText() : QString();
    const QByteArray splitter = old->splitterState();
    const bool current = m_pages->currentWidget() == old;
    m_chat = new ChatPage(m_session, m_pages);
    m_pages->insertWidget(m_pages->indexOf(old), m_chat);
    if (current)
        m_pages->setCurrentWidget(m_chat);
    delete old;
    m_chat->restoreSplitterState(splitter);
    connectChatPage();
    if (!m_restoredRoom)
        return; // not synced yet: the room and drafts come once it is
    m_chat->setDrafts(drafts);
    m_chat->openRoom(room);
    if (editing) {
        m_chat->startEdit(editing);
        m_chat->composer()->setPlainText(edited);
    } else if (replyTo) {
        m_chat->startReply(replyTo);
    }
}

void MainWindow::start()
{
    const QUrl server = m_settings.serverUrl();
    m_signIn->setServer(server);
    m_signIn->setUsername(m_settings.lastUsername());
    // The keychain answers later, maybe only once the user has unlocked it: connect meanwhile, and keep the
    // page busy ("Signing in…") rather than offer a form that a kept session would then overrule.
    m_lookingForKept = true;
    m_signIn->setBusy(true);
    m_connection.open(server);
    m_signIn->prepare();
    m_tokens.read(server, this, [this](const QString &token) { resumeKept(token); });
}

void MainWindow::resumeKept(const QString &token)
{
    if (!std::exchange(m_lookingForKept, false))
        return; // the user signed in or up meanwhile
    if (token.isEmpty()) {
        m_signIn->setBusy(false); // and "keep me signed in" as the user may have set it meanwhile
        return;
    }
    m_keepSignedIn = true;
    m_signIn->setKeepSignedIn(true);
    m_session.resume(token);
    if (m_connection.state() == Connection::State::WaitingToReconnect)
        onSignInFailed(ProtocolError{}, true); // already known to be down: say so now, not after the next try
}

void MainWindow::whenOnline(const QUrl &server, std::function<void()> action)
{
    if (m_connection.url() == server && m_connection.state() == Connection::State::Online) {
        action();
        return;
    }
    m_onOnline = std::move(action);
    if (m_connection.url() != server || m_connection.state() == Connection::State::Offline)
        m_connection.open(server);
    else if (m_connection.state() == Connection::State::WaitingToReconnect)
        m_connection.retryNow(); // the user asked: no need to sit out the backoff
    // Connecting: the attempt under way will do.
}

void MainWindow::onSignInFailed(const ProtocolError &error, bool offline)
{
    m_signIn->setBusy(false);
    m_signUp->setBusy(false);
    if (offline && waitingWithKeptSession())
        return updateStatus(); // not an error: the sign-in page says what is happening
    showFormError(ErrorText::describe(error, offline, m_connection.url()));
}

void MainWindow::showFormError(const QString &text)
{
    if (m_showSignUp)
        m_signUp->showError(text);
    else
        m_signIn->showError(text);
}

void MainWindow::refuse(const QString &explanation)
{
    m_onOnline = {};
    m_signIn->setBusy(false);
    m_signUp->setBusy(false);
    showFormError(explanation);
    updateStatus();
}

void MainWindow::showPageFor()
{
    if (m_session.state() == ChatSession::State::SignedIn) {
        m_signIn->setBusy(false);
        m_signUp->setBusy(false);
        m_signIn->showError({});
        m_signIn->clearPassword();
        m_signUp->clearPasswords();
        m_showSignUp = false; // after signing out, the account exists: sign in
        m_pages->setCurrentWidget(m_chat);
        return;
    }
    if (m_session.state() == ChatSession::State::SignedOut)
        m_restoredRoom = false;
    m_pages->setCurrentWidget(m_showSignUp ? static_cast<QWidget *>(m_signUp) : m_signIn);
}

QString MainWindow::connectionStatus() const
{
    const QString server = m_connection.url().toString();
    switch (m_connection.state()) {
    case Connection::State::Online:
        return tr("Connected to %1").arg(server);
    case Connection::State::Connecting:
        return tr("Connecting to %1…").arg(server);
    case Connection::State::WaitingToReconnect: {
        const int seconds = m_connection.reconnectInSeconds();
        // Nothing was lost if this server was never reached (the first start, with the server down).
        if (m_reached != m_connection.url())
            return tr("Cannot reach %1. Trying again in %n s…", nullptr, seconds).arg(server);
        return tr("Connection lost. Reconnecting in %n s…", nullptr, seconds);
    }
    case Connection::State::Offline:
        break;
    }
    if (!m_refusal.isEmpty())
        return m_refusal;
    // Signed out, the connection waits for a sign-in (natterd drops one that idles): "Offline" read as
    // "the server is down".
    if (m_session.state() == ChatSession::State::SignedOut && !server.isEmpty())
        return tr("Natter connects to %1 when you sign in.").arg(server);
    return tr("Offline");
}

bool MainWindow::waitingWithKeptSession() const
{
    return m_session.state() == ChatSession::State::SigningIn && m_keepSignedIn && !m_onOnline &&
           m_connection.state() != Connection::State::Online;
}

void MainWindow::updateStatus()
{
    if (m_connection.state() == Connection::State::Online)
        m_reached = m_connection.url();
    FormParts::setStatus(m_connectionLabel, connectionStatus());
    const QString server = m_connection.url().toString();
    if (waitingWithKeptSession() && m_connection.state() == Connection::State::WaitingToReconnect) {
        const int seconds = m_connection.reconnectInSeconds();
        m_signIn->showWaiting(tr("Cannot reach %1. You are still signed in as %2: Natter opens your rooms as "
                                 "soon as the server answers. Trying again in %n s…",
                                 nullptr, seconds)
                                  .arg(server, m_settings.lastUsername()));
    } else if (waitingWithKeptSession() && m_connection.state() == Connection::State::Connecting &&
               m_signIn->isWaiting()) {
        // The notice (and its Try now button, maybe with the keyboard focus) stays through the attempt.
        m_signIn->showWaiting(tr("Cannot reach %1. You are still signed in as %2: Natter opens your rooms as "
                                 "soon as the server answers. Trying again now…")
                                  .arg(server, m_settings.lastUsername()));
    } else {
        m_signIn->showWaiting({});
    }
    const bool signedIn = m_session.state() == ChatSession::State::SignedIn;
    FormParts::setStatus(m_userLabel, signedIn ? tr("Signed in as %1").arg(m_session.user().username)
                                      : waitingWithKeptSession()
                                          ? tr("Signing in as %1…").arg(m_settings.lastUsername())
                                          : tr("Not signed in"));
    // What only the server can do waits for a connection to it.
    const bool online = m_connection.state() == Connection::State::Online;
    m_changePassword->setEnabled(signedIn && online);
    m_signOutEverywhere->setEnabled(signedIn && online);
    m_signOut->setEnabled(signedIn);
}

void MainWindow::confirmSignOutEverywhere()
{
    auto *question = new QMessageBox(QMessageBox::Question, tr("Sign out everywhere"),
                                     tr("Sign out of this account on every device, this one included? Every "
                                        "device will need the password to sign in again."),
                                     QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("signOutEverywhereQuestion"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *confirm = question->addButton(tr("Sign out &everywhere"), QMessageBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirm"));
    question->setDefaultButton(QMessageBox::Cancel);
    connect(confirm, &QPushButton::clicked, this, [this] {
        m_session.signOutEverywhere([this](const Answer<EmptyReply> &reply) {
            if (reply.ok())
                return;
            statusBar()->showMessage(tr("Not signed out everywhere: %1")
                                         .arg(ErrorText::describe(reply.error.value_or(ProtocolError{}),
                                                                  reply.offline, m_connection.url())),
                                     10'000);
        });
    });
    question->open();
}

void MainWindow::fitOnScreen()
{
    // Saved on a bigger screen, or on one that is gone: Qt brings back a window that is wholly off-screen,
    // not one that is partly.
    const QScreen *screen = QGuiApplication::screenAt(geometry().center());
    const QRect available = (screen ? screen : this->screen())->availableGeometry();
    const QSize decoration = frameGeometry().size() - geometry().size();
    if (available.contains(frameGeometry()))
        return;
    resize(size().boundedTo(available.size() - decoration));
    const QRect frame = frameGeometry();
    move(std::clamp(frame.x(), available.left(), available.right() + 1 - frame.width()),
         std::clamp(frame.y(), available.top(), available.bottom() + 1 - frame.height()));
}

void MainWindow::saveState()
{
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setSplitterState(m_chat->splitterState());
    if (m_restoredRoom)
        m_settings.setDrafts(m_settings.serverUrl(), m_chat->drafts());
    m_settings.sync();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!std::exchange(m_fitted, true))
        fitOnScreen(); // again now that the frame around the window is known
}

void MainWindow::quit()
{
    // QApplication::quit() first closes the windows that are shown (Qt 6): this one must close then, not
    // go to the tray. The flag stays set: the close events may come after quit() returns.
    m_quitting = true;
    saveState(); // hidden in the tray, the window gets no close event
    QApplication::quit();
}

void MainWindow::switchProfile(const QString &profile)
{
    saveState(); // before the other natter starts, in case it is this profile's too
    if (!m_launcher.launch(profile)) {
        statusBar()->showMessage(tr("Natter could not be started with the account %1.").arg(profile), 10'000);
        return;
    }
    quit();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // With a tray, closing the window leaves Natter running there so that messages still notify.
    const bool toTray = !m_quitting && m_tray->inTray();
    const bool tell = toTray && !m_settings.trayNoticeShown();
    if (tell)
        m_settings.setTrayNoticeShown(true);
    saveState();
    if (!toTray) {
        QMainWindow::closeEvent(event);
        return;
    }
    event->ignore();
    hide();
    if (tell)
        m_tray->showNotice(tr("Natter is still running"),
                           tr("Natter keeps running in the system tray, so that you hear of new messages. "
                              "Click its icon to open the window again; to end Natter, choose Quit in the "
                              "Natter menu or in the icon's menu."));
}

} // namespace Natter::Client
