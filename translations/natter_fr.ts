<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Connection</name>
    <message>
        <source>Not connected to the server.</source>
        <translation>Pas de connexion au serveur.</translation>
    </message>
    <message>
        <source>The server sent an answer this version cannot read.</source>
        <translation>Le serveur a envoyé une réponse que cette version ne sait pas lire.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Cannot reach the server. Check the address and your connection.</source>
        <translation>Impossible de joindre le serveur. Vérifiez l’adresse et votre connexion.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Check the address and your connection.</source>
        <translation>Impossible de joindre le serveur %1. Vérifiez l’adresse et votre connexion.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Nom d’utilisateur ou mot de passe incorrect.</translation>
    </message>
    <message>
        <source>That username is taken. Try another one.</source>
        <translation>Ce nom d’utilisateur est déjà pris. Essayez-en un autre.</translation>
    </message>
    <message>
        <source>A username is 3 to 32 letters, digits, dots, dashes or underscores.</source>
        <translation>Un nom d’utilisateur compte de 3 à 32 lettres, chiffres, points, tirets ou tirets bas.</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters.</source>
        <translation>Un mot de passe doit compter au moins 8 caractères.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Votre session a pris fin. Veuillez vous reconnecter.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de tentatives. Réessayez dans %n seconde.</numerusform>
            <numerusform>Trop de tentatives. Réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>No room has that access code.</source>
        <translation>Aucun salon n’a ce code d’accès.</translation>
    </message>
    <message>
        <source>You are not a member of that room.</source>
        <translation>Vous n’êtes pas membre de ce salon.</translation>
    </message>
    <message>
        <source>That message is too long.</source>
        <translation>Ce message est trop long.</translation>
    </message>
    <message>
        <source>This server&apos;s limit is reached: you are in as many rooms as it allows, or that room is full.</source>
        <translation>La limite de ce serveur est atteinte : vous êtes dans autant de salons qu’il le permet, ou ce salon est plein.</translation>
    </message>
    <message>
        <source>Something went wrong on the server. Please try again.</source>
        <translation>Un problème est survenu sur le serveur. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>Only the author of a message, or the owner of a room, may do that.</source>
        <translation>Seul l’auteur d’un message, ou le propriétaire d’un salon, peut faire cela.</translation>
    </message>
    <message>
        <source>That message is no longer there.</source>
        <translation>Ce message n’existe plus.</translation>
    </message>
    <message>
        <source>You can only write to someone who shares a room with you.</source>
        <translation>Vous ne pouvez écrire qu’à quelqu’un qui partage un salon avec vous.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::AboutDialog</name>
    <message>
        <source>About Natter</source>
        <translation>À propos de Natter</translation>
    </message>
    <message>
        <source>Not connected to a server.</source>
        <translation>Non connecté à un serveur.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Connecté à %1.</translation>
    </message>
    <message>
        <source>Natter %1</source>
        <translation>Natter %1</translation>
    </message>
    <message>
        <source>Real-time chat on your own server.</source>
        <translation>Discussion en temps réel sur votre propre serveur.</translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License, version 3 or later (GPL-3.0-or-later).</source>
        <translation>Logiciel libre sous licence publique générale GNU, version 3 ou ultérieure (GPL-3.0-or-later).</translation>
    </message>
    <message>
        <source>Built with Qt, running on Qt %1.</source>
        <translation>Construit avec Qt, fonctionne sous Qt %1.</translation>
    </message>
    <message>
        <source>Documentation: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Documentation : &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
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
        <translation>%1 (%2 sur %3)</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>C&amp;omptes</translation>
    </message>
    <message>
        <source>A&amp;dd account…</source>
        <translation>&amp;Ajouter un compte…</translation>
    </message>
