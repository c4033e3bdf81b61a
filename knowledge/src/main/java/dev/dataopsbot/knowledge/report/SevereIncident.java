package dev.dataopsbot.knowledge.report;

import java.time.Instant;
import java.time.Duration;

import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentStatus;

/**
 * A SEV1 or SEV2 incident detected in the window.
 *
 * @param timeToResolve detection → resolution; null while unresolved
 */
public record SevereIncident(IncidentKey key, String severity, String title, IncidentStatus status,
                             Instant detectedAt, Duration timeToResolve) {
}
