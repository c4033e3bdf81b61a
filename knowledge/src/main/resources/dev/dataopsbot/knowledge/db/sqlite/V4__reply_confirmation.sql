-- Version 4: a reply stays owed until Slack confirms it. attempted_at is set before the first
-- post, so that after a crash, a timeout or a 5xx the bot looks for the message in Slack (by
-- its metadata) before posting again. storage_probe is the one row /healthz writes to prove
-- that the database can still be written.
ALTER TABLE pending_reply ADD COLUMN attempted_at TEXT;
CREATE TABLE storage_probe (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    probed_at  TEXT    NOT NULL
);
