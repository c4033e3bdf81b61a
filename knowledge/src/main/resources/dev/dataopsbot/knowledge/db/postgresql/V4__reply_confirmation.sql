-- Version 4: a reply stays owed until Slack confirms it; the row /healthz writes (as db/sqlite/V4).
ALTER TABLE pending_reply ADD COLUMN attempted_at TEXT;
CREATE TABLE storage_probe (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    probed_at  TEXT    NOT NULL
);
