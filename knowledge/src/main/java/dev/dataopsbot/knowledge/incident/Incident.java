package dev.dataopsbot.knowledge.incident;

import java.time.Instant;

/**
 * One incident as stored. Times are UTC with millisecond precision; those not reached yet are null.
 *
 * @param linkedTo the earlier incident with the same fingerprint this one follows, or null
 */
public record Incident(
        IncidentKey key,
        String title,
        String failureMode,
        String severity,
        IncidentStatus status,
        String fingerprint,
        SourceIdentity source,
        String channel,
        String threadTs,
        int alertCount,
        IncidentKey linkedTo,
        Instant impactStartedAt,
        Instant detectedAt,
        Instant acknowledgedAt,
        Instant mitigatedAt,
        Instant resolvedAt) {

    public IncidentMetrics metrics() {
        return IncidentMetrics.of(this);
    }

    public boolean isResolved() {
        return status == IncidentStatus.RESOLVED;
    }
}