</context>
<context>
    <name>Natter::Client::AddAccountDialog</name>
    <message>
        <source>Name error</source>
        <translation>Erreur de nom</translation>
    </message>
    <message>
        <source>&amp;Add and switch</source>
        <translation>A&amp;jouter et basculer</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Ajouter un compte</translation>
    </message>
    <message>
        <source>Each account keeps its own settings and its own session. Natter starts again with the new one, where you sign in.</source>
        <translation>Chaque compte garde ses propres réglages et sa propre session. Natter redémarre avec le nouveau compte, où vous vous connectez.</translation>
    </message>
    <message>
        <source>&amp;Name of the new account (letters, digits, - and _):</source>
        <translation>&amp;Nom du nouveau compte (lettres, chiffres, - et _) :</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nom du compte</translation>
    </message>
    <message>
        <source>e.g. work</source>
        <translation>p. ex. travail</translation>
    </message>
    <message>
        <source>An account with this name exists already: choose it in the Accounts menu.</source>
        <translation>Un compte de ce nom existe déjà : choisissez-le dans le menu Comptes.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::CertificateTrust</name>
    <message>
        <source>Trust this server?</source>
        <translation>Faire confiance à ce serveur ?</translation>
    </message>
    <message>
        <source>The server %1 presents a certificate that your system does not vouch for (it is probably self-signed). Its SHA-256 fingerprint is:</source>
        <translation>Le serveur %1 présente un certificat que votre système ne garantit pas (il est sans doute auto-signé). Son empreinte SHA-256 est :</translation>
    </message>
    <message>
        <source>Compare it with the fingerprint the server&apos;s operator gave you. If they are the same, trust it: Natter remembers it for this server and warns you if it ever changes.</source>
        <translation>Comparez-la à l’empreinte que vous a donnée l’administrateur du serveur. Si elles sont identiques, faites-lui confiance : Natter s’en souvient pour ce serveur et vous avertit si elle change un jour.</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>Faire confiance et se connecter</translation>
    </message>
    <message>
        <source>Trust this certificate and connect</source>
        <translation>Faire confiance à ce certificat et se connecter</translation>
    </message>
    <message>
        <source>Not connected: you did not trust the certificate of %1.</source>
        <translation>Non connecté : vous n’avez pas fait confiance au certificat de %1.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed</source>
        <translation>Le certificat du serveur a changé</translation>
    </message>
    <message>
        <source>The server %1 presented a different certificate from the one you trusted before, so Natter did not connect. Someone may be intercepting the connection, or the operator may have replaced the certificate.</source>
        <translation>Le serveur %1 a présenté un autre certificat que celui auquel vous aviez fait confiance : Natter ne s’est donc pas connecté. Quelqu’un intercepte peut-être la connexion, ou l’administrateur a remplacé le certificat.</translation>
    </message>
    <message>
        <source>Trusted before:</source>
        <translation>Approuvé auparavant :</translation>
    </message>
    <message>
        <source>Presented now:</source>
        <translation>Présenté maintenant :</translation>
    </message>
    <message>
        <source>Ask the operator which fingerprint is right. If the new one is, remove the old one in Natter → Trusted certificates and connect again.</source>
        <translation>Demandez à l’administrateur quelle empreinte est la bonne. Si c’est la nouvelle, retirez l’ancienne dans Natter → Certificats approuvés et reconnectez-vous.</translation>
    </message>
    <message>
        <source>Not connected: the certificate of %1 has changed.</source>
        <translation>Non connecté : le certificat de %1 a changé.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::ChangePasswordDialog</name>
    <message>
        <source>Current password</source>
        <translation>Mot de passe actuel</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Nouveau mot de passe, à nouveau</translation>
    </message>
    <message>
        <source>Password error</source>
        <translation>Erreur de mot de passe</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>&amp;Changer le mot de passe</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Changer le mot de passe</translation>
    </message>
    <message>
        <source>Your other devices will be signed out; this one stays signed in.</source>
        <translation>Vos autres appareils seront déconnectés ; celui-ci reste connecté.</translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation>Mot de passe &amp;actuel :</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nouveau mot de passe :</translation>
    </message>
    <message>
        <source>New password &amp;again:</source>
        <translation>Nouveau mot de passe, à nou&amp;veau :</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>Les deux nouveaux mots de passe ne sont pas identiques.</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters.</source>
        <translation>Un mot de passe doit compter au moins 8 caractères.</translation>
    </message>
    <message>
        <source>That is not your current password.</source>
        <translation>Ce n’est pas votre mot de passe actuel.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::ChatPage</name>
    <message>
        <source>Rooms</source>
        <translation>Salons</translation>
    </message>
    <message>
        <source>Access code</source>
        <translation>Code d’accès</translation>
    </message>
    <message>
        <source>Characters left</source>
        <translation>Caractères restants</translation>
    </message>
    <message>
        <source>Create a room with Ctrl+N, or join one with its access code with Ctrl+J.</source>
        <translation>Créez un salon avec Ctrl+N, ou rejoignez-en un avec son code d’accès avec Ctrl+J.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>No room open</source>
        <translation>Aucun salon ouvert</translation>
    </message>
    <message>
        <source>Access code: %1</source>
        <translation>Code d’accès : %1</translation>
    </message>
    <message>
        <source>Members: %1 online of %2</source>
        <translation>Membres : %1 en ligne sur %2</translation>
    </message>
    <message>
        <source>Too long to send: shorten the message.</source>
        <translation>Trop long pour être envoyé : raccourcissez le message.</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>Messages directs</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Room settings: name, access code, leave</source>
        <translation>Paramètres du salon : nom, code d’accès, quitter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel (Escape)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <source>Who is typing</source>
        <translation>Qui écrit</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Message direct</translation>
    </message>
    <message>
        <source>Room &amp;settings…</source>
        <translation>&amp;Paramètres du salon…</translation>
    </message>
    <message>
        <source>&amp;Close conversation</source>
        <translation>&amp;Fermer la conversation</translation>
    </message>
    <message>
        <source>&amp;Message %1</source>
        <translation>&amp;Écrire à %1</translation>
    </message>
    <message>
        <source>Editing your message. Enter saves, Escape cancels.</source>
        <translation>Modification de votre message. Entrée enregistre, Échap annule.</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Réponse à %1 : %2</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Supprimer le message</translation>
    </message>
    <message>
        <source>Delete this message for everyone? This cannot be undone.</source>
        <translation>Supprimer ce message pour tout le monde ? C’est définitif.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 écrit…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 et %2 écrivent…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Plusieurs personnes écrivent…</translation>
    </message>
    <message>
        <source>&amp;Mute notifications</source>
        <translation>&amp;Couper les notifications</translation>
    </message>
    <message>
        <source>Messages that name you with @ still notify.</source>
        <translation>Les messages qui vous nomment avec @ notifient quand même.</translation>
    </message>
    <message>
        <source>&amp;Leave room…</source>
        <translation>&amp;Quitter le salon…</translation>
    </message>
    <message>
        <source>Close conversation</source>
        <translation>Fermer la conversation</translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation>Quitter le salon</translation>
    </message>
    <message>
        <source>Leave %1? To come back you need its access code.</source>
        <translation>Quitter %1 ? Pour revenir, il vous faudra son code d’accès.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Leave</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Close the conversation with %1? Either of you can open it again from a member list.</source>
        <translation>Fermer la conversation avec %1 ? L’un ou l’autre peut la rouvrir depuis une liste de membres.</translation>
    </message>
    <message>
        <source>Members: %1</source>
        <translation>Membres : %1</translation>
    </message>
    <message>
        <source>The conversation could not be opened: %1</source>
        <translation>La conversation n’a pas pu être ouverte : %1</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copier le code</translation>
    </message>
    <message>
        <source>Copy the access code, to invite someone (Ctrl+Shift+C)</source>
        <translation>Copier le code d’accès pour inviter quelqu’un (Ctrl+Maj+C)</translation>
    </message>
    <message>
        <source>Copy access code</source>
        <translation>Copier le code d’accès</translation>
    </message>
    <message>
        <source>Access code %1 copied: whoever has it can join %2.</source>
        <translation>Code d’accès %1 copié : quiconque l’a peut rejoindre %2.</translation>
    </message>
    <message>
        <source>This is the beginning of %1. Invite people by giving them its access code, %2: Copy code puts it on the clipboard.</source>
        <translation>C’est le début de %1. Invitez des personnes en leur donnant son code d’accès, %2 : « Copier le code » le met dans le presse-papiers.</translation>
    </message>
    <message>
        <source>%1 / %2: too long to send</source>
        <translation>%1 / %2 : trop long pour être envoyé</translation>
    </message>
