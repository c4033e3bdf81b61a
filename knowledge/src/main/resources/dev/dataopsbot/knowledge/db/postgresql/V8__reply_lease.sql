-- Version 8: replies owed in Slack are claimed with a lease (as db/sqlite/V8, whose comments explain it).
ALTER TABLE pending_reply ADD COLUMN claimed_by TEXT;
ALTER TABLE pending_reply ADD COLUMN claimed_until TEXT;
