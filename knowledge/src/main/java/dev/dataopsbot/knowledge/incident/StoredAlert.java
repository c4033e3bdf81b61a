package dev.dataopsbot.knowledge.incident;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An alert as stored on an incident: the redacted text and the fields parsed from it.
 *
 * @param source where it came from: {@code cli}, {@code slack}, {@code alertmanager}...
 * @param fields the entities parsed from it (system, dag_id, table, ...) and, under {@value SourceAlert#FIELD},
 *               the alert as its source described it
 */
public record StoredAlert(long id, IncidentKey incident, Instant receivedAt, String source, String text, JsonNode fields) {

    /** The alert as its source described it (name, labels, links), when the source gave more than text. */
    public Optional<SourceAlert> sourceAlert() {
        return fields == null ? Optional.empty() : SourceAlert.fromJson(fields.get(SourceAlert.FIELD));
    }
}