</context>
<context>
    <name>Natter::Client::ChatView</name>
    <message>
        <source>New messages ↓</source>
        <translation>Nouveaux messages ↓</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Jump to new messages</source>
        <translation>Aller aux nouveaux messages</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Répondre</translation>
    </message>
    <message>
        <source>Re&amp;act</source>
        <translation>Ré&amp;agir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifier</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>&amp;Copier le texte</translation>
    </message>
    <message>
        <source>Copy &amp;link to message</source>
        <translation>Copier le &amp;lien vers le message</translation>
    </message>
    <message>
        <source>someone who left</source>
        <translation>quelqu’un qui est parti</translation>
    </message>
    <message>
        <source>Reacted with %1: %2</source>
        <translation>Réaction %1 : %2</translation>
    </message>
    <message>
        <source>Jump to latest ↓</source>
        <translation>Aller aux plus récents ↓</translation>
    </message>
    <message>
        <source>Jump to the latest messages</source>
        <translation>Aller aux messages les plus récents</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <source>Add a reaction</source>
        <translation>Ajouter une réaction</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Plus d’actions</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>D&amp;iscard</source>
        <translation>&amp;Abandonner</translation>
    </message>
</context>
<context>
    <name>Natter::Client::Composer</name>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Write a message. Enter sends, Shift+Enter starts a new line.</source>
        <translation>Écrivez un message. Entrée envoie, Maj+Entrée commence une nouvelle ligne.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::CreateRoomDialog</name>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <source>New room</source>
        <translation>Nouveau salon</translation>
    </message>
    <message>
        <source>&amp;Name of the new room:</source>
        <translation>&amp;Nom du nouveau salon :</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Nom du salon</translation>
    </message>
    <message>
        <source>Create room</source>
        <translation>Créer le salon</translation>
    </message>
    <message>
        <source>The room is ready. Give this access code to the people you want in it:</source>
        <translation>Le salon est prêt. Donnez ce code d’accès aux personnes que vous voulez y inviter :</translation>
    </message>
    <message>
        <source>Access code</source>
        <translation>Code d’accès</translation>
    </message>
    <message>
        <source>&amp;Copy code</source>
        <translation>&amp;Copier le code</translation>
    </message>
    <message>
        <source>Copy access code</source>
        <translation>Copier le code d’accès</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>Room error</source>
        <translation>Erreur de salon</translation>
    </message>
