-- Version 9: which replica posts a channel's alert-storm digests. During a storm the replica holding
-- a channel's lease folds that channel's new triage messages into its digests; the others post theirs
-- one by one, so a channel gets one digest at a time. A lease lapses unless renewed, so a replica that
-- dies hands the channel on.
--   owner  the replica (host, process and a random part)
--   until  when the lease lapses (UTC text)
CREATE TABLE channel_lease (
    channel  TEXT PRIMARY KEY,
    owner    TEXT NOT NULL,
    until    TEXT NOT NULL
);
