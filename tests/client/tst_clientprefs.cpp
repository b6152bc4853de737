// SPDX-License-Identifier: GPL-3.0-or-later
// Preferences, About and the keyboard shortcut help (issue 10, rough edges), on the window main() builds.
#include "aboutdialog.h"
#include "autostartentry.h"
#include "chatpage.h"
#include "chatsession.h"
#include "clientfixture.h"
#include "clientsettings.h"
#include "clientwindow.h"
#include "colours.h"
#include "composer.h"
#include "mainwindow.h"
#include "preferences.h"
#include "preferencesdialog.h"
#include "shortcutsdialog.h"
#include "signinpage.h"
#include "testclient.h"
#include "testserver.h"
#include "traynotifier.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProxyStyle>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace Natter;
using namespace Natter::Client;
using namespace Natter::Test;

namespace {
/// Opens Natter → Preferences as a user would, and returns the dialog.
PreferencesDialog *openPreferences(ClientWindow &client)
{
    client.find<QAction>("preferences")->trigger();
    return client.window.findChild<PreferencesDialog *>();
}

/// Picks an item of a combo box as a user would: the dialog hears activated().
void choose(QComboBox *combo, const QVariant &data)
{
    const int index = combo->findData(data);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
    emit combo->activated(index);
}

QStringList menuTitles(const QMainWindow &window)
{
    QStringList titles;
    for (const QAction *action : window.menuBar()->actions())
        titles.append(action->text());
    return titles;
}
} // namespace