</context>
<context>
    <name>Natter::Client::JoinRoomDialog</name>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Rejoindre</translation>
    </message>
    <message>
        <source>Join a room</source>
        <translation>Rejoindre un salon</translation>
    </message>
    <message>
        <source>Access &amp;code (10 characters):</source>
        <translation>&amp;Code d’accès (10 caractères) :</translation>
    </message>
    <message>
        <source>Access code</source>
        <translation>Code d’accès</translation>
    </message>
    <message>
        <source>Join error</source>
        <translation>Erreur d’accès au salon</translation>
    </message>
    <message>
        <source>Join room</source>
        <translation>Rejoindre le salon</translation>
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
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Connecté en tant que</translation>
    </message>
    <message>
        <source>&amp;Natter</source>
        <translation>&amp;Natter</translation>
    </message>
    <message>
        <source>Desktop &amp;notifications</source>
        <translation>&amp;Notifications du bureau</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Connecté à %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message numerus="yes">
        <source>Connection lost. Reconnecting in %n s…</source>
        <translation>
            <numerusform>Connexion perdue. Reconnexion dans %n s…</numerusform>
            <numerusform>Connexion perdue. Reconnexion dans %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Connecté en tant que %1</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Aucune session ouverte</translation>
    </message>
    <message>
        <source>Trusted &amp;certificates…</source>
        <translation>&amp;Certificats approuvés…</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Changer le mot de &amp;passe…</translation>
    </message>
    <message>
        <source>Password changed. Your other devices were signed out.</source>
        <translation>Mot de passe changé. Vos autres appareils ont été déconnectés.</translation>
    </message>
    <message>
        <source>Sign out &amp;everywhere</source>
        <translation>Se déconnecter par&amp;tout</translation>
    </message>
    <message>
        <source>You were signed out: your password was changed, or every session of your account was ended, on another device. Sign in again.</source>
        <translation>Vous avez été déconnecté : votre mot de passe a été changé, ou toutes les sessions de votre compte ont été fermées, depuis un autre appareil. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>Sign out &amp;everywhere…</source>
        <translation>Se déconnecter par&amp;tout…</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>Se déconnecter partout</translation>
    </message>
    <message>
        <source>Sign out of this account on every device, this one included? Every device will need the password to sign in again.</source>
        <translation>Se déconnecter de ce compte sur tous les appareils, celui-ci compris ? Chaque appareil devra saisir le mot de passe pour se reconnecter.</translation>
    </message>
    <message>
        <source>Not signed out everywhere: %1</source>
        <translation>Pas déconnecté partout : %1</translation>
    </message>
    <message numerus="yes">
        <source>Cannot reach %1. Trying again in %n s…</source>
        <translation>
            <numerusform>Impossible de joindre %1. Nouvel essai dans %n s…</numerusform>
            <numerusform>Impossible de joindre %1. Nouvel essai dans %n s…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot reach %1. You are still signed in as %2: Natter opens your rooms as soon as the server answers. Trying again in %n s…</source>
        <translation>
            <numerusform>Impossible de joindre %1. Vous êtes toujours connecté en tant que %2 : Natter ouvre vos salons dès que le serveur répond. Nouvel essai dans %n s…</numerusform>
            <numerusform>Impossible de joindre %1. Vous êtes toujours connecté en tant que %2 : Natter ouvre vos salons dès que le serveur répond. Nouvel essai dans %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>The server at %1 speaks version %2 of Natter&apos;s protocol and this app version %3: update the one that is older.</source>
        <translation>Le serveur %1 parle la version %2 du protocole de Natter et cette application la version %3 : mettez à jour le plus ancien des deux.</translation>
    </message>
    <message>
        <source>A message to %1 was not sent: %2</source>
        <translation>Un message pour %1 n’a pas été envoyé : %2</translation>
    </message>
    <message>
        <source>P&amp;references…</source>
        <translation>P&amp;références…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About Natter</source>
        <translation>À &amp;propos de Natter</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Natter could not be started with the account %1.</source>
        <translation>Natter n’a pas pu être démarré avec le compte %1.</translation>
    </message>
    <message>
        <source>Natter is still running</source>
        <translation>Natter fonctionne toujours</translation>
    </message>
    <message>
        <source>Natter keeps running in the system tray, so that you hear of new messages. Click its icon to open the window again; to end Natter, choose Quit in the Natter menu or in the icon&apos;s menu.</source>
        <translation>Natter continue de fonctionner dans la zone de notification pour vous signaler les nouveaux messages. Cliquez sur son icône pour rouvrir la fenêtre ; pour fermer Natter, choisissez Quitter dans le menu Natter ou dans le menu de l’icône.</translation>
    </message>
    <message>
        <source>(%1) %2</source>
        <translation>(%1) %2</translation>
    </message>
    <message>
        <source>Signing in as %1…</source>
        <translation>Connexion en tant que %1…</translation>
    </message>
    <message>
        <source>Cannot reach %1. You are still signed in as %2: Natter opens your rooms as soon as the server answers. Trying again now…</source>
        <translation>Impossible de joindre %1. Vous êtes toujours connecté en tant que %2 : Natter ouvre vos salons dès que le serveur répond. Nouvel essai en cours…</translation>
    </message>
    <message>
        <source>Natter connects to %1 when you sign in.</source>
        <translation>Natter se connecte à %1 quand vous vous connectez.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MemberModel</name>
    <message>
        <source>%1, online</source>
        <translation>%1, en ligne</translation>
    </message>
    <message>
        <source>%1, offline</source>
        <translation>%1, hors ligne</translation>
    </message>
    <message>
        <source>%1, presence unknown while disconnected</source>
        <translation>%1, présence inconnue tant que la connexion est coupée</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageDelegate</name>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Not sent. Click to retry.</source>
        <translation>Non envoyé. Cliquez pour réessayer.</translation>
    </message>
    <message>
        <source>↪ %1: a deleted message</source>
        <translation>↪ %1 : un message supprimé</translation>
    </message>
    <message>
        <source>↪ %1: %2</source>
        <translation>↪ %1 : %2</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(modifié)</translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>Ce message a été supprimé.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Not sent: %1 Click to retry, or discard it from the menu.</source>
        <translation>Non envoyé : %1 Cliquez pour réessayer, ou abandonnez-le depuis le menu.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageModel</name>
    <message>
        <source>%1 joined the room</source>
        <translation>%1 a rejoint le salon</translation>
    </message>
    <message>
        <source>%1 left the room</source>
        <translation>%1 a quitté le salon</translation>
    </message>
    <message>
        <source>Something happened here that this version of Natter cannot show.</source>
        <translation>Il s’est passé ici quelque chose que cette version de Natter ne sait pas afficher.</translation>
    </message>
    <message>
        <source>You joined the room</source>
        <translation>Vous avez rejoint le salon</translation>
    </message>
    <message>
        <source>You left the room</source>
        <translation>Vous avez quitté le salon</translation>
    </message>
    <message>
        <source>%1, at %2</source>
        <translation>%1, à %2</translation>
    </message>
    <message>
        <source>%1 at %2: this message was deleted.</source>
        <translation>%1 à %2 : ce message a été supprimé.</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 à %2 : %3</translation>
    </message>
    <message>
        <source>In reply to %1.</source>
        <translation>En réponse à %1.</translation>
    </message>
    <message>
        <source>Edited.</source>
        <translation>Modifié.</translation>
    </message>
    <message>
        <source>Sending.</source>
        <translation>Envoi en cours.</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>Non envoyé.</translation>
    </message>
    <message>
        <source>Mentions you.</source>
        <translation>Vous mentionne.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n reaction(s).</source>
        <translation>
            <numerusform>%1 : %n réaction.</numerusform>
            <numerusform>%1 : %n réactions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::OfflineBanner</name>
    <message>
        <source>Reconnect now</source>
        <translation>Se reconnecter maintenant</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Connexion perdue</translation>
    </message>
    <message numerus="yes">
        <source>Offline: trying again in %n s…</source>
        <translation>
            <numerusform>Hors ligne : nouvel essai dans %n s…</numerusform>
            <numerusform>Hors ligne : nouvel essai dans %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: connecting…</source>
        <translation>Hors ligne : connexion…</translation>
    </message>
    <message>
        <source>Offline.</source>
        <translation>Hors ligne.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::PreferencesDialog</name>
    <message>
        <source>Could not write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>Impossible de supprimer %1.</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Show desktop &amp;notifications</source>
        <translation>Afficher les &amp;notifications du bureau</translation>
    </message>
    <message>
        <source>Show desktop notifications</source>
        <translation>Afficher les notifications du bureau</translation>
    </message>
    <message>
        <source>&amp;Start Natter when I log in</source>
        <translation>&amp;Démarrer Natter à l’ouverture de session</translation>
    </message>
    <message>
        <source>Start Natter when I log in</source>
        <translation>Démarrer Natter à l’ouverture de session</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Text si&amp;ze:</source>
        <translation>Taille du te&amp;xte :</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Taille du texte</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Preferences error</source>
        <translation>Erreur des préférences</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
