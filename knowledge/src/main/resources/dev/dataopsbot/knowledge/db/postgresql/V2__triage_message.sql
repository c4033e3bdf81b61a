-- Version 2: where each incident's triage message was posted in Slack (as db/sqlite/V2).
CREATE TABLE triage_message (
    incident_id  BIGINT PRIMARY KEY REFERENCES incident (id),
    channel      TEXT   NOT NULL,
    ts           TEXT   NOT NULL,
    posted_at    TEXT   NOT NULL
);
