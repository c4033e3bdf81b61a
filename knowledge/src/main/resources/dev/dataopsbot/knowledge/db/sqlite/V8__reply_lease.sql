-- Version 8: a reply owed in Slack is claimed with a lease before it is posted, so that of several
-- replicas sharing one store exactly one posts it, and a replica that dies holds its replies only until
-- its lease runs out. A new reply is reserved for the replica that stored it (claimed_by NULL,
-- claimed_until its lease); the others may claim it once claimed_until has passed.
--   claimed_by     the replica posting it (host, process and a random part), NULL while reserved
--   claimed_until  when the claim lapses (UTC text, as every time here)
ALTER TABLE pending_reply ADD COLUMN claimed_by TEXT;
ALTER TABLE pending_reply ADD COLUMN claimed_until TEXT;
