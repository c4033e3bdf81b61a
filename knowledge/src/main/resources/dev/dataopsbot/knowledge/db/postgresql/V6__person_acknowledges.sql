-- As db/sqlite/V6 (the same SQL runs on both engines).
-- Only a person acknowledges. Before version 6 the source's own recovery (the bot mitigating or
-- resolving an incident when Alertmanager said "resolved" or a success notice arrived) also set
-- acknowledged_at, which made MTTA look seconds long with nobody involved. For incidents that no
-- person acknowledged, the acknowledgement becomes the first mitigation or resolution by a person,
-- or none.
UPDATE incident
SET acknowledged_at = (SELECT min(e.at) FROM timeline_event e
                       WHERE e.incident_id = incident.id AND e.kind IN ('mitigated', 'resolved') AND e.actor <> 'bot')
WHERE acknowledged_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM timeline_event e WHERE e.incident_id = incident.id AND e.kind = 'acknowledged')
  AND EXISTS (SELECT 1 FROM timeline_event e
              WHERE e.incident_id = incident.id AND e.kind IN ('mitigated', 'resolved') AND e.actor = 'bot'
                AND e.at = incident.acknowledged_at);
