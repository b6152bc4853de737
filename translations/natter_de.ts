<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Connection</name>
    <message>
        <source>Not connected to the server.</source>
        <translation>Keine Verbindung zum Server.</translation>
    </message>
    <message>
        <source>The server sent an answer this version cannot read.</source>
        <translation>Der Server hat eine Antwort gesendet, die diese Version nicht lesen kann.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Cannot reach the server. Check the address and your connection.</source>
        <translation>Der Server ist nicht erreichbar. Prüfen Sie die Adresse und Ihre Verbindung.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Check the address and your connection.</source>
        <translation>Der Server %1 ist nicht erreichbar. Prüfen Sie die Adresse und Ihre Verbindung.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Benutzername oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>That username is taken. Try another one.</source>
        <translation>Dieser Benutzername ist vergeben. Versuchen Sie einen anderen.</translation>
    </message>
    <message>
        <source>A username is 3 to 32 letters, digits, dots, dashes or underscores.</source>
        <translation>Ein Benutzername besteht aus 3 bis 32 Buchstaben, Ziffern, Punkten, Bindestrichen oder Unterstrichen.</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters.</source>
        <translation>Ein Passwort braucht mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Ihre Sitzung ist beendet. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele Versuche. Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele Versuche. Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>No room has that access code.</source>
        <translation>Kein Raum hat diesen Zugangscode.</translation>
    </message>
    <message>
        <source>You are not a member of that room.</source>
        <translation>Sie sind kein Mitglied dieses Raums.</translation>
    </message>
    <message>
        <source>That message is too long.</source>
        <translation>Diese Nachricht ist zu lang.</translation>
    </message>
    <message>
        <source>This server&apos;s limit is reached: you are in as many rooms as it allows, or that room is full.</source>
        <translation>Das Limit dieses Servers ist erreicht: Sie sind in so vielen Räumen, wie er erlaubt, oder der Raum ist voll.</translation>
    </message>
    <message>
        <source>Something went wrong on the server. Please try again.</source>
        <translation>Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Only the author of a message, or the owner of a room, may do that.</source>
        <translation>Das darf nur, wer die Nachricht geschrieben hat oder wem der Raum gehört.</translation>
    </message>
    <message>
        <source>That message is no longer there.</source>
        <translation>Diese Nachricht gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>You can only write to someone who shares a room with you.</source>
        <translation>Sie können nur jemandem schreiben, mit dem Sie einen Raum teilen.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::AboutDialog</name>
    <message>
        <source>About Natter</source>
        <translation>Über Natter</translation>
    </message>
    <message>
        <source>Not connected to a server.</source>
        <translation>Mit keinem Server verbunden.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Verbunden mit %1.</translation>
    </message>
    <message>
        <source>Natter %1</source>
        <translation>Natter %1</translation>
    </message>
    <message>
        <source>Real-time chat on your own server.</source>
        <translation>Echtzeit-Chat auf Ihrem eigenen Server.</translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License, version 3 or later (GPL-3.0-or-later).</source>
        <translation>Freie Software unter der GNU General Public License, Version 3 oder später (GPL-3.0-or-later).</translation>
    </message>
    <message>
        <source>Built with Qt, running on Qt %1.</source>
        <translation>Erstellt mit Qt, läuft mit Qt %1.</translation>
    </message>
    <message>
        <source>Documentation: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Dokumentation: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>Natter::Client::AccountsMenu</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>An account in the Accounts menu that nobody signed in with yet: profile name (server).</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2 on %3)</source>
        <extracomment>An account in the Accounts menu: profile name (user on server).</extracomment>
        <translation>%1 (%2 auf %3)</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Konten</translation>
    </message>
    <message>
        <source>A&amp;dd account…</source>
        <translation>Konto &amp;hinzufügen…</translation>
    </message>
