-- Version 9: which replica posts a channel's alert-storm digests (as db/sqlite/V9, whose comments explain it).
CREATE TABLE channel_lease (
    channel  TEXT PRIMARY KEY,
    owner    TEXT NOT NULL,
    until    TEXT NOT NULL
);
