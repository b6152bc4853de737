-- SPDX-License-Identifier: GPL-3.0-or-later
-- Sessions expire after an idle time: remember when each was last used (sign-in or resume).
ALTER TABLE sessions ADD COLUMN last_used_at INTEGER NOT NULL DEFAULT 0;
UPDATE sessions SET last_used_at = created_at;
CREATE INDEX sessions_by_last_use ON sessions(last_used_at);