class TestClientPrefs : public QObject, public ClientFixture {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Nothing reaches the real home, whatever a test forgets to point elsewhere.
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));
        QApplication::setDesktopFileName(QStringLiteral("org.natter.Natter"));
        QApplication::setApplicationDisplayName(QStringLiteral("Natter"));
    }

    void init() { QVERIFY(setUp({QStringLiteral("alice")})); }

    void cleanup() { tearDown(); }

    void themeIsSavedAndAppliedAtOnce()
    {
        const QColor systemBase = QApplication::palette().color(QPalette::Base);
        {
            ClientWindow client(m_dir->path(), QStringLiteral("theme"), m_server->url());
            PreferencesDialog *dialog = openPreferences(client);
            QVERIFY(dialog);
            auto *theme = dialog->findChild<QComboBox *>(QStringLiteral("themeOption"));
            choose(theme, int(ClientSettings::Theme::Dark));
            QCOMPARE(client.settings.theme(), ClientSettings::Theme::Dark);
            auto *style = qobject_cast<QProxyStyle *>(QApplication::style());
            QVERIFY(style);
            QCOMPARE(style->baseStyle()->name(), QStringLiteral("fusion"));
            // Widgets hear of a new application palette through a posted event.
            QTRY_VERIFY(client.window.palette().color(QPalette::Base).lightness() < 60);
            const QPalette dark = client.window.palette();
            QVERIFY(dark.color(QPalette::Text).lightness() > 180);
            QVERIFY(dark.color(QPalette::PlaceholderText).lightness() >
                    dark.color(QPalette::Base).lightness());
            QVERIFY(dark.color(QPalette::Disabled, QPalette::Text).lightness() <
                    dark.color(QPalette::Text).lightness());
            QTRY_VERIFY(client.window.chatPage()->composer()->palette().color(QPalette::Base).lightness() <
                        60);

            choose(theme, int(ClientSettings::Theme::Light));
            QCOMPARE(client.settings.theme(), ClientSettings::Theme::Light);
            QTRY_VERIFY(client.window.palette().color(QPalette::Base).lightness() > 200);

            choose(theme, int(ClientSettings::Theme::Dark));
            client.settings.sync();
            // Saved in the profile: the next start applies it before any window is shown.
            ClientSettings again(QStringLiteral("theme"), m_dir->path());
            QCOMPARE(again.theme(), ClientSettings::Theme::Dark);
        }
        // The window's Preferences put the system's colours back when they go.
        QCOMPARE(QApplication::palette().color(QPalette::Base), systemBase);

        ClientSettings settings(QStringLiteral("theme"), m_dir->path());
        {
            Preferences atStart(settings);
            atStart.applyAtStart();
            QVERIFY(QApplication::palette().color(QPalette::Base).lightness() < 60);
        }
        QCOMPARE(QApplication::palette().color(QPalette::Base), systemBase);
    }

    void darkThemeControlsStandOut()
    {
        ClientSettings settings(QStringLiteral("controls"), m_dir->path());
        Preferences preferences(settings);
        QDialogButtonBox before(QDialogButtonBox::Close); // a dialog open while the theme changes
        preferences.setTheme(ClientSettings::Theme::Dark);
        QVERIFY(before.button(QDialogButtonBox::Close)->icon().isNull());

        QWidget window;
        auto *box = new QCheckBox(QStringLiteral("Keep me signed in"), &window);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &window);
        box->move(10, 10);
        buttons->move(10, 40);
        window.resize(300, 100);
        const QImage image = window.grab().toImage();
        const QColor background = window.palette().color(QPalette::Window);
        QVERIFY(Colours::isDark(window.palette()));

        // The box's edge: at least 3:1 against the window somewhere along its top.
        QStyleOptionButton option;
        option.initFrom(box);
        const QRect indicator =
            box->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, box).translated(box->pos());
        double best = 1;
        const qreal ratio = image.devicePixelRatio();
        for (int x = indicator.left() + 2; x < indicator.right() - 1; ++x) {
            for (int y = indicator.top(); y <= indicator.top() + 1; ++y)
                best = std::max(best, Colours::contrast(image.pixelColor(QPoint(x, y) * ratio), background));
        }
        QVERIFY2(best >= 3.0, qPrintable(QStringLiteral("check box edge contrast %1").arg(best)));

        // No black icon on a dark grey button. (Offscreen, Qt gives dialog buttons no icons at all; this
        // failed before under xcb.)
        QVERIFY(buttons->button(QDialogButtonBox::Close)->icon().isNull());
    }

    void fontSizeIsSavedAndAppliedAtOnce()
    {
        const int system = QApplication::font().pointSize();
        const int wanted = system == 16 ? 17 : 16;
        {
            ClientWindow client(m_dir->path(), QStringLiteral("font"), m_server->url());
            PreferencesDialog *dialog = openPreferences(client);
            QVERIFY(dialog);
            auto *size = dialog->findChild<QSpinBox *>(QStringLiteral("fontSizeOption"));
            QCOMPARE(size->value(), system); // the system's, until chosen
            size->setValue(wanted);
            QCOMPARE(QApplication::font().pointSize(), wanted);
            QTRY_COMPARE(client.window.font().pointSize(), wanted);
            QCOMPARE(client.settings.fontPointSize(), wanted);
            // Headings have their own, larger size: it grows with the rest.
            auto *room = client.find<QLabel>("roomTitle");
            QCOMPARE(room->font().pointSizeF(), wanted * 1.2);
            QVERIFY(room->font().bold());
            auto *page =
                client.window.findChild<SignInPage *>()->findChild<QLabel *>(QStringLiteral("pageTitle"));
            QVERIFY(page);
            QCOMPARE(page->font().pointSizeF(), wanted * 1.4);
            size->setValue(system);
            QCOMPARE(QApplication::font().pointSize(), system);
            QCOMPARE(client.settings.fontPointSize(), 0); // "the system's", not a number that goes stale
            size->setValue(wanted);
        }
        QCOMPARE(QApplication::font().pointSize(), system);
        ClientSettings settings(QStringLiteral("font"), m_dir->path());
        Preferences atStart(settings);
        atStart.applyAtStart();
        QCOMPARE(QApplication::font().pointSize(), wanted);
    }

    void startAtLoginWritesAndRemovesTheAutostartEntry()
    {
        if (!AutostartEntry::isSupported())
            QSKIP("XDG autostart is for freedesktop systems");
        const QString path = m_dir->path() + QStringLiteral("/autostart/org.natter.Natter.desktop");
        ClientWindow client(m_dir->path(), QStringLiteral("work"), m_server->url());
        QCOMPARE(client.preferences.autostart().filePath(), path);
        PreferencesDialog *dialog = openPreferences(client);
        QVERIFY(dialog);
        auto *start = dialog->findChild<QCheckBox *>(QStringLiteral("startAtLoginOption"));
        QVERIFY(!start->isChecked());
        QVERIFY(!QFile::exists(path));
        start->click();
        QVERIFY(QFile::exists(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString entry = QString::fromUtf8(file.readAll());
        file.close();
        QVERIFY2(entry.startsWith(QLatin1String("[Desktop Entry]\n")), qPrintable(entry));
        QVERIFY(entry.contains(QLatin1String("\nType=Application\n")));
        QVERIFY2(
            entry.contains(
                QStringLiteral("\nExec=%1 --profile work\n").arg(QCoreApplication::applicationFilePath())),
            qPrintable(entry));
        QVERIFY(client.preferences.startsAtLogin());

        start->click();
        QVERIFY(!QFile::exists(path));
        QVERIFY(!client.preferences.startsAtLogin());

        // A profile name with a space is quoted; another profile's entry is not this one's to remove.
        AutostartEntry other(QStringLiteral("my home"), m_dir->path() + QStringLiteral("/autostart"));
        QVERIFY(other.setEnabled(true));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(file.readAll()).contains(QLatin1String(" --profile \"my home\"\n")));
        file.close();
        QVERIFY(other.isEnabled());
        QVERIFY(!client.preferences.startsAtLogin());
        QVERIFY(client.preferences.setStartAtLogin(false));
        QVERIFY(QFile::exists(path));
    }

    void languageChangesAtOnceAndTheSessionStays()
    {
        ClientWindow client(m_dir->path(), QStringLiteral("lang"), m_server->url());
        QVERIFY(client.signIn(QStringLiteral("alice")));
        std::optional<Room> room;
        client.session.createRoom(QStringLiteral("Alpha"), [&](const auto &r, const auto &) { room = r; });
        QTRY_VERIFY(room);
        client.window.chatPage()->openRoom(room->id);
        client.window.chatPage()->composer()->setPlainText(QStringLiteral("half written"));
        QCOMPARE(menuTitles(client.window), QStringList({"&Natter", "&Rooms", "&Help"}));

        PreferencesDialog *dialog = openPreferences(client);
        QVERIFY(dialog);
        choose(dialog->findChild<QComboBox *>(QStringLiteral("languageOption")), QStringLiteral("de"));
        QCOMPARE(client.settings.language(), QStringLiteral("de"));
        QTRY_COMPARE(menuTitles(client.window), QStringList({"&Natter", "&Räume", "&Hilfe"}));
        ChatPage *page = client.window.chatPage();
        QCOMPARE(page->findChild<QLabel *>(QStringLiteral("directsTitle"))->text(),
                 QStringLiteral("Direktnachrichten"));
        QVERIFY2(page->composer()->placeholderText().startsWith(QLatin1String("Schreiben Sie")),
                 qPrintable(page->composer()->placeholderText()));
        QCOMPARE(page->findChild<QToolButton *>(QStringLiteral("copyRoomCode"))->text(),
                 QStringLiteral("Code kopieren"));
        // Still signed in, in the same room, with the same unsent text.
        QCOMPARE(client.session.state(), ChatSession::State::SignedIn);
        QCOMPARE(page->currentRoom(), room->id);
        QCOMPARE(page->composer()->toPlainText(), QStringLiteral("half written"));
        QVERIFY(page->isVisible());
        // The dialog follows too, and the sign-in page behind the chat.
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Einstellungen"));
        QCOMPARE(
            client.window.signInPage()->findChild<QPushButton *>(QStringLiteral("signIn"))->accessibleName(),
            QStringLiteral("Anmelden"));
        // The rebuilt menus work: their actions reach the new chat page.
        const QList<QAction *> actions = client.window.menuBar()->actions().at(1)->menu()->actions();
        const auto search = std::find_if(actions.cbegin(), actions.cend(), [](const QAction *action) {
            return action->objectName() == QLatin1String("searchRoom");
        });
        QVERIFY(search != actions.cend());
        (*search)->trigger();
        QTRY_VERIFY(page->findChild<QWidget *>(QStringLiteral("searchPanel")) &&
                    page->findChild<QWidget *>(QStringLiteral("searchPanel"))->isVisible());

        choose(dialog->findChild<QComboBox *>(QStringLiteral("languageOption")), QStringLiteral("fr"));
        QTRY_COMPARE(menuTitles(client.window).at(2), QStringLiteral("&Aide"));
        QCOMPARE(client.session.state(), ChatSession::State::SignedIn);
        QCOMPARE(client.window.chatPage()->currentRoom(), room->id);
        QCOMPARE(client.window.chatPage()->composer()->toPlainText(), QStringLiteral("half written"));
        choose(dialog->findChild<QComboBox *>(QStringLiteral("languageOption")), QStringLiteral("en"));
        QTRY_COMPARE(menuTitles(client.window).at(2), QStringLiteral("&Help"));
    }

    void signInPageFollowsTheLanguage()
    {
        ClientWindow client(m_dir->path(), QStringLiteral("signin"), m_server->url());
        QVERIFY(client.waitForForm());
        auto *username = client.window.signInPage()->findChild<QLineEdit *>(QStringLiteral("username"));
        username->setText(QStringLiteral("alice"));
        client.preferences.setLanguage(QStringLiteral("de"));
        auto *button = client.window.signInPage()->findChild<QPushButton *>(QStringLiteral("signIn"));
        QTRY_COMPARE(button->text(), QStringLiteral("&Anmelden"));
        QCOMPARE(button->accessibleName(), QStringLiteral("Anmelden"));
        QVERIFY(client.window.signInPage()
                    ->findChild<QLabel *>(QStringLiteral("signUpLink"))
                    ->text()
                    .contains(QLatin1String("Konto")));
        QCOMPARE(username->text(), QStringLiteral("alice")); // what was typed stays
        client.preferences.setLanguage(QString());
    }

    void langOptionWinsOverTheSavedLanguage()
    {
        ClientSettings settings(QStringLiteral("override"), m_dir->path());
        settings.setLanguage(QStringLiteral("de"));
        const auto signIn = [] {
            return QCoreApplication::translate("Natter::Client::SignInPage", "Sign in");
        };
        {
            Preferences preferences(settings);
            preferences.applyAtStart(QStringLiteral("fr"));
            QCOMPARE(signIn(), QStringLiteral("Se connecter"));
        }
        QCOMPARE(signIn(), QStringLiteral("Sign in")); // taken out again with the preferences
        {
            Preferences preferences(settings);
            preferences.applyAtStart();
            QCOMPARE(signIn(), QStringLiteral("Anmelden"));
        }
    }

    void notificationsMenuAndPreferencesAgree()
    {
        ClientWindow client(m_dir->path(), QStringLiteral("notify"), m_server->url());
        auto *menuItem = client.find<QAction>("notifications");
        QVERIFY(menuItem->isChecked());
        PreferencesDialog *dialog = openPreferences(client);
        QVERIFY(dialog);
        auto *option = dialog->findChild<QCheckBox *>(QStringLiteral("notificationsOption"));
        QVERIFY(option->isChecked());
        option->click();
        QVERIFY(!menuItem->isChecked());
        QVERIFY(!client.window.tray()->isEnabled());
        QVERIFY(!client.settings.notificationsEnabled());
        menuItem->trigger();
        QVERIFY(option->isChecked());
        QVERIFY(client.window.tray()->isEnabled());
        QVERIFY(client.settings.notificationsEnabled());
    }

    void shortcutHelpListsEveryMenuShortcut()
    {
        ClientWindow client(m_dir->path(), QStringLiteral("keys"), m_server->url());
        client.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&client.window));
        QTest::keyClick(&client.window, Qt::Key_Slash, Qt::ControlModifier);
        auto *dialog = client.window.findChild<ShortcutsDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QMultiHash<QString, QString> listed;
        auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("shortcutList"));
        for (int group = 0; group < list->topLevelItemCount(); ++group) {
            for (int row = 0; row < list->topLevelItem(group)->childCount(); ++row) {
                const QTreeWidgetItem *item = list->topLevelItem(group)->child(row);
                listed.insert(item->text(0), item->text(1));
            }
        }
        QCOMPARE(listed.value(QStringLiteral("Go to room…")), QStringLiteral("Ctrl+K"));
        QCOMPARE(listed.value(QStringLiteral("Keyboard shortcuts")), QStringLiteral("Ctrl+/"));
        QCOMPARE(listed.value(QStringLiteral("Start a new line")), QStringLiteral("Shift+Enter"));
        QVERIFY(listed.contains(QStringLiteral("Preferences…")));
        int withShortcut = 0;
        for (const QAction *title : client.window.menuBar()->actions()) {
            for (const QAction *action : title->menu()->actions()) {
                if (action->shortcut().isEmpty())
                    continue;
                ++withShortcut;
                const QString text = ShortcutsDialog::plainText(action->text());
                QVERIFY2(listed.values(text).contains(action->shortcut().toString(QKeySequence::NativeText)),
                         qPrintable(text));
            }
        }
        QVERIFY(withShortcut >= 9); // Quit has a shortcut only where the platform gives it one
        QCOMPARE(ShortcutsDialog::plainText(QStringLiteral("Sign out &everywhere && more")),
                 QStringLiteral("Sign out everywhere & more"));
    }

    void aboutSaysVersionQtAndServer()
    {
        ClientWindow client(m_dir->path(), QStringLiteral("about"), m_server->url());
        QVERIFY(client.signIn(QStringLiteral("alice")));
        client.find<QAction>("about")->trigger();
        auto *dialog = client.window.findChild<AboutDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        const QString text = dialog->findChild<QLabel *>(QStringLiteral("aboutText"))->text();
        QVERIFY2(text.contains(QStringLiteral("Natter %1").arg(QStringLiteral(NATTER_VERSION))),
                 qPrintable(text));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(QLatin1String("GPL-3.0-or-later")));
        QVERIFY2(text.contains(m_server->url().toDisplayString()), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("href=")));
    }
};

QTEST_MAIN(TestClientPrefs)
#include "tst_clientprefs.moc"
