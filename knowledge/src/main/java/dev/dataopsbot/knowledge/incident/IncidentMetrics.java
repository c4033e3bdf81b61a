package dev.dataopsbot.knowledge.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Durations from an incident's named timestamps. Each is empty while its end is unknown.
 *
 * @param timeToDetect      impact start → first alert (only when the impact start is known)
 * @param timeToAcknowledge first alert → acknowledgement
 * @param timeToMitigate    first alert → mitigation
 * @param timeToResolve     first alert → resolution
 */
public record IncidentMetrics(Optional<Duration> timeToDetect, Optional<Duration> timeToAcknowledge,
                              Optional<Duration> timeToMitigate, Optional<Duration> timeToResolve) {

    static IncidentMetrics of(Incident incident) {
        return new IncidentMetrics(
                between(incident.impactStartedAt(), incident.detectedAt()),
                between(incident.detectedAt(), incident.acknowledgedAt()),
                between(incident.detectedAt(), incident.mitigatedAt()),
                between(incident.detectedAt(), incident.resolvedAt()));
    }

    private static Optional<Duration> between(Instant start, Instant end) {
        if (start == null || end == null) {
            return Optional.empty();
        }
        Duration d = Duration.between(start, end);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
    }
}
