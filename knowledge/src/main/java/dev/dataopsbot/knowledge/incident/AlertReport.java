package dev.dataopsbot.knowledge.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A triaged alert handed to the store: the redacted text, what the classifier made of it and the
 * runbooks suggested. The store never sees unredacted text.
 *
 * @param source          where it came from: {@code cli}, {@code slack}, {@code alertmanager}...
 * @param redactedText    the alert text after redaction
 * @param title           a one-line title for a new incident
 * @param entities        the fields parsed from the alert (system, dag_id, task_id, model, table, ...)
 * @param impactStartedAt when the impact began, if the alert says; else null
 * @param channel         Slack channel of the alert, or null
 * @param threadTs        Slack thread of the alert, or null
 * @param safeToRetryReason why re-running is or is not safe, a short phrase; empty when not known
 * @param routing         the route of the team's routing file that matched, or null
 * @param sourceAlert     the alert as its source described it (name, labels, links), or null when the source
 *                        gave only text
 */
public record AlertReport(
        String source,
        String redactedText,
        String title,
        String failureMode,
        double confidence,
        String severity,
        String safeToRetry,
        String escalateTo,
        List<String> secondary,
        Map<String, String> entities,
        List<EvidenceLine> evidence,
        List<SuggestedRunbook> runbooks,
        Instant impactStartedAt,
        String channel,
        String threadTs,
        Decision decision,
        String safeToRetryReason,
        Routing routing,
        SourceAlert sourceAlert) {

    public AlertReport {
        safeToRetryReason = safeToRetryReason == null ? "" : safeToRetryReason;
        secondary = List.copyOf(secondary);
        entities = Map.copyOf(entities);
        evidence = List.copyOf(evidence);
        runbooks = List.copyOf(runbooks);
        decision = decision == null ? Decision.RULES : decision;
    }

    /** A report whose re-run advice comes without a reason, routed by no routing file, without a described source alert. */
    public AlertReport(String source, String redactedText, String title, String failureMode, double confidence,
                       String severity, String safeToRetry, String escalateTo, List<String> secondary,
                       Map<String, String> entities, List<EvidenceLine> evidence, List<SuggestedRunbook> runbooks,
                       Instant impactStartedAt, String channel, String threadTs, Decision decision) {
        this(source, redactedText, title, failureMode, confidence, severity, safeToRetry, escalateTo, secondary, entities,
                evidence, runbooks, impactStartedAt, channel, threadTs, decision, "", null, null);
    }

    /** A report decided by the rules alone, with no nearest cases to show. */
    public AlertReport(String source, String redactedText, String title, String failureMode, double confidence,
                       String severity, String safeToRetry, String escalateTo, List<String> secondary,
                       Map<String, String> entities, List<EvidenceLine> evidence, List<SuggestedRunbook> runbooks,
                       Instant impactStartedAt, String channel, String threadTs) {
        this(source, redactedText, title, failureMode, confidence, severity, safeToRetry, escalateTo, secondary, entities,
                evidence, runbooks, impactStartedAt, channel, threadTs, Decision.RULES);
    }

    /** This report with one more parsed field, e.g. {@link IncidentStore#ALERT_KEY}. */
    public AlertReport withEntity(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(entities);
        more.put(name, value);
        return new AlertReport(source, redactedText, title, failureMode, confidence, severity, safeToRetry, escalateTo,
                secondary, more, evidence, runbooks, impactStartedAt, channel, threadTs, decision, safeToRetryReason, routing, sourceAlert);
    }

    /** This report with the alert as its source described it; null or an empty one leaves it without. */
    public AlertReport withSourceAlert(SourceAlert described) {
        SourceAlert kept = described == null || described.isEmpty() ? null : described;
        return new AlertReport(source, redactedText, title, failureMode, confidence, severity, safeToRetry, escalateTo,
                secondary, entities, evidence, runbooks, impactStartedAt, channel, threadTs, decision, safeToRetryReason, routing, kept);
    }

    /** A line that supports a failure mode, and the rule that matched it. */
    public record EvidenceLine(int line, String text, String rule, String failureMode) {
    }

    /**
     * Which stage decided ({@code rules}, {@code cases}, {@code team case}, ...), why, the nearest
     * labelled cases shown beside the evidence, and what exactly decided under which rule pack.
     *
     * @param decider  what decided the mode, or null when the answer is {@code unknown} or it is not known: a rule's
     *                 name ({@code rate_limit: http 429 too many requests}), a catalogue entry
     *                 ({@code catalogue http-status: 429}), a case ({@code case <id>}) or a team case
     *                 ({@code team case TC-3})
     * @param rulePack a short hash (12 hex digits) of the rule pack in force, or null when not known
     */
    public record Decision(String decidedBy, String reason, List<NearestCase> nearest, String decider, String rulePack) {

        public static final Decision RULES = new Decision("rules", "the rules decided", List.of());

        public Decision {
            nearest = List.copyOf(nearest);
        }

        /** A decision whose decider and rule pack are not known. */
        public Decision(String decidedBy, String reason, List<NearestCase> nearest) {
            this(decidedBy, reason, nearest, null, null);
        }
    }

    /** A labelled case near the alert: a bundled one, or the team's own ("corrected by U1 on INC-7"). */
    public record NearestCase(String id, String system, String failureMode, double similarity, String line,
                              String source, boolean team) {
    }

    /**
     * The route of the team's routing file that matched the alert, kept with its classification
     * so that the Slack message can mention who it tells.
     *
     * @param route         the route's name
     * @param mention       who is told in Slack ({@code <!subteam^S…>}, {@code <@U…>}, {@code #channel}...), or null
     * @param label         who is told, for people
     * @param tier          the dataset tier, or null
     * @param severityFloor the severity floor applied, or null
     */
    public record Routing(String route, String mention, String label, Integer tier, String severityFloor) {
    }

    /** A runbook offered for the alert. */
    public record SuggestedRunbook(String id, String title, String path, double score, String snippet) {
    }
}
