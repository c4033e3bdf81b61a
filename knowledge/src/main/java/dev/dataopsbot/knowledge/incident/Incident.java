package dev.dataopsbot.knowledge.incident;

import java.time.Instant;

/**
 * One incident as stored. Times are UTC with millisecond precision; those not reached yet are null.
 *
 * @param linkedTo      the earlier incident with the same fingerprint this one follows, or null
 * @param decidedRule   what decided its classification (a rule's name, {@code catalogue ...}, {@code case ...},
 *                      {@code team case TC-n}), or null when the answer was unknown or it is not known
 * @param rulePack      a short hash of the rule pack in force when it was classified, or null
 * @param confirmed     the latest feedback on the classification: {@link #RIGHT}, {@link #WRONG}, or null
 * @param confirmedMode the mode that feedback confirmed (the classified one when right, the correct one
 *                      when wrong), or null when none was named
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
        Instant resolvedAt,
        String decidedRule,
        String rulePack,
        String confirmed,
        String confirmedMode) {

    /** {@link #confirmed()} after feedback saying the classification was right. */
    public static final String RIGHT = "right";
    /** {@link #confirmed()} after feedback saying it was wrong. */
    public static final String WRONG = "wrong";

    /** An incident whose decider, rule pack and confirmation are not known. */
    public Incident(IncidentKey key, String title, String failureMode, String severity, IncidentStatus status,
                    String fingerprint, SourceIdentity source, String channel, String threadTs, int alertCount,
                    IncidentKey linkedTo, Instant impactStartedAt, Instant detectedAt, Instant acknowledgedAt,
                    Instant mitigatedAt, Instant resolvedAt) {
        this(key, title, failureMode, severity, status, fingerprint, source, channel, threadTs, alertCount, linkedTo,
                impactStartedAt, detectedAt, acknowledgedAt, mitigatedAt, resolvedAt, null, null, null, null);
    }

    public IncidentMetrics metrics() {
        return IncidentMetrics.of(this);
    }

    public boolean isResolved() {
        return status == IncidentStatus.RESOLVED;
    }
}
