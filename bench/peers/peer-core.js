// SPDX-License-Identifier: GPL-3.0-or-later
//
// peer-core: what natter-peer.js and broadcast-peer.js have in common, so that the two benchmark peers
// differ only where the benchmark means them to: how accounts, rooms and messages are stored. Everything a
// client can see apart from that (the command line, the hello, the JSON of every reply, event and error,
// the outgoing cap, ping and idle timeout) is written once here, so the two cannot drift apart and the
// difference between their numbers stays the price of storage and hashing alone.
//
// A server requires this, fills the state below from its storage, and calls serve() with the handlers for
// register, login and resume plus roomHandlers(store) for the rest.

'use strict';

const crypto = require('node:crypto');
const { parseArgs } = require('node:util');
const { WebSocketServer, WebSocket } = require('ws');

const MAX_FRAME = 64 * 1024;
const OUTGOING_CAP = 8 * 1024 * 1024;
const PING_EVERY_MS = 15_000;
const SILENT_LIMIT_MS = 40_000;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const USERNAME_RE = /^[A-Za-z0-9_.-]{3,32}$/;

// Both peers take the same options, so bench/run starts either the same way; natter-peer needs --db,
// broadcast-peer accepts it and ignores it. Exits with the usage line on anything else.
function parseCommandLine(usage, needDb) {
    const { values: args } = parseArgs({
        options: {
            port: { type: 'string' },
            db: { type: 'string' },
            host: { type: 'string', default: '127.0.0.1' },
        },
    });
    const port = Number(args.port);
    if (args.port === undefined || !Number.isInteger(port) || port < 0 || port > 65535
        || (needDb && !args.db)) {
        process.stderr.write(`${usage}\n`);
        process.exit(2);
    }
    return { port, db: args.db, host: args.host };
}

// ---- state ----
// One peer per process, so the state both need is simply this module's: the server loads it from its
// storage (or starts it empty) and keeps it up to date as requests change things.

const users = new Map();       // user id -> {id, username}: exactly the protocol's user object
const rooms = new Map();       // room id -> {id, name, code, owner, members: Set of user ids in join order}
const roomsByCode = new Map(); // code -> room
const roomsOf = new Map();     // user id -> Set of room ids in join order
const connsOf = new Map();     // user id -> Set of signed-in connections; present only while online

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

// What register checks before it looks at storage.
function checkNewAccount(username, password) {
    if (typeof username !== 'string' || typeof password !== 'string') throw fail('bad_request');
    if (!USERNAME_RE.test(username)) throw fail('invalid_username');
    const len = codePoints(password);
    if (len < 8 || len > 1024) throw fail('weak_password');
}

// ---- connections ----

class Conn {
    constructor(ws) {
        this.ws = ws;
        this.user = null;
        // Set on close, for handlers that wait before signing in (natter-peer's scrypt).
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

// ---- room requests ----
// These differ between the peers only in what they store, so the server passes its storage in:
//   store.saveRoom(name, code, ownerId) -> new room id; the owner is stored as its first member
//   store.saveMember(room, userId)      -> stores a join
//   store.findSent(room, user, clientId) -> the message this author already sent with that client_id, or
//                                           undefined
//   store.saveMessage(room, user, text, clientId) -> the new message's JSON, once it is stored, so that the
//                                           event and the ok only ever speak of stored messages
// Each handler returns the ok reply's fields or throws a ProtocolError.

function roomHandlers(store) {
    return {
        create_room(conn, { name }) {
            if (typeof name !== 'string') throw fail('bad_request');
            name = name.trim();
            const len = codePoints(name);
            if (len < 1 || len > 64) throw fail('bad_request');
            const user = requireUser(conn);
            const code = newRoomCode();
            const id = store.saveRoom(name, code, user.id);
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
                store.saveMember(room, user.id);
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

            // A retry with the same client_id gets the first answer again and nobody hears of it twice.
            if (clientId !== null) {
                const old = store.findSent(room, user, clientId);
                if (old) return { message: old };
            }
            const message = store.saveMessage(room, user, text, clientId);
            sendToUsers(room.members, JSON.stringify({ type: 'message', message }));
            return { message };
        },
    };
}

// ---- server ----

const BAD_REQUEST_NO_ID = JSON.stringify({ type: 'error', code: 'bad_request', message: MESSAGES.bad_request });

// Listens on args.host:args.port, prints "listening PORT" once it accepts, and exits on SIGINT/SIGTERM
// after onExit (natter-peer closes its database there). name is the server's ("natter-peer"), for the hello
// and the log; handlers maps request types to functions that return the ok reply's fields, or a Promise of
// them, or throw a ProtocolError.
function serve({ name, args, handlers, onExit = () => {} }) {
    function replyError(conn, id, err) {
        if (!(err instanceof ProtocolError)) {
            process.stderr.write(`${name}: ${err && err.stack || err}\n`);
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
        if (req === null || typeof req !== 'object' || Array.isArray(req)) {
            return conn.send(BAD_REQUEST_NO_ID);
        }
        const id = req.id;
        if (typeof id !== 'number' && typeof id !== 'string') return conn.send(BAD_REQUEST_NO_ID);
        if (typeof req.type !== 'string') return replyError(conn, id, fail('bad_request'));
        // hasOwn: "constructor" or "__proto__" are unknown types, not the object's own machinery.
        if (!Object.hasOwn(handlers, req.type)) return replyError(conn, id, fail('unknown_type'));

        const reply = (fields) => conn.send(JSON.stringify({ type: 'ok', id, ...fields }));
        try {
            // Only natter-peer's register and login return a Promise (they wait for scrypt).
            const result = handlers[req.type](conn, req);
            if (result instanceof Promise) result.then(reply, (err) => replyError(conn, id, err));
            else reply(result);
        } catch (err) {
            replyError(conn, id, err);
        }
    }

    const hello = JSON.stringify({ type: 'hello', protocol: 1, server: `${name} (node)` });
    const wss = new WebSocketServer({
        host: args.host, port: args.port, maxPayload: MAX_FRAME, clientTracking: false,
    });

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
        conn.send(hello);
    });

    wss.on('listening', () => {
        process.stdout.write(`listening ${wss.address().port}\n`);
    });

    wss.on('error', (err) => {
        process.stderr.write(`${name}: ${err.message}\n`);
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

    const shutdown = () => {
        onExit();
        process.exit(0);
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
}

module.exports = {
    parseCommandLine,
    users, rooms, roomsByCode, addMember,
    fail, newToken, messageJson, checkNewAccount, signIn,
    roomHandlers, serve,
};
