package dev.dataopsbot.knowledge.report;

import java.time.Duration;
import java.time.Instant;

import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentStatus;

/**
 * An incident not resolved when the report was made, whenever it was detected.
 *
 * @param age time from detection to the end of the report's window
 */
public record OpenIncident(IncidentKey key, String title, String failureMode, String severity,
                           IncidentStatus status, Instant detectedAt, Duration age) {
}
