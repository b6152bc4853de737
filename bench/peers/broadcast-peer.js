// SPDX-License-Identifier: GPL-3.0-or-later
//
// broadcast-peer: the transport-only upper bound for the benchmark. Same protocol subset, same JSON and the
// same ws code path as natter-peer.js, but nothing is stored: users, tokens, rooms and messages live in Maps,
// passwords are not hashed and a send is broadcast and answered at once. Whatever natterd or natter-peer
// spend beyond this is the price of durability and password hashing.
//
// Usage: node broadcast-peer.js --port N [--db FILE] [--host 127.0.0.1]   (--db is accepted and ignored)
// Prints "listening PORT" on stdout once it accepts connections (port 0 picks a free one).

'use strict';

const core = require('./peer-core');
const { users, fail, newToken, messageJson, checkNewAccount, signIn } = core;

const args = core.parseCommandLine(
    'usage: node broadcast-peer.js --port N [--db FILE] [--host 127.0.0.1]', false);

// ---- state: peer-core's maps and these, all of it in memory, gone when the process exits ----

const accounts = new Map();    // lower-cased username -> {user, password}
const tokens = new Map();      // token -> user
// "room:author:client_id" -> message, for idempotent retries (the benchmark's runs are bounded, so this
// grows only as far as a run sends).
const byClientId = new Map();
let lastUserId = 0;
let lastRoomId = 0;
let lastMessageId = 0;

function openSession(user) {
    const token = newToken();
    tokens.set(token, user);
    return token;
}

// ---- requests: each returns the ok reply's fields or throws a ProtocolError ----

const handlers = {
    register(conn, { username, password }) {
        checkNewAccount(username, password);
        const key = username.toLowerCase();
        if (accounts.has(key)) throw fail('username_taken');
        const user = { id: ++lastUserId, username };
        users.set(user.id, user);
        accounts.set(key, { user, password });
        const token = openSession(user);
        signIn(conn, user);
        return { user, token };
    },

    login(conn, { username, password }) {
        if (typeof username !== 'string' || typeof password !== 'string') throw fail('bad_request');
        const account = accounts.get(username.toLowerCase());
        if (!account || account.password !== password) throw fail('bad_credentials');
        const token = openSession(account.user);
        signIn(conn, account.user);
        return { user: account.user, token };
    },

    resume(conn, { token }) {
        if (typeof token !== 'string') throw fail('bad_request');
        const user = tokens.get(token);
        if (!user) throw fail('invalid_token');
        signIn(conn, user);
        return { user };
    },

    ...core.roomHandlers({
        saveRoom: () => ++lastRoomId,
        saveMember() {},
        findSent: (room, user, clientId) => byClientId.get(`${room.id}:${user.id}:${clientId}`),

        saveMessage(room, user, text, clientId) {
            const message = messageJson(++lastMessageId, room.id, user, text, Date.now(), clientId);
            if (clientId !== null) byClientId.set(`${room.id}:${user.id}:${clientId}`, message);
            return message;
        },
    }),
};

core.serve({ name: 'broadcast-peer', args, handlers });
