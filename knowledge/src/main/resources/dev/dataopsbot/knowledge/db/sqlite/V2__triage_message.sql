-- Version 2: where each incident's triage message was posted in Slack, so that buttons, commands
-- and repeats can update it in place (chat.update needs the channel and the message's ts).
CREATE TABLE triage_message (
    incident_id  INTEGER PRIMARY KEY REFERENCES incident (id),
    channel      TEXT    NOT NULL,
    ts           TEXT    NOT NULL,
    posted_at    TEXT    NOT NULL
);
