<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ErrorText</name>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many attempts. Try again in %n second.</numerusform>
            <numerusform>Too many attempts. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::MainWindow</name>
    <message numerus="yes">
        <source>Connection lost. Reconnecting in %n s…</source>
        <translation>
            <numerusform>Connection lost. Reconnecting in %n s…</numerusform>
            <numerusform>Connection lost. Reconnecting in %n s…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot reach %1. Trying again in %n s…</source>
        <translation>
            <numerusform>Cannot reach %1. Trying again in %n s…</numerusform>
            <numerusform>Cannot reach %1. Trying again in %n s…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cannot reach %1. You are still signed in as %2: Natter opens your rooms as soon as the server answers. Trying again in %n s…</source>
        <translation>
            <numerusform>Cannot reach %1. You are still signed in as %2: Natter opens your rooms as soon as the server answers. Trying again in %n s…</numerusform>
            <numerusform>Cannot reach %1. You are still signed in as %2: Natter opens your rooms as soon as the server answers. Trying again in %n s…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::MessageModel</name>
    <message numerus="yes">
        <source>%1: %n reaction(s).</source>
        <translation>
            <numerusform>%1: %n reaction.</numerusform>
            <numerusform>%1: %n reactions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::OfflineBanner</name>
    <message numerus="yes">
        <source>Offline: trying again in %n s…</source>
        <translation>
            <numerusform>Offline: trying again in %n s…</numerusform>
            <numerusform>Offline: trying again in %n s…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::RoomListModel</name>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n unread</numerusform>
            <numerusform>%1, %n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::Client::TrayNotifier</name>
    <message numerus="yes">
        <source>Natter: %n unread message(s)</source>
        <translation>
            <numerusform>Natter: %n unread message</numerusform>
            <numerusform>Natter: %n unread messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Natter, %1: %n unread message(s)</source>
        <translation>
            <numerusform>Natter, %1: %n unread message</numerusform>
            <numerusform>Natter, %1: %n unread messages</numerusform>
        </translation>
    </message>
</context>
</TS>
