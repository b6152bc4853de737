// SPDX-License-Identifier: GPL-3.0-or-later
//
// natter-peer: what a competent Node.js developer would write for the part of Natter's protocol
// (docs/protocol.md) that the benchmark drives: ws + better-sqlite3 in one process, no tricks. It is the
// benchmark's fair comparison for natterd, so it keeps the guarantees that cost natterd something: scrypt
// for passwords, only token hashes stored, and a send is committed with synchronous=FULL before anyone
// hears of it.
//
// Usage: node natter-peer.js --port N --db FILE [--host 127.0.0.1]
// Prints "listening PORT" on stdout once it accepts connections (port 0 picks a free one).

'use strict';

const crypto = require('node:crypto');
const { promisify } = require('node:util');
const Database = require('better-sqlite3');
const core = require('./peer-core');
const { users, rooms, roomsByCode, addMember, fail, newToken, messageJson, checkNewAccount, signIn } = core;

const args = core.parseCommandLine('usage: node natter-peer.js --port N --db FILE [--host 127.0.0.1]', true);

// natterd's benchmark configuration uses the same cost (scrypt_ln=10), so both spend the same CPU per hash.
const SCRYPT = { N: 1024, r: 8, p: 1 };
const scrypt = promisify(crypto.scrypt);
// Unknown users are hashed against this so that a failed login takes as long either way.
const DUMMY_SALT = crypto.randomBytes(16);

// ---- storage ----

const db = new Database(args.db);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.exec(`
    CREATE TABLE IF NOT EXISTS users (
        id       INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        salt     BLOB NOT NULL,
        hash     BLOB NOT NULL
    );
    CREATE TABLE IF NOT EXISTS sessions (
        token_sha256 BLOB PRIMARY KEY,
        user_id      INTEGER NOT NULL REFERENCES users(id),
        created      INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS rooms (
        id    INTEGER PRIMARY KEY,
        name  TEXT NOT NULL,
        code  TEXT NOT NULL UNIQUE,
        owner INTEGER NOT NULL REFERENCES users(id)
    );
    -- rowid gives the order of joining, which room members and list_rooms are reported in.
    CREATE TABLE IF NOT EXISTS members (
        room_id INTEGER NOT NULL REFERENCES rooms(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        joined  INTEGER NOT NULL,
        UNIQUE (room_id, user_id)
    );
    CREATE TABLE IF NOT EXISTS messages (
        id        INTEGER PRIMARY KEY,
        room_id   INTEGER NOT NULL REFERENCES rooms(id),
        author_id INTEGER NOT NULL REFERENCES users(id),
        text      TEXT NOT NULL,
        client_id TEXT,
        ts        INTEGER NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS messages_client_id
        ON messages (room_id, author_id, client_id) WHERE client_id IS NOT NULL;
`);

const sql = {
    insertUser: db.prepare('INSERT INTO users (username, salt, hash) VALUES (?, ?, ?)'),
    userByName: db.prepare('SELECT id, username, salt, hash FROM users WHERE username = ?'),
    insertSession: db.prepare('INSERT INTO sessions (token_sha256, user_id, created) VALUES (?, ?, ?)'),
    userOfSession: db.prepare('SELECT user_id FROM sessions WHERE token_sha256 = ?').pluck(),
    insertRoom: db.prepare('INSERT INTO rooms (name, code, owner) VALUES (?, ?, ?)'),
    insertMember: db.prepare('INSERT INTO members (room_id, user_id, joined) VALUES (?, ?, ?)'),
    insertMessage: db.prepare(
        'INSERT INTO messages (room_id, author_id, text, client_id, ts) VALUES (?, ?, ?, ?, ?)'),
    messageByClientId: db.prepare(
        'SELECT id, text, ts FROM messages WHERE room_id = ? AND author_id = ? AND client_id = ?'),
};