</context>
<context>
    <name>Natter::Client::QuickSwitcher</name>
    <message>
        <source>Go to room</source>
        <translation>Aller au salon</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Nom du salon</translation>
    </message>
    <message>
        <source>Type a room&apos;s name</source>
        <translation>Tapez le nom d’un salon</translation>
    </message>
    <message>
        <source>Matching rooms</source>
        <translation>Salons correspondants</translation>
    </message>
</context>
<context>
    <name>Natter::Client::RoomListModel</name>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n non lu</numerusform>
            <numerusform>%1, %n non lus</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, muted</source>
        <translation>%1, en sourdine</translation>
    </message>
</context>
<context>
    <name>Natter::Client::RoomSettingsDialog</name>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Renommer</translation>
    </message>
    <message>
        <source>&amp;Copy code</source>
        <translation>&amp;Copier le code</translation>
    </message>
    <message>
        <source>&amp;New code</source>
        <translation>&amp;Nouveau code</translation>
    </message>
    <message>
        <source>Room settings</source>
        <translation>Paramètres du salon</translation>
    </message>
    <message>
        <source>Gives the room a new access code; the old one stops working.</source>
        <translation>Donne au salon un nouveau code d’accès ; l’ancien ne fonctionne plus.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Access code:</source>
        <translation>Code d’accès :</translation>
    </message>
    <message>
        <source>&amp;Leave room</source>
        <translation>&amp;Quitter le salon</translation>
    </message>
    <message>
        <source>Access code %1</source>
        <translation>Code d’accès %1</translation>
    </message>
    <message>
        <source>You own this room: you may rename it and give it a new code.</source>
        <translation>Ce salon vous appartient : vous pouvez le renommer et lui donner un nouveau code.</translation>
    </message>
    <message>
        <source>Only the owner of this room may rename it or give it a new code.</source>
        <translation>Seul le propriétaire de ce salon peut le renommer ou lui donner un nouveau code.</translation>
    </message>
    <message>
        <source>New access code</source>
        <translation>Nouveau code d’accès</translation>
    </message>
    <message>
        <source>Give the room a new access code? The current one stops working at once; people who have it cannot join with it any more.</source>
        <translation>Donner un nouveau code d’accès au salon ? L’actuel cesse aussitôt de fonctionner ; ceux qui l’ont ne pourront plus rejoindre avec.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::RoomsMenu</name>
    <message>
        <source>&amp;Rooms</source>
        <translation>&amp;Salons</translation>
    </message>
    <message>
        <source>&amp;New room…</source>
        <translation>&amp;Nouveau salon…</translation>
    </message>
    <message>
        <source>&amp;Join room…</source>
        <translation>&amp;Rejoindre un salon…</translation>
    </message>
    <message>
        <source>&amp;Go to room…</source>
        <translation>&amp;Aller au salon…</translation>
    </message>
    <message>
        <source>&amp;Search in room…</source>
        <translation>Rec&amp;hercher dans le salon…</translation>
    </message>
    <message>
        <source>Search &amp;everywhere…</source>
        <translation>Rechercher partou&amp;t…</translation>
    </message>
    <message>
        <source>&amp;Previous room</source>
        <translation>Salon &amp;précédent</translation>
    </message>
    <message>
        <source>Ne&amp;xt room</source>
        <translation>Salon &amp;suivant</translation>
    </message>
    <message>
        <source>&amp;Copy access code</source>
        <translation>&amp;Copier le code d’accès</translation>
    </message>
    <message>
        <source>&amp;Leave room…</source>
        <translation>&amp;Quitter le salon…</translation>
    </message>
