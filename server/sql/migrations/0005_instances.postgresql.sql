-- SPDX-License-Identifier: GPL-3.0-or-later
-- The natterd instances that share this database, with a heartbeat by the database's clock, and the users
-- each holds connections of: a user is online while any instance holds one (ClusterPresence).
CREATE TABLE instances (
    id TEXT PRIMARY KEY,
    started_at BIGINT NOT NULL,
    heartbeat_at BIGINT NOT NULL
);
CREATE TABLE instance_presence (
    instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (instance_id, user_id)
);
CREATE INDEX instance_presence_by_user ON instance_presence(user_id);
