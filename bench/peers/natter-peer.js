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
const { parseArgs, promisify } = require('node:util');
const Database = require('better-sqlite3');
const { WebSocketServer, WebSocket } = require('ws');

const { values: args } = parseArgs({
    options: {
        port: { type: 'string' },
        db: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
    },
});
const port = Number(args.port);
if (args.port === undefined || !Number.isInteger(port) || port < 0 || port > 65535 || !args.db) {
    process.stderr.write('usage: node natter-peer.js --port N --db FILE [--host 127.0.0.1]\n');
    process.exit(2);
}

// natterd's benchmark configuration uses the same cost (scrypt_ln=10), so both spend the same CPU per hash.
const SCRYPT = { N: 1024, r: 8, p: 1 };
const scrypt = promisify(crypto.scrypt);
// Unknown users are hashed against this so that a failed login takes as long either way.
const DUMMY_SALT = crypto.randomBytes(16);

const MAX_FRAME = 64 * 1024;
const OUTGOING_CAP = 8 * 1024 * 1024;
const PING_EVERY_MS = 15_000;
const SILENT_LIMIT_MS = 40_000;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const USERNAME_RE = /^[A-Za-z0-9_.-]{3,32}$/;

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

// ---- in-memory state, loaded from the database so that a restart on the same file carries on ----

const users = new Map();       // user id -> {id, username}: exactly the protocol's user object
const rooms = new Map();       // room id -> {id, name, code, owner, members: Set of user ids in join order}
const roomsByCode = new Map(); // code -> room
const roomsOf = new Map();     // user id -> Set of room ids in join order
const connsOf = new Map();     // user id -> Set of signed-in connections; present only while online

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

function addMember(room, userId) {
    room.members.add(userId);
    let mine = roomsOf.get(userId);
    if (!mine) roomsOf.set(userId, (mine = new Set()));
    mine.add(room.id);
}

// ---- helpers ----

class ProtocolError extends Error {
    constructor(code, message) {
        super(message);
        this.code = code;
    }
}

const MESSAGES = {
    bad_request: 'The request is malformed.',
    unknown_type: 'No such request type.',
    unauthenticated: 'Sign in first.',
    invalid_username: 'Usernames are 3-32 characters of A-Z, a-z, 0-9, _, . and -.',
    weak_password: 'Passwords are 8-1024 characters.',
    username_taken: 'That username is taken.',
    bad_credentials: 'Wrong username or password.',
    invalid_token: 'The token is unknown or was revoked.',
    no_such_room: 'No room has that code.',
    not_a_member: 'You are not a member of that room.',
    too_long: 'The message is longer than 4000 characters.',
    internal_error: 'The server failed; nothing changed.',
};
const fail = (code) => new ProtocolError(code, MESSAGES[code]);

const isId = (v) => Number.isSafeInteger(v) && v > 0;

function codePoints(s) {
    let n = 0;
    for (const _ of s) n++;
    return n;
}

function sha256(s) {
    return crypto.createHash('sha256').update(s).digest();
}

function newToken() {
    return crypto.randomBytes(32).toString('base64url');
}

function newRoomCode() {
    // 32 letters, so the low five bits of a random byte pick one without bias.
    for (;;) {
        const bytes = crypto.randomBytes(10);
        let code = '';
        for (const b of bytes) code += CODE_ALPHABET[b & 31];
        if (!roomsByCode.has(code)) return code;
    }
}

function roomJson(room) {
    const members = [];
    for (const id of room.members) {
        const u = users.get(id);
        members.push({ id: u.id, username: u.username, online: connsOf.has(id) });
    }
    return {
        id: room.id, name: room.name, code: room.code, members,
        owner: room.owner, direct: false, read: 0, unread: 0,
    };
}

function messageJson(id, roomId, author, text, ts, clientId) {
    const m = { id, room: roomId, author, text, ts, rev: id };
    if (clientId !== null) m.client_id = clientId;
    return m;
}

// ---- connections ----