</context>
<context>
    <name>Natter::Client::SearchPanel</name>
    <message>
        <source>In this room only</source>
        <translation>Seulement dans ce salon</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Rechercher des messages</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Close search</source>
        <translation>Fermer la recherche</translation>
    </message>
    <message>
        <source>Close search (Escape)</source>
        <translation>Fermer la recherche (Échap)</translation>
    </message>
    <message>
        <source>In %1 only</source>
        <translation>Seulement dans %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>No messages match.</source>
        <translation>Aucun message ne correspond.</translation>
    </message>
</context>
<context>
    <name>Natter::Client::SearchResultModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Natter::Client::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Writing a message</source>
        <translation>Écrire un message</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>Start a new line</source>
        <translation>Commencer une nouvelle ligne</translation>
    </message>
    <message>
        <source>Edit your last message (in an empty composer)</source>
        <translation>Modifier votre dernier message (zone de saisie vide)</translation>
    </message>
    <message>
        <source>Cancel the reply or the edit</source>
        <translation>Annuler la réponse ou la modification</translation>
    </message>
    <message>
        <source>Choose the highlighted name after @</source>
        <translation>Choisir le nom en surbrillance après @</translation>
    </message>
</context>
<context>
    <name>Natter::Client::SignInPage</name>
    <message>
        <source>&amp;Keep me signed in</source>
        <translation>&amp;Rester connecté</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>Sign in to Natter</source>
        <translation>Se connecter à Natter</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Keep me signed in</source>
        <translation>Rester connecté</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>Erreur de connexion</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Créer un compte</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Nom d’&amp;utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Saisissez votre nom d’utilisateur et votre mot de passe.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s name or address, for example chat.example.org or localhost:7447.</source>
        <translation>Saisissez le nom ou l’adresse du serveur, par exemple chat.example.org ou localhost:7447.</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>Ser&amp;veur :</translation>
    </message>
    <message>
        <source>&amp;Try now</source>
        <translation>Essayer &amp;maintenant</translation>
    </message>
    <message>
        <source>Waiting for the server</source>
        <translation>En attente du serveur</translation>
    </message>
    <message>
        <source>Try to reach the server now</source>
        <translation>Essayer de joindre le serveur maintenant</translation>
    </message>
