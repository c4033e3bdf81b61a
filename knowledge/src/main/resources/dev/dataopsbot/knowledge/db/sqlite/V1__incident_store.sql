-- Version 1 of the incident store. Never edit a migration once released: add V2__... instead.
-- Times are UTC text with milliseconds, e.g. 2026-11-25T04:30:00.123Z.

-- AUTOINCREMENT: the n of INC-n is never reused, even after the newest incident is deleted.
CREATE TABLE incident (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    title               TEXT    NOT NULL,
    failure_mode        TEXT    NOT NULL,
    severity            TEXT    NOT NULL CHECK (severity IN ('SEV1', 'SEV2', 'SEV3', 'SEV4')),
    status              TEXT    NOT NULL CHECK (status IN ('open', 'acknowledged', 'mitigated', 'resolved')),
    fingerprint         TEXT    NOT NULL,
    system              TEXT,
    dag_id              TEXT,
    task_id             TEXT,
    model               TEXT,
    table_name          TEXT,
    channel             TEXT,
    thread_ts           TEXT,
    alert_count         INTEGER NOT NULL DEFAULT 1,
    linked_incident_id  INTEGER REFERENCES incident (id),
    impact_started_at   TEXT,
    detected_at         TEXT    NOT NULL,
    acknowledged_at     TEXT,
    mitigated_at        TEXT,
    resolved_at         TEXT
);
CREATE INDEX incident_by_fingerprint ON incident (fingerprint, status);
CREATE INDEX incident_by_detection ON incident (detected_at);

CREATE TABLE timeline_event (
    id           INTEGER PRIMARY KEY,
    incident_id  INTEGER NOT NULL REFERENCES incident (id),
    at           TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('alert_received', 'alert_repeated', 'classified', 'runbook_suggested',
                     'acknowledged', 'severity_changed', 'status_update', 'note', 'action_item', 'mitigated',
                     'resolved', 'reopened', 'summary_generated', 'feedback')),
    actor        TEXT    NOT NULL,
    text         TEXT    NOT NULL DEFAULT '',
    detail       TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX timeline_by_incident ON timeline_event (incident_id, id);

-- The timeline is append-only: a correction is a new event.
CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline_event
BEGIN
    SELECT RAISE(ABORT, 'timeline events are append-only');
END;
CREATE TRIGGER timeline_no_delete BEFORE DELETE ON timeline_event
BEGIN
    SELECT RAISE(ABORT, 'timeline events are append-only');
END;

-- The redacted alert text as received, and the fields parsed from it (JSON).
CREATE TABLE alert (
    id           INTEGER PRIMARY KEY,
    incident_id  INTEGER NOT NULL REFERENCES incident (id),
    received_at  TEXT    NOT NULL,
    source       TEXT    NOT NULL,
    text         TEXT    NOT NULL,
    fields       TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX alert_by_incident ON alert (incident_id);

CREATE TABLE runbook_suggestion (
    id            INTEGER PRIMARY KEY,
    incident_id   INTEGER NOT NULL REFERENCES incident (id),
    suggested_at  TEXT    NOT NULL,
    runbook_id    TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    path          TEXT    NOT NULL,
    score         REAL    NOT NULL,
    snippet       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX runbook_suggestion_by_incident ON runbook_suggestion (incident_id);

-- Slack event ids, webhook deliveries: a retried delivery is applied once.
CREATE TABLE processed_event (
    source        TEXT NOT NULL,
    external_id   TEXT NOT NULL,
    processed_at  TEXT NOT NULL,
    PRIMARY KEY (source, external_id)
) WITHOUT ROWID;