class Conn {
    constructor(ws) {
        this.ws = ws;
        this.user = null;
        this.closed = false;
        this.lastHeard = Date.now();
    }

    send(str) {
        const ws = this.ws;
        if (ws.readyState !== WebSocket.OPEN) return;
        // A client that stops reading must not make us buffer without bound.
        if (ws.bufferedAmount > OUTGOING_CAP) {
            ws.close(1008, 'too much unread');
            setTimeout(() => ws.terminate(), 2000).unref();
            return;
        }
        ws.send(str);
    }
}

const conns = new Set();

function sendToUsers(userIds, str, exceptUserId) {
    for (const uid of userIds) {
        if (uid === exceptUserId) continue;
        const set = connsOf.get(uid);
        if (set) for (const c of set) c.send(str);
    }
}

// Everyone who shares a room with the user hears it once, however many rooms they share.
function announcePresence(user, online) {
    const peers = new Set();
    for (const roomId of roomsOf.get(user.id) ?? []) {
        for (const uid of rooms.get(roomId).members) peers.add(uid);
    }
    sendToUsers(peers, JSON.stringify({ type: 'presence', user, online }), user.id);
}

function signIn(conn, user) {
    if (conn.user) {
        if (conn.user.id === user.id) return;
        signOut(conn);
    }
    conn.user = user;
    let set = connsOf.get(user.id);
    if (!set) {
        connsOf.set(user.id, (set = new Set()));
        set.add(conn);
        announcePresence(user, true);
    } else {
        set.add(conn);
    }
}

function signOut(conn) {
    const user = conn.user;
    conn.user = null;
    const set = connsOf.get(user.id);
    set.delete(conn);
    if (set.size === 0) {
        connsOf.delete(user.id);
        announcePresence(user, false);
    }
}

function requireUser(conn) {
    if (!conn.user) throw fail('unauthenticated');
    return conn.user;
}

function memberRoom(user, roomId) {
    const room = rooms.get(roomId);
    if (!room || !room.members.has(user.id)) throw fail('not_a_member');
    return room;
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
        if (typeof username !== 'string' || typeof password !== 'string') throw fail('bad_request');
        if (!USERNAME_RE.test(username)) throw fail('invalid_username');
        const len = codePoints(password);
        if (len < 8 || len > 1024) throw fail('weak_password');
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

    create_room(conn, { name }) {
        if (typeof name !== 'string') throw fail('bad_request');
        name = name.trim();
        const len = codePoints(name);
        if (len < 1 || len > 64) throw fail('bad_request');
        const user = requireUser(conn);
        const code = newRoomCode();
        const id = createRoomTx(name, code, user.id, Date.now());
        const room = { id, name, code, owner: user.id, members: new Set() };
        rooms.set(id, room);
        roomsByCode.set(code, room);
        addMember(room, user.id);
        return { room: roomJson(room) };
    },

    join_room(conn, { code }) {
        if (typeof code !== 'string') throw fail('bad_request');
        const user = requireUser(conn);
        const room = roomsByCode.get(code.trim().toUpperCase());
        if (!room) throw fail('no_such_room');
        if (!room.members.has(user.id)) {
            sql.insertMember.run(room.id, user.id, Date.now());
            addMember(room, user.id);
            const event = { type: 'member_joined', room: room.id, user, online: true };
            sendToUsers(room.members, JSON.stringify(event), user.id);
        }
        return { room: roomJson(room) };
    },

    list_rooms(conn) {
        const user = requireUser(conn);
        const list = [];
        for (const roomId of roomsOf.get(user.id) ?? []) list.push(roomJson(rooms.get(roomId)));
        return { rooms: list };
    },

    send(conn, { room: roomId, text, client_id: clientId = null }) {
        if (!isId(roomId) || typeof text !== 'string' || text.trim() === '') throw fail('bad_request');
        if (clientId !== null) {
            if (typeof clientId !== 'string') throw fail('bad_request');
            const len = codePoints(clientId);
            if (len < 1 || len > 64) throw fail('bad_request');
        }
        const user = requireUser(conn);
        const room = memberRoom(user, roomId);
        if (text.length > 4000 && codePoints(text) > 4000) throw fail('too_long');

        if (clientId !== null) {
            const old = sql.messageByClientId.get(room.id, user.id, clientId);
            if (old) return { message: messageJson(old.id, room.id, user, old.text, old.ts, clientId) };
        }
        // Autocommit: the INSERT is its own transaction and, with synchronous=FULL, on disk when run()
        // returns, so the event and the ok below only ever speak of stored messages.
        const ts = Date.now();
        const id = Number(sql.insertMessage.run(room.id, user.id, text, clientId, ts).lastInsertRowid);
        const message = messageJson(id, room.id, user, text, ts, clientId);
        sendToUsers(room.members, JSON.stringify({ type: 'message', message }));
        return { message };
    },
};

