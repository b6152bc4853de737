-- SPDX-License-Identifier: GPL-3.0-or-later
-- Lines about a room ("bob joined", "carol left") are stored among its messages, so that history, paging
-- and the change feed carry them like any message: 0 a message, 1 the author joined, 2 the author left.
-- Such a row has no text and is never edited, deleted, reacted to, answered or counted as unread.
-- Joins and leaves from before this version were not recorded and are not made up.
ALTER TABLE messages ADD COLUMN kind INTEGER NOT NULL DEFAULT 0;
