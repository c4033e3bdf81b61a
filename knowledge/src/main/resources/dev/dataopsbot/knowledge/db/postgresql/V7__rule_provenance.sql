-- Version 7: what decided each incident's classification and what people said of it (as
-- db/sqlite/V7, whose comments explain the columns). The backfill reads the timeline's JSON with
-- PostgreSQL's operators instead of SQLite's json_extract.
ALTER TABLE incident ADD COLUMN decided_rule TEXT;
ALTER TABLE incident ADD COLUMN rule_pack TEXT;
ALTER TABLE incident ADD COLUMN confirmed TEXT CHECK (confirmed IN ('right', 'wrong'));
ALTER TABLE incident ADD COLUMN confirmed_mode TEXT;

UPDATE incident
SET decided_rule = (
    SELECT CASE
        WHEN coalesce(CAST(e.detail AS jsonb) ->> 'decided_by', 'rules') IN ('rules', 'rules and cases')
            THEN CASE WHEN CAST(e.detail AS jsonb) #>> '{evidence,0,failure_mode}' = incident.failure_mode
                      THEN CAST(e.detail AS jsonb) #>> '{evidence,0,rule}' END
        WHEN CAST(e.detail AS jsonb) ->> 'decided_by' = 'cases'
            THEN 'case ' || coalesce(
                (SELECT n.value ->> 'id' FROM jsonb_array_elements(CAST(e.detail AS jsonb) -> 'nearest_cases')
                     WITH ORDINALITY AS n(value, position)
                 WHERE n.value ->> 'failure_mode' = incident.failure_mode ORDER BY n.position LIMIT 1),
                CAST(e.detail AS jsonb) #>> '{nearest_cases,0,id}')
        WHEN CAST(e.detail AS jsonb) ->> 'decided_by' = 'team case'
            THEN 'team case ' || coalesce(
                (SELECT n.value ->> 'id' FROM jsonb_array_elements(CAST(e.detail AS jsonb) -> 'nearest_cases')
                     WITH ORDINALITY AS n(value, position)
                 WHERE n.value ->> 'failure_mode' = incident.failure_mode AND (n.value ->> 'team') = 'true'
                 ORDER BY n.position LIMIT 1),
                CAST(e.detail AS jsonb) #>> '{nearest_cases,0,id}')
        END
    FROM timeline_event e
    WHERE e.incident_id = incident.id AND e.kind = 'classified'
    ORDER BY e.id
    LIMIT 1)
WHERE failure_mode <> 'unknown';

UPDATE incident
SET (confirmed, confirmed_mode) = (
    SELECT CASE WHEN (CAST(f.detail AS jsonb) ->> 'correct') = 'true' THEN 'right' ELSE 'wrong' END,
           CASE WHEN (CAST(f.detail AS jsonb) ->> 'correct') = 'true' THEN CAST(f.detail AS jsonb) ->> 'classified_as'
                ELSE CAST(f.detail AS jsonb) ->> 'correct_mode' END
    FROM timeline_event f
    WHERE f.incident_id = incident.id AND f.kind = 'feedback'
    ORDER BY f.id DESC
    LIMIT 1)
WHERE EXISTS (SELECT 1 FROM timeline_event f WHERE f.incident_id = incident.id AND f.kind = 'feedback');
