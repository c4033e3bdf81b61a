package dev.dataopsbot.knowledge.incident;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An alert as stored on an incident: the redacted text and the fields parsed from it.
 *
 * @param source where it came from: {@code cli}, {@code slack}, {@code alertmanager}...
 * @param fields the entities parsed from it (system, dag_id, table, ...)
 */
public record StoredAlert(long id, IncidentKey incident, Instant receivedAt, String source, String text, JsonNode fields) {
}