const BAD_REQUEST_NO_ID = JSON.stringify({ type: 'error', code: 'bad_request', message: MESSAGES.bad_request });
const HELLO = JSON.stringify({ type: 'hello', protocol: 1, server: 'natter-peer (node)' });

function replyError(conn, id, err) {
    if (!(err instanceof ProtocolError)) {
        process.stderr.write(`natter-peer: ${err && err.stack || err}\n`);
        err = fail('internal_error');
    }
    conn.send(JSON.stringify({ type: 'error', id, code: err.code, message: err.message }));
}

function onFrame(conn, data, isBinary) {
    conn.lastHeard = Date.now();
    if (isBinary) return conn.send(BAD_REQUEST_NO_ID);
    let req;
    try {
        req = JSON.parse(data);
    } catch {
        return conn.send(BAD_REQUEST_NO_ID);
    }
    if (req === null || typeof req !== 'object' || Array.isArray(req)) return conn.send(BAD_REQUEST_NO_ID);
    const id = req.id;
    if (typeof id !== 'number' && typeof id !== 'string') return conn.send(BAD_REQUEST_NO_ID);
    if (typeof req.type !== 'string') return replyError(conn, id, fail('bad_request'));
    // hasOwn: "constructor" or "__proto__" are unknown types, not the object's own machinery.
    if (!Object.hasOwn(handlers, req.type)) return replyError(conn, id, fail('unknown_type'));

    const reply = (fields) => conn.send(JSON.stringify({ type: 'ok', id, ...fields }));
    try {
        const result = handlers[req.type](conn, req);
        if (result instanceof Promise) result.then(reply, (err) => replyError(conn, id, err));
        else reply(result);
    } catch (err) {
        replyError(conn, id, err);
    }
}

// ---- server ----

const wss = new WebSocketServer({ host: args.host, port, maxPayload: MAX_FRAME, clientTracking: false });

wss.on('connection', (ws) => {
    const conn = new Conn(ws);
    conns.add(conn);
    ws.on('message', (data, isBinary) => onFrame(conn, data, isBinary));
    ws.on('pong', () => { conn.lastHeard = Date.now(); });
    ws.on('error', () => {}); // 'close' follows and does the cleanup
    ws.on('close', () => {
        conn.closed = true;
        conns.delete(conn);
        if (conn.user) signOut(conn);
    });
    conn.send(HELLO);
});

wss.on('listening', () => {
    process.stdout.write(`listening ${wss.address().port}\n`);
});

wss.on('error', (err) => {
    process.stderr.write(`natter-peer: ${err.message}\n`);
    process.exit(1);
});

// Ping everyone every 15 s and drop those we have not heard from in 40 s, as natterd does.
setInterval(() => {
    const now = Date.now();
    for (const conn of conns) {
        if (now - conn.lastHeard > SILENT_LIMIT_MS) conn.ws.terminate();
        else if (conn.ws.readyState === WebSocket.OPEN) conn.ws.ping();
    }
}, PING_EVERY_MS).unref();

function shutdown() {
    db.close();
    process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
