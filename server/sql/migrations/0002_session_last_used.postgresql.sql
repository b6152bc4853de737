-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0002_session_last_used.sql for PostgreSQL: the time is BIGINT.
ALTER TABLE sessions ADD COLUMN last_used_at BIGINT NOT NULL DEFAULT 0;
UPDATE sessions SET last_used_at = created_at;
CREATE INDEX sessions_by_last_use ON sessions(last_used_at);