// A user and their first session go in together, so that a crash cannot leave an account whose
// registration was never answered with a token.
const registerTx = db.transaction((username, salt, hash, tokenHash, now) => {
    const id = Number(sql.insertUser.run(username, salt, hash).lastInsertRowid);
    sql.insertSession.run(tokenHash, id, now);
    return id;
});
const createRoomTx = db.transaction((name, code, owner, now) => {
    const id = Number(sql.insertRoom.run(name, code, owner).lastInsertRowid);
    sql.insertMember.run(id, owner, now);
    return id;
});

// ---- peer-core's in-memory state, loaded from the database so that a restart carries on ----

for (const u of db.prepare('SELECT id, username FROM users').iterate()) {
    users.set(u.id, { id: u.id, username: u.username });
}
for (const r of db.prepare('SELECT id, name, code, owner FROM rooms').iterate()) {
    const room = { id: r.id, name: r.name, code: r.code, owner: r.owner, members: new Set() };
    rooms.set(room.id, room);
    roomsByCode.set(room.code, room);
}
for (const m of db.prepare('SELECT room_id, user_id FROM members ORDER BY rowid').iterate()) {
    addMember(rooms.get(m.room_id), m.user_id);
}

function sha256(s) {
    return crypto.createHash('sha256').update(s).digest();
}

function openSession(userId) {
    const token = newToken();
    sql.insertSession.run(sha256(token), userId, Date.now());
    return token;
}

// ---- requests: each returns the ok reply's fields or throws a ProtocolError ----
// register and login wait for scrypt on libuv's thread pool; the connection may have closed meanwhile, and
// signing a closed connection in would leave it in connsOf for good.

const handlers = {
    async register(conn, { username, password }) {
        checkNewAccount(username, password);
        // Checked before hashing too, so a taken name costs no scrypt.
        if (sql.userByName.get(username)) throw fail('username_taken');
        const salt = crypto.randomBytes(16);
        const hash = await scrypt(password, salt, 32, SCRYPT);
        const token = newToken();
        let id;
        try {
            id = registerTx(username, salt, hash, sha256(token), Date.now());
        } catch (e) {
            if (e.code === 'SQLITE_CONSTRAINT_UNIQUE') throw fail('username_taken');
            throw e;
        }
        const user = { id, username };
        users.set(id, user);
        if (!conn.closed) signIn(conn, user);
        return { user, token };
    },

    async login(conn, { username, password }) {
        if (typeof username !== 'string' || typeof password !== 'string') throw fail('bad_request');
        const row = sql.userByName.get(username);
        const hash = await scrypt(password, row ? row.salt : DUMMY_SALT, 32, SCRYPT);
        if (!row || !crypto.timingSafeEqual(hash, row.hash)) throw fail('bad_credentials');
        const user = users.get(row.id);
        const token = openSession(user.id);
        if (!conn.closed) signIn(conn, user);
        return { user, token };
    },

    resume(conn, { token }) {
        if (typeof token !== 'string') throw fail('bad_request');
        const userId = sql.userOfSession.get(sha256(token));
        if (userId === undefined) throw fail('invalid_token');
        const user = users.get(userId);
        signIn(conn, user);
        return { user };
    },

    ...core.roomHandlers({
        saveRoom: (name, code, ownerId) => createRoomTx(name, code, ownerId, Date.now()),

        saveMember(room, userId) {
            sql.insertMember.run(room.id, userId, Date.now());
        },

        findSent(room, user, clientId) {
            const old = sql.messageByClientId.get(room.id, user.id, clientId);
            return old && messageJson(old.id, room.id, user, old.text, old.ts, clientId);
        },

        saveMessage(room, user, text, clientId) {
            // Autocommit: the INSERT is its own transaction and, with synchronous=FULL, on disk when run()
            // returns, so the event and the ok only ever speak of stored messages.
            const ts = Date.now();
            const id = Number(sql.insertMessage.run(room.id, user.id, text, clientId, ts).lastInsertRowid);
            return messageJson(id, room.id, user, text, ts, clientId);
        },
    }),
};

core.serve({ name: 'natter-peer', args, handlers, onExit: () => db.close() });