</context>
<context>
    <name>Natter::Client::SignUpPage</name>
    <message>
        <source>&amp;Keep me signed in</source>
        <translation>&amp;Rester connecté</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>&amp;Créer le compte</translation>
    </message>
    <message>
        <source>Create a Natter account</source>
        <translation>Créer un compte Natter</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Mot de passe à nouveau</translation>
    </message>
    <message>
        <source>Keep me signed in</source>
        <translation>Rester connecté</translation>
    </message>
    <message>
        <source>Account rules</source>
        <translation>Règles du compte</translation>
    </message>
    <message>
        <source>Sign-up error</source>
        <translation>Erreur d’inscription</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Créer le compte</translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation>J’ai déjà un compte</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Nom d’&amp;utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>À &amp;nouveau :</translation>
    </message>
    <message>
        <source>A username is 3 to 32 letters, digits, dots, dashes or underscores.</source>
        <translation>Un nom d’utilisateur compte de 3 à 32 lettres, chiffres, points, tirets ou tirets bas.</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters.</source>
        <translation>Un mot de passe doit compter au moins 8 caractères.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe diffèrent.</translation>
    </message>
    <message>
        <source>3–32 characters: letters, digits, . _ -; a password of at least 8.</source>
        <translation>3 à 32 caractères : lettres, chiffres, . _ - ; un mot de passe d’au moins 8.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Création…</translation>
    </message>
