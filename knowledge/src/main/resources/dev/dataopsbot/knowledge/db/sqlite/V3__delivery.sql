-- Version 3: replies owed in Slack for stored alerts, written with the alert and deleted once
-- posted, so a crash between the ack and the reply loses nothing; and the lookups that alert
-- threads need (an incident by its Slack thread, an open incident by its pipeline object).
CREATE TABLE pending_reply (
    id           INTEGER PRIMARY KEY,
    incident_id  INTEGER NOT NULL REFERENCES incident (id),
    kind         TEXT    NOT NULL CHECK (kind IN ('triage', 'pointer', 'recovery', 'escalation')),
    channel      TEXT    NOT NULL,
    thread_ts    TEXT,
    created_at   TEXT    NOT NULL
);
CREATE INDEX incident_by_thread ON incident (channel, thread_ts);
CREATE INDEX incident_by_dag_task ON incident (dag_id, task_id);
CREATE INDEX incident_by_model ON incident (model);
CREATE INDEX incident_by_table ON incident (table_name);
