-- SPDX-License-Identifier: GPL-3.0-or-later
-- Messaging: edits, deletions, replies, reactions, mentions, a change counter per room, read positions,
-- room owners (rooms.created_by), direct conversations and full-text search.

-- Every change to a room's messages (sent, edited, deleted, reacted to) takes the next value of the room's
-- counter, and the message keeps the value of its last change: "what changed since N" is one index range.
ALTER TABLE rooms ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
-- 0: a room joined by access code; 1: the direct conversation of two users (see direct_rooms).
ALTER TABLE rooms ADD COLUMN kind INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN edited_at INTEGER;
ALTER TABLE messages ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
-- A reply keeps what it quoted: the message, its author and the start of its text when the reply was sent.
-- The excerpt becomes NULL when that message is deleted.
ALTER TABLE messages ADD COLUMN reply_to INTEGER;
ALTER TABLE messages ADD COLUMN reply_author_id INTEGER REFERENCES users(id);
ALTER TABLE messages ADD COLUMN reply_excerpt TEXT;
-- JSON, NULL for none: [{"emoji":str,"users":[id...]}...] and [id...].
ALTER TABLE messages ADD COLUMN reactions TEXT;
ALTER TABLE messages ADD COLUMN mentions TEXT;
UPDATE messages SET rev = id;
UPDATE rooms SET rev = COALESCE((SELECT MAX(m.id) FROM messages m WHERE m.room_id = rooms.id), 0);
CREATE INDEX messages_by_rev ON messages(room_id, rev);
CREATE INDEX messages_by_reply ON messages(reply_to) WHERE reply_to IS NOT NULL;

-- How far each user has read each room: a message id, only ever moved forward.
CREATE TABLE read_markers (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    room_id INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
    message_id INTEGER NOT NULL,
    PRIMARY KEY (user_id, room_id)
);
INSERT INTO read_markers (user_id, room_id, message_id)
    SELECT ms.user_id, ms.room_id, COALESCE((SELECT MAX(m.id) FROM messages m WHERE m.room_id = ms.room_id), 0)
    FROM memberships ms;

-- The one direct conversation of two users, user_a < user_b.
CREATE TABLE direct_rooms (
    user_a INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    user_b INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    room_id INTEGER NOT NULL UNIQUE REFERENCES rooms(id) ON DELETE CASCADE,
    PRIMARY KEY (user_a, user_b)
);

-- The search index over message text, kept by MessageRepository in the same transaction as each change.
CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages;
