-- Version 7: what decided each incident's classification and what people said of it, kept on the
-- incident so that the report counts each rule's precision in one grouped query (no JSON there).
--   decided_rule    the rule's name ("rate_limit: http 429 too many requests"), the catalogue entry
--                   ("catalogue http-status: 429"), the case ("case <id>") or the team case
--                   ("team case TC-3") that decided; NULL when the answer was unknown or nothing is known
--   rule_pack       a short hash of the rule pack in force when it was classified; NULL before version 7
--   confirmed       the latest feedback: 'right', 'wrong', or NULL when nobody said
--   confirmed_mode  the mode people confirmed: the classified one after 'right', the correct one after
--                   'wrong' (NULL when they named none)
ALTER TABLE incident ADD COLUMN decided_rule TEXT;
ALTER TABLE incident ADD COLUMN rule_pack TEXT;
ALTER TABLE incident ADD COLUMN confirmed TEXT CHECK (confirmed IN ('right', 'wrong'));
ALTER TABLE incident ADD COLUMN confirmed_mode TEXT;

-- Older incidents get the decider from their first 'classified' event. Decided by the rules (or by
-- weak rules with the cases agreeing; rows older than decided_by count as the rules): the rule of the
-- first evidence line, when that line supports the classified mode. Decided by the cases or a team
-- case: the closest case voting for the classified mode (a team case for a team case decision), as
-- the decision's reason names it, else the closest case. An unknown answer has no decider. The rule
-- pack of those classifications was never recorded and stays NULL.
UPDATE incident
SET decided_rule = (
    SELECT CASE
        WHEN coalesce(json_extract(e.detail, '$.decided_by'), 'rules') IN ('rules', 'rules and cases')
            THEN CASE WHEN json_extract(e.detail, '$.evidence[0].failure_mode') = incident.failure_mode
                      THEN json_extract(e.detail, '$.evidence[0].rule') END
        WHEN json_extract(e.detail, '$.decided_by') = 'cases'
            THEN 'case ' || coalesce(
                (SELECT json_extract(n.value, '$.id') FROM json_each(e.detail, '$.nearest_cases') n
                 WHERE json_extract(n.value, '$.failure_mode') = incident.failure_mode ORDER BY n.key LIMIT 1),
                json_extract(e.detail, '$.nearest_cases[0].id'))
        WHEN json_extract(e.detail, '$.decided_by') = 'team case'
            THEN 'team case ' || coalesce(
                (SELECT json_extract(n.value, '$.id') FROM json_each(e.detail, '$.nearest_cases') n
                 WHERE json_extract(n.value, '$.failure_mode') = incident.failure_mode
                   AND json_extract(n.value, '$.team') ORDER BY n.key LIMIT 1),
                json_extract(e.detail, '$.nearest_cases[0].id'))
        END
    FROM timeline_event e
    WHERE e.incident_id = incident.id AND e.kind = 'classified'
    ORDER BY e.id
    LIMIT 1)
WHERE failure_mode <> 'unknown';

-- The latest feedback wins: "right" confirms the classified mode, "wrong" names the correct one or none.
UPDATE incident
SET (confirmed, confirmed_mode) = (
    SELECT CASE WHEN json_extract(f.detail, '$.correct') THEN 'right' ELSE 'wrong' END,
           CASE WHEN json_extract(f.detail, '$.correct') THEN json_extract(f.detail, '$.classified_as')
                ELSE json_extract(f.detail, '$.correct_mode') END
    FROM timeline_event f
    WHERE f.incident_id = incident.id AND f.kind = 'feedback'
    ORDER BY f.id DESC
    LIMIT 1)
WHERE EXISTS (SELECT 1 FROM timeline_event f WHERE f.incident_id = incident.id AND f.kind = 'feedback');
