-- The team's own labelled cases: an alert someone corrected ("wrong, it is M") or confirmed
-- ("right"). They sit beside the bundled case library in the nearest-neighbour vote and win over
-- it for near-duplicates. The text is the alert as stored: redacted.
CREATE TABLE team_case (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    mode         TEXT    NOT NULL,
    system       TEXT    NOT NULL DEFAULT 'team',
    text         TEXT    NOT NULL,
    incident_id  INTEGER REFERENCES incident (id),
    added_by     TEXT    NOT NULL,
    added_at     TEXT    NOT NULL,
    origin       TEXT    NOT NULL CHECK (origin IN ('correction', 'confirmation', 'import')),
    note         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX team_case_by_incident ON team_case (incident_id);