</context>
<context>
    <name>Natter::Client::TrayNotifier</name>
    <message numerus="yes">
        <source>Natter: %n unread message(s)</source>
        <translation>
            <numerusform>Natter : %n message non lu</numerusform>
            <numerusform>Natter : %n messages non lus</numerusform>
        </translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 dans %2</translation>
    </message>
    <message>
        <source>%1 mentioned you in %2</source>
        <translation>%1 vous a mentionné dans %2</translation>
    </message>
    <message>
        <source>&amp;Show Natter</source>
        <translation>&amp;Afficher Natter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message numerus="yes">
        <source>Natter, %1: %n unread message(s)</source>
        <translation>
            <numerusform>Natter, %1 : %n message non lu</numerusform>
            <numerusform>Natter, %1 : %n messages non lus</numerusform>
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
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Trusted certificates</source>
        <translation>Certificats approuvés</translation>
    </message>
    <message>
        <source>Servers whose self-signed certificate you chose to trust, with its SHA-256 fingerprint. Remove one only when its operator has told you that the certificate was replaced: Natter will then ask again.</source>
        <translation>Les serveurs dont vous avez choisi d’approuver le certificat auto-signé, avec son empreinte SHA-256. N’en retirez un que si son administrateur vous a dit que le certificat a été remplacé : Natter vous redemandera alors.</translation>
    </message>
    <message>
        <source>Remove the selected certificate</source>
        <translation>Retirer le certificat sélectionné</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Natter: real-time chat on your own server.</source>
        <translation>Natter : discussion en temps réel sur votre propre serveur.</translation>
    </message>
    <message>
        <source>Settings profile: separate settings and stored session (default: default).</source>
        <translation>Profil de réglages : réglages et session enregistrée séparés (par défaut : default).</translation>
    </message>
    <message>
        <source>Language, e.g. fr or de (default: the system&apos;s).</source>
        <translation>Langue, par ex. fr ou de (par défaut : celle du système).</translation>
    </message>
    <message>
        <source>Server to use, e.g. chat.example.org (wss://) or localhost (ws://).</source>
        <translation>Serveur à utiliser, par exemple chat.example.org (wss://) ou localhost (ws://).</translation>
    </message>
</context>
</TS>