</context>
<context>
    <name>Natter::Client::AddAccountDialog</name>
    <message>
        <source>Name error</source>
        <translation>Fehler im Namen</translation>
    </message>
    <message>
        <source>&amp;Add and switch</source>
        <translation>&amp;Hinzufügen und wechseln</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Each account keeps its own settings and its own session. Natter starts again with the new one, where you sign in.</source>
        <translation>Jedes Konto hat eigene Einstellungen und eine eigene Sitzung. Natter startet neu mit dem neuen Konto, bei dem Sie sich dann anmelden.</translation>
    </message>
    <message>
        <source>&amp;Name of the new account (letters, digits, - and _):</source>
        <translation>&amp;Name des neuen Kontos (Buchstaben, Ziffern, - und _):</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
    <message>
        <source>e.g. work</source>
        <translation>z. B. arbeit</translation>
    </message>
    <message>
        <source>An account with this name exists already: choose it in the Accounts menu.</source>
        <translation>Ein Konto mit diesem Namen gibt es bereits: Wählen Sie es im Menü Konten.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::CertificateTrust</name>
    <message>
        <source>Trust this server?</source>
        <translation>Diesem Server vertrauen?</translation>
    </message>
    <message>
        <source>The server %1 presents a certificate that your system does not vouch for (it is probably self-signed). Its SHA-256 fingerprint is:</source>
        <translation>Der Server %1 legt ein Zertifikat vor, für das Ihr System nicht bürgt (es ist wahrscheinlich selbst signiert). Sein SHA-256-Fingerabdruck lautet:</translation>
    </message>
    <message>
        <source>Compare it with the fingerprint the server&apos;s operator gave you. If they are the same, trust it: Natter remembers it for this server and warns you if it ever changes.</source>
        <translation>Vergleichen Sie ihn mit dem Fingerabdruck, den Ihnen der Betreiber des Servers gegeben hat. Stimmen sie überein, vertrauen Sie ihm: Natter merkt ihn sich für diesen Server und warnt Sie, falls er sich je ändert.</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>Vertrauen und verbinden</translation>
    </message>
    <message>
        <source>Trust this certificate and connect</source>
        <translation>Diesem Zertifikat vertrauen und verbinden</translation>
    </message>
    <message>
        <source>Not connected: you did not trust the certificate of %1.</source>
        <translation>Nicht verbunden: Sie haben dem Zertifikat von %1 nicht vertraut.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed</source>
        <translation>Das Zertifikat des Servers hat sich geändert</translation>
    </message>
    <message>
        <source>The server %1 presented a different certificate from the one you trusted before, so Natter did not connect. Someone may be intercepting the connection, or the operator may have replaced the certificate.</source>
        <translation>Der Server %1 hat ein anderes Zertifikat vorgelegt als das, dem Sie vertraut haben, daher hat Natter keine Verbindung hergestellt. Vielleicht fängt jemand die Verbindung ab, oder der Betreiber hat das Zertifikat ersetzt.</translation>
    </message>
    <message>
        <source>Trusted before:</source>
        <translation>Bisher vertraut:</translation>
    </message>
    <message>
        <source>Presented now:</source>
        <translation>Jetzt vorgelegt:</translation>
    </message>
    <message>
        <source>Ask the operator which fingerprint is right. If the new one is, remove the old one in Natter → Trusted certificates and connect again.</source>
        <translation>Fragen Sie den Betreiber, welcher Fingerabdruck stimmt. Ist es der neue, entfernen Sie den alten unter Natter → Vertrauenswürdige Zertifikate und verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <source>Not connected: the certificate of %1 has changed.</source>
        <translation>Nicht verbunden: Das Zertifikat von %1 hat sich geändert.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::ChangePasswordDialog</name>
    <message>
        <source>Current password</source>
        <translation>Aktuelles Passwort</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Neues Passwort wiederholen</translation>
    </message>
    <message>
        <source>Password error</source>
        <translation>Passwortfehler</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>Passwort ä&amp;ndern</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Your other devices will be signed out; this one stays signed in.</source>
        <translation>Ihre anderen Geräte werden abgemeldet; dieses bleibt angemeldet.</translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation>&amp;Aktuelles Passwort:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <source>New password &amp;again:</source>
        <translation>Neues Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>Die beiden neuen Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters.</source>
        <translation>Ein Passwort braucht mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>That is not your current password.</source>
        <translation>Das ist nicht Ihr aktuelles Passwort.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::ChatPage</name>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <source>Access code</source>
        <translation>Zugangscode</translation>
    </message>
    <message>
        <source>Characters left</source>
        <translation>Verbleibende Zeichen</translation>
    </message>
    <message>
        <source>Create a room with Ctrl+N, or join one with its access code with Ctrl+J.</source>
        <translation>Erstellen Sie einen Raum mit Strg+N oder treten Sie mit Strg+J und seinem Zugangscode einem Raum bei.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>No room open</source>
        <translation>Kein Raum geöffnet</translation>
    </message>
    <message>
        <source>Access code: %1</source>
        <translation>Zugangscode: %1</translation>
    </message>
    <message>
        <source>Members: %1 online of %2</source>
        <translation>Mitglieder: %1 von %2 online</translation>
    </message>
    <message>
        <source>Too long to send: shorten the message.</source>
        <translation>Zu lang zum Senden: Kürzen Sie die Nachricht.</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>Direktnachrichten</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Raumeinstellungen…</translation>
    </message>
    <message>
        <source>Room settings: name, access code, leave</source>
        <translation>Raumeinstellungen: Name, Zugangscode, verlassen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel (Escape)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Who is typing</source>
        <translation>Wer schreibt</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Direktnachricht</translation>
    </message>
    <message>
        <source>Room &amp;settings…</source>
        <translation>Raum&amp;einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Close conversation</source>
        <translation>Unterhaltung &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Message %1</source>
        <translation>%1 &amp;schreiben</translation>
    </message>
    <message>
        <source>Editing your message. Enter saves, Escape cancels.</source>
        <translation>Sie bearbeiten Ihre Nachricht. Eingabe speichert, Esc bricht ab.</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Antwort an %1: %2</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Nachricht löschen</translation>
    </message>
    <message>
        <source>Delete this message for everyone? This cannot be undone.</source>
        <translation>Diese Nachricht für alle löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 schreibt…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 schreiben…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Mehrere Personen schreiben…</translation>
    </message>
    <message>
        <source>&amp;Mute notifications</source>
        <translation>Benachrichtigungen &amp;stummschalten</translation>
    </message>
    <message>
        <source>Messages that name you with @ still notify.</source>
        <translation>Nachrichten, die Sie mit @ nennen, benachrichtigen trotzdem.</translation>
    </message>
    <message>
        <source>&amp;Leave room…</source>
        <translation>Raum &amp;verlassen…</translation>
    </message>
    <message>
        <source>Close conversation</source>
        <translation>Unterhaltung schließen</translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation>Raum verlassen</translation>
    </message>
    <message>
        <source>Leave %1? To come back you need its access code.</source>
        <translation>%1 verlassen? Um zurückzukommen, brauchen Sie den Zugangscode.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;Leave</source>
        <translation>&amp;Verlassen</translation>
    </message>
    <message>
        <source>Close the conversation with %1? Either of you can open it again from a member list.</source>
        <translation>Die Unterhaltung mit %1 schließen? Jeder von Ihnen kann sie über eine Mitgliederliste wieder öffnen.</translation>
    </message>
    <message>
        <source>Members: %1</source>
        <translation>Mitglieder: %1</translation>
    </message>
    <message>
        <source>The conversation could not be opened: %1</source>
        <translation>Die Unterhaltung konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>Copy the access code, to invite someone (Ctrl+Shift+C)</source>
        <translation>Den Zugangscode kopieren, um jemanden einzuladen (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>Copy access code</source>
        <translation>Zugangscode kopieren</translation>
    </message>
    <message>
        <source>Access code %1 copied: whoever has it can join %2.</source>
        <translation>Zugangscode %1 kopiert: Wer ihn hat, kann %2 beitreten.</translation>
    </message>
    <message>
        <source>This is the beginning of %1. Invite people by giving them its access code, %2: Copy code puts it on the clipboard.</source>
        <translation>Hier beginnt %1. Laden Sie Leute ein, indem Sie ihnen den Zugangscode %2 geben: „Code kopieren“ legt ihn in die Zwischenablage.</translation>
    </message>
    <message>
        <source>%1 / %2: too long to send</source>
        <translation>%1 / %2: zu lang zum Senden</translation>
    </message>
</context>
<context>
    <name>Natter::Client::ChatView</name>
    <message>
        <source>New messages ↓</source>
        <translation>Neue Nachrichten ↓</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Jump to new messages</source>
        <translation>Zu den neuen Nachrichten springen</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Antworten</translation>
    </message>
    <message>
        <source>Re&amp;act</source>
        <translation>Re&amp;agieren</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>Text &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;link to message</source>
        <translation>&amp;Link zur Nachricht kopieren</translation>
    </message>
    <message>
        <source>someone who left</source>
        <translation>jemand, der gegangen ist</translation>
    </message>
    <message>
        <source>Reacted with %1: %2</source>
        <translation>Reaktion %1: %2</translation>
    </message>
    <message>
        <source>Jump to latest ↓</source>
        <translation>Zu den neuesten ↓</translation>
    </message>
    <message>
        <source>Jump to the latest messages</source>
        <translation>Zu den neuesten Nachrichten springen</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Add a reaction</source>
        <translation>Reaktion hinzufügen</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Weitere Aktionen</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <source>D&amp;iscard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
</context>
<context>
    <name>Natter::Client::Composer</name>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Write a message. Enter sends, Shift+Enter starts a new line.</source>
        <translation>Schreiben Sie eine Nachricht. Eingabe sendet, Umschalt+Eingabe beginnt eine neue Zeile.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::CreateRoomDialog</name>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>New room</source>
        <translation>Neuer Raum</translation>
    </message>
    <message>
        <source>&amp;Name of the new room:</source>
        <translation>&amp;Name des neuen Raums:</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Raumname</translation>
    </message>
    <message>
        <source>Create room</source>
        <translation>Raum erstellen</translation>
    </message>
    <message>
        <source>The room is ready. Give this access code to the people you want in it:</source>
        <translation>Der Raum ist bereit. Geben Sie diesen Zugangscode den Personen, die Sie darin haben möchten:</translation>
    </message>
    <message>
        <source>Access code</source>
        <translation>Zugangscode</translation>
    </message>
    <message>
        <source>&amp;Copy code</source>
        <translation>Code &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy access code</source>
        <translation>Zugangscode kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Room error</source>
        <translation>Raumfehler</translation>
    </message>
</context>
<context>
    <name>Natter::Client::JoinRoomDialog</name>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Beitreten</translation>
    </message>
    <message>
        <source>Join a room</source>
        <translation>Einem Raum beitreten</translation>
    </message>
    <message>
        <source>Access &amp;code (10 characters):</source>
        <translation>Zugangs&amp;code (10 Zeichen):</translation>
    </message>
    <message>
        <source>Access code</source>
        <translation>Zugangscode</translation>
    </message>
    <message>
        <source>Join error</source>
        <translation>Fehler beim Beitreten</translation>
    </message>
    <message>
        <source>Join room</source>
        <translation>Raum beitreten</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MainWindow</name>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Angemeldet als</translation>
    </message>
    <message>
        <source>&amp;Natter</source>
        <translation>&amp;Natter</translation>
    </message>
    <message>
        <source>Desktop &amp;notifications</source>
        <translation>Desktop-&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>B&amp;eenden</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message numerus="yes">
        <source>Connection lost. Reconnecting in %n s…</source>
        <translation>
            <numerusform>Verbindung verloren. Neuer Versuch in %n s…</numerusform>
            <numerusform>Verbindung verloren. Neuer Versuch in %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Trusted &amp;certificates…</source>
        <translation>Vertrauenswürdige &amp;Zertifikate…</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>&amp;Passwort ändern…</translation>
    </message>
    <message>
        <source>Password changed. Your other devices were signed out.</source>
        <translation>Passwort geändert. Ihre anderen Geräte wurden abgemeldet.</translation>
    </message>
    <message>
        <source>Sign out &amp;everywhere</source>
        <translation>Überall ab&amp;melden</translation>
    </message>
    <message>
        <source>You were signed out: your password was changed, or every session of your account was ended, on another device. Sign in again.</source>
        <translation>Sie wurden abgemeldet: Ihr Passwort wurde geändert, oder alle Sitzungen Ihres Kontos wurden auf einem anderen Gerät beendet. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Sign out &amp;everywhere…</source>
        <translation>Überall ab&amp;melden…</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>Überall abmelden</translation>
    </message>
    <message>
        <source>Sign out of this account on every device, this one included? Every device will need the password to sign in again.</source>
        <translation>Dieses Konto auf allen Geräten abmelden, auch auf diesem? Jedes Gerät braucht dann das Passwort, um sich wieder anzumelden.</translation>
    </message>
    <message>
        <source>Not signed out everywhere: %1</source>
        <translation>Nicht überall abgemeldet: %1</translation>
    </message>
    <message numerus="yes">
        <source>Cannot reach %1. Trying again in %n s…</source>
        <translation>
            <numerusform>%1 ist nicht erreichbar. Neuer Versuch in %n s…</numerusform>
            <numerusform>%1 ist nicht erreichbar. Neuer Versuch in %n s…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot reach %1. You are still signed in as %2: Natter opens your rooms as soon as the server answers. Trying again in %n s…</source>
        <translation>
            <numerusform>%1 ist nicht erreichbar. Sie sind weiterhin als %2 angemeldet: Natter öffnet Ihre Räume, sobald der Server antwortet. Nächster Versuch in %n s…</numerusform>
            <numerusform>%1 ist nicht erreichbar. Sie sind weiterhin als %2 angemeldet: Natter öffnet Ihre Räume, sobald der Server antwortet. Nächster Versuch in %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>The server at %1 speaks version %2 of Natter&apos;s protocol and this app version %3: update the one that is older.</source>
        <translation>Der Server %1 spricht Version %2 des Natter-Protokolls und diese App Version %3: Aktualisieren Sie die ältere Seite.</translation>
    </message>
    <message>
        <source>A message to %1 was not sent: %2</source>
        <translation>Eine Nachricht an %1 wurde nicht gesendet: %2</translation>
    </message>
    <message>
        <source>P&amp;references…</source>
        <translation>Einstell&amp;ungen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Natter</source>
        <translation>Ü&amp;ber Natter</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Natter could not be started with the account %1.</source>
        <translation>Natter konnte mit dem Konto %1 nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Natter is still running</source>
        <translation>Natter läuft weiter</translation>
    </message>
    <message>
        <source>Natter keeps running in the system tray, so that you hear of new messages. Click its icon to open the window again; to end Natter, choose Quit in the Natter menu or in the icon&apos;s menu.</source>
        <translation>Natter läuft im Infobereich weiter, damit Sie von neuen Nachrichten erfahren. Klicken Sie auf das Symbol, um das Fenster wieder zu öffnen; um Natter zu beenden, wählen Sie Beenden im Menü Natter oder im Menü des Symbols.</translation>
    </message>
    <message>
        <source>(%1) %2</source>
        <translation>(%1) %2</translation>
    </message>
    <message>
        <source>Signing in as %1…</source>
        <translation>Anmeldung als %1…</translation>
    </message>
    <message>
        <source>Cannot reach %1. You are still signed in as %2: Natter opens your rooms as soon as the server answers. Trying again now…</source>
        <translation>%1 ist nicht erreichbar. Sie sind weiterhin als %2 angemeldet: Natter öffnet Ihre Räume, sobald der Server antwortet. Neuer Versuch läuft…</translation>
    </message>
    <message>
        <source>Natter connects to %1 when you sign in.</source>
        <translation>Natter verbindet sich mit %1, sobald Sie sich anmelden.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MemberModel</name>
    <message>
        <source>%1, online</source>
        <translation>%1, online</translation>
    </message>
    <message>
        <source>%1, offline</source>
        <translation>%1, offline</translation>
    </message>
    <message>
        <source>%1, presence unknown while disconnected</source>
        <translation>%1, Anwesenheit unbekannt, solange die Verbindung fehlt</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageDelegate</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Not sent. Click to retry.</source>
        <translation>Nicht gesendet. Zum erneuten Versuch klicken.</translation>
    </message>
    <message>
        <source>↪ %1: a deleted message</source>
        <translation>↪ %1: eine gelöschte Nachricht</translation>
    </message>
    <message>
        <source>↪ %1: %2</source>
        <translation>↪ %1: %2</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(bearbeitet)</translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>Diese Nachricht wurde gelöscht.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Not sent: %1 Click to retry, or discard it from the menu.</source>
        <translation>Nicht gesendet: %1 Klicken Sie, um es erneut zu versuchen, oder verwerfen Sie es über das Menü.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageModel</name>
    <message>
        <source>%1 joined the room</source>
        <translation>%1 ist dem Raum beigetreten</translation>
    </message>
    <message>
        <source>%1 left the room</source>
        <translation>%1 hat den Raum verlassen</translation>
    </message>
    <message>
        <source>Something happened here that this version of Natter cannot show.</source>
        <translation>Hier ist etwas geschehen, das diese Version von Natter nicht anzeigen kann.</translation>
    </message>
    <message>
        <source>You joined the room</source>
        <translation>Sie sind dem Raum beigetreten</translation>
    </message>
    <message>
        <source>You left the room</source>
        <translation>Sie haben den Raum verlassen</translation>
    </message>
    <message>
        <source>%1, at %2</source>
        <translation>%1, um %2</translation>
    </message>
    <message>
        <source>%1 at %2: this message was deleted.</source>
        <translation>%1 um %2: Diese Nachricht wurde gelöscht.</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 um %2: %3</translation>
    </message>
    <message>
        <source>In reply to %1.</source>
        <translation>Antwort an %1.</translation>
    </message>
    <message>
        <source>Edited.</source>
        <translation>Bearbeitet.</translation>
    </message>
    <message>
        <source>Sending.</source>
        <translation>Wird gesendet.</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>Nicht gesendet.</translation>
    </message>
    <message>
        <source>Mentions you.</source>
        <translation>Erwähnt Sie.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n reaction(s).</source>
        <translation>
            <numerusform>%1: %n Reaktion.</numerusform>
            <numerusform>%1: %n Reaktionen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::OfflineBanner</name>
    <message>
        <source>Reconnect now</source>
        <translation>Jetzt neu verbinden</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message numerus="yes">
        <source>Offline: trying again in %n s…</source>
        <translation>
            <numerusform>Offline: neuer Versuch in %n s…</numerusform>
            <numerusform>Offline: neuer Versuch in %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: connecting…</source>
        <translation>Offline: Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Offline.</source>
        <translation>Offline.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::PreferencesDialog</name>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>%1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Show desktop &amp;notifications</source>
        <translation>&amp;Desktop-Benachrichtigungen anzeigen</translation>
    </message>
    <message>
        <source>Show desktop notifications</source>
        <translation>Desktop-Benachrichtigungen anzeigen</translation>
    </message>
    <message>
        <source>&amp;Start Natter when I log in</source>
        <translation>Natter beim &amp;Anmelden am System starten</translation>
    </message>
    <message>
        <source>Start Natter when I log in</source>
        <translation>Natter beim Anmelden am System starten</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Sp&amp;rache:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Erscheinungsbild:</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Text si&amp;ze:</source>
        <translation>Schrift&amp;größe:</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Preferences error</source>
        <translation>Fehler in den Einstellungen</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>Natter::Client::QuickSwitcher</name>
    <message>
        <source>Go to room</source>
        <translation>Gehe zu Raum</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Raumname</translation>
    </message>
    <message>
        <source>Type a room&apos;s name</source>
        <translation>Geben Sie den Namen eines Raums ein</translation>
    </message>
    <message>
        <source>Matching rooms</source>
        <translation>Passende Räume</translation>
    </message>
</context>
<context>
    <name>Natter::Client::RoomListModel</name>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n ungelesen</numerusform>
            <numerusform>%1, %n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, muted</source>
        <translation>%1, stummgeschaltet</translation>
    </message>
</context>
<context>
    <name>Natter::Client::RoomSettingsDialog</name>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>&amp;Copy code</source>
        <translation>Code &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;New code</source>
        <translation>&amp;Neuer Code</translation>
    </message>
    <message>
        <source>Room settings</source>
        <translation>Raumeinstellungen</translation>
    </message>
    <message>
        <source>Gives the room a new access code; the old one stops working.</source>
        <translation>Gibt dem Raum einen neuen Zugangscode; der alte gilt nicht mehr.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Access code:</source>
        <translation>Zugangscode:</translation>
    </message>
    <message>
        <source>&amp;Leave room</source>
        <translation>Raum &amp;verlassen</translation>
    </message>
    <message>
        <source>Access code %1</source>
        <translation>Zugangscode %1</translation>
    </message>
    <message>
        <source>You own this room: you may rename it and give it a new code.</source>
        <translation>Dieser Raum gehört Ihnen: Sie können ihn umbenennen und ihm einen neuen Code geben.</translation>
    </message>
    <message>
        <source>Only the owner of this room may rename it or give it a new code.</source>
        <translation>Nur wem dieser Raum gehört, kann ihn umbenennen oder ihm einen neuen Code geben.</translation>
    </message>
    <message>
        <source>New access code</source>
        <translation>Neuer Zugangscode</translation>
    </message>
    <message>
        <source>Give the room a new access code? The current one stops working at once; people who have it cannot join with it any more.</source>
        <translation>Dem Raum einen neuen Zugangscode geben? Der jetzige gilt sofort nicht mehr; wer ihn hat, kann damit nicht mehr beitreten.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::RoomsMenu</name>
    <message>
        <source>&amp;Rooms</source>
        <translation>&amp;Räume</translation>
    </message>
    <message>
        <source>&amp;New room…</source>
        <translation>&amp;Neuer Raum…</translation>
    </message>
    <message>
        <source>&amp;Join room…</source>
        <translation>Raum &amp;beitreten…</translation>
    </message>
    <message>
        <source>&amp;Go to room…</source>
        <translation>&amp;Gehe zu Raum…</translation>
    </message>
    <message>
        <source>&amp;Search in room…</source>
        <translation>Im Raum &amp;suchen…</translation>
    </message>
    <message>
        <source>Search &amp;everywhere…</source>
        <translation>&amp;Überall suchen…</translation>
    </message>
    <message>
        <source>&amp;Previous room</source>
        <translation>&amp;Vorheriger Raum</translation>
    </message>
    <message>
        <source>Ne&amp;xt room</source>
        <translation>Nä&amp;chster Raum</translation>
    </message>
    <message>
        <source>&amp;Copy access code</source>
        <translation>Zugangscode &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Leave room…</source>
        <translation>Raum ver&amp;lassen…</translation>
    </message>
</context>
<context>
    <name>Natter::Client::SearchPanel</name>
    <message>
        <source>In this room only</source>
        <translation>Nur in diesem Raum</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Nachrichten durchsuchen</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Close search</source>
        <translation>Suche schließen</translation>
    </message>
    <message>
        <source>Close search (Escape)</source>
        <translation>Suche schließen (Esc)</translation>
    </message>
    <message>
        <source>In %1 only</source>
        <translation>Nur in %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>No messages match.</source>
        <translation>Keine Nachricht passt.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::SearchResultModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Natter::Client::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Writing a message</source>
        <translation>Eine Nachricht schreiben</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Die Nachricht senden</translation>
    </message>
    <message>
        <source>Start a new line</source>
        <translation>Eine neue Zeile beginnen</translation>
    </message>
    <message>
        <source>Edit your last message (in an empty composer)</source>
        <translation>Ihre letzte Nachricht bearbeiten (bei leerem Eingabefeld)</translation>
    </message>
    <message>
        <source>Cancel the reply or the edit</source>
        <translation>Die Antwort oder die Bearbeitung abbrechen</translation>
    </message>
    <message>
        <source>Choose the highlighted name after @</source>
        <translation>Den markierten Namen nach @ wählen</translation>
    </message>
</context>
<context>
    <name>Natter::Client::SignInPage</name>
    <message>
        <source>&amp;Keep me signed in</source>
        <translation>Angemel&amp;det bleiben</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Sign in to Natter</source>
        <translation>Bei Natter anmelden</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Keep me signed in</source>
        <translation>Angemeldet bleiben</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>Anmeldefehler</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung…</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Geben Sie Benutzername und Passwort ein.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s name or address, for example chat.example.org or localhost:7447.</source>
        <translation>Geben Sie den Namen oder die Adresse des Servers ein, zum Beispiel chat.example.org oder localhost:7447.</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>Ser&amp;ver:</translation>
    </message>
    <message>
        <source>&amp;Try now</source>
        <translation>&amp;Jetzt versuchen</translation>
    </message>
    <message>
        <source>Waiting for the server</source>
        <translation>Warten auf den Server</translation>
    </message>
    <message>
        <source>Try to reach the server now</source>
        <translation>Den Server jetzt zu erreichen versuchen</translation>
    </message>
</context>
<context>
    <name>Natter::Client::SignUpPage</name>
    <message>
        <source>&amp;Keep me signed in</source>
        <translation>&amp;Angemeldet bleiben</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>Konto &amp;erstellen</translation>
    </message>
    <message>
        <source>Create a Natter account</source>
        <translation>Ein Natter-Konto erstellen</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>Keep me signed in</source>
        <translation>Angemeldet bleiben</translation>
    </message>
    <message>
        <source>Account rules</source>
        <translation>Kontoregeln</translation>
    </message>
    <message>
        <source>Sign-up error</source>
        <translation>Registrierungsfehler</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation>Ich habe schon ein Konto</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>A username is 3 to 32 letters, digits, dots, dashes or underscores.</source>
        <translation>Ein Benutzername besteht aus 3 bis 32 Buchstaben, Ziffern, Punkten, Bindestrichen oder Unterstrichen.</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters.</source>
        <translation>Ein Passwort braucht mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>3–32 characters: letters, digits, . _ -; a password of at least 8.</source>
        <translation>3–32 Zeichen: Buchstaben, Ziffern, . _ -; ein Passwort mit mindestens 8.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird erstellt…</translation>
    </message>
</context>
<context>
    <name>Natter::Client::TrayNotifier</name>
    <message numerus="yes">
        <source>Natter: %n unread message(s)</source>
        <translation>
            <numerusform>Natter: %n ungelesene Nachricht</numerusform>
            <numerusform>Natter: %n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>%1 mentioned you in %2</source>
        <translation>%1 hat Sie in %2 erwähnt</translation>
    </message>
    <message>
        <source>&amp;Show Natter</source>
        <translation>Natter &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>B&amp;eenden</translation>
    </message>
    <message numerus="yes">
        <source>Natter, %1: %n unread message(s)</source>
        <translation>
            <numerusform>Natter, %1: %n ungelesene Nachricht</numerusform>
            <numerusform>Natter, %1: %n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Natter, %1</source>
        <translation>Natter, %1</translation>
    </message>
</context>
<context>
    <name>Natter::Client::TrustedCertificatesDialog</name>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Trusted certificates</source>
        <translation>Vertrauenswürdige Zertifikate</translation>
    </message>
    <message>
        <source>Servers whose self-signed certificate you chose to trust, with its SHA-256 fingerprint. Remove one only when its operator has told you that the certificate was replaced: Natter will then ask again.</source>
        <translation>Server, deren selbst signiertem Zertifikat Sie vertrauen, mit seinem SHA-256-Fingerabdruck. Entfernen Sie einen nur, wenn Ihnen der Betreiber gesagt hat, dass das Zertifikat ersetzt wurde: Natter fragt dann erneut.</translation>
    </message>
    <message>
        <source>Remove the selected certificate</source>
        <translation>Das ausgewählte Zertifikat entfernen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Natter: real-time chat on your own server.</source>
        <translation>Natter: Echtzeit-Chat auf Ihrem eigenen Server.</translation>
    </message>
    <message>
        <source>Settings profile: separate settings and stored session (default: default).</source>
        <translation>Einstellungsprofil: getrennte Einstellungen und gespeicherte Sitzung (Standard: default).</translation>
    </message>
    <message>
        <source>Language, e.g. fr or de (default: the system&apos;s).</source>
        <translation>Sprache, z. B. fr oder de (Standard: die des Systems).</translation>
    </message>
    <message>
        <source>Server to use, e.g. chat.example.org (wss://) or localhost (ws://).</source>
        <translation>Zu verwendender Server, z. B. chat.example.org (wss://) oder localhost (ws://).</translation>
    </message>
</context>
</TS>
