package dev.dataopsbot.bot.slack.message;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dataopsbot.knowledge.incident.EventKind;
import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentHistory;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentStatus;
import dev.dataopsbot.knowledge.incident.SourceIdentity;
import dev.dataopsbot.knowledge.incident.TimelineEvent;
import dev.dataopsbot.knowledge.similar.SimilarIncident;

/**
 * Incident histories in memory, shaped as {@code IncidentStore} and {@code IncidentLifecycle} write
 * them, at fixed times so golden files are stable. Each step returns a new builder.
 */
final class Histories {

    static final Instant DETECTED = Instant.parse("2026-11-25T03:12:10Z");
    static final ObjectMapper JSON = new ObjectMapper();

    private final Incident incident;
    private final List<TimelineEvent> timeline;

    private Histories(Incident incident, List<TimelineEvent> timeline) {
        this.incident = incident;
        this.timeline = timeline;
    }

    /** INC-12, an expired Snowflake token: classified with evidence of two modes, two runbooks suggested. */
    static Histories credentialExpiry() {
        ObjectNode classified = classification("credential_expiry", 0.92, "SEV2", "after_fix", "data-platform on-call");
        classified.put("safe_to_retry_reason", "re-running fails the same way until the secret is rotated or refreshed");
        evidence(classified, 14, "snowflake.connector.errors.ProgrammingError: 390114 (08001): Authentication token has expired.", "credential_expiry");
        // the store keeps one element per rule: a second rule on line 14 is shown on the same line
        classified.withArray("evidence").addObject().put("line", 14)
                .put("text", "snowflake.connector.errors.ProgrammingError: 390114 (08001): Authentication token has expired.")
                .put("rule", "catalogue snowflake-error-codes: 390114").put("failure_mode", "credential_expiry");
        evidence(classified, 15, "The user must authenticate again.", "credential_expiry");
        evidence(classified, 9, "Read timed out after 30 s", "timeout");
        classified.withArray("secondary").add("timeout");
        evidence(classified, 16, "Task failed with exception; marking as UP_FOR_RETRY", "credential_expiry");
        evidence(classified, 17, "a fourth credential line that the card leaves out", "credential_expiry");
        ObjectNode runbooks = JSON.createObjectNode();
        runbooks.putArray("runbooks")
                .add(JSON.createObjectNode().put("id", "credential-expiry-snowflake")
                        .put("title", "Snowflake credential or key-pair expired")
                        .put("path", "runbooks/credential-expiry-snowflake.md")
                        .put("snippet", "Rotate the key pair of the service user: ALTER USER loader SET RSA_PUBLIC_KEY_2 = '...'; "
                                + "then update the secret in Vault and clear the Airflow connection cache. Confirm with "
                                + "SELECT CURRENT_USER() from the worker before re-running the task & watch the next run."))
                .add(JSON.createObjectNode().put("id", "credential-expiry-generic")
                        .put("title", "Expired credentials (any system)")
                        .put("path", "runbooks/credential-expiry.md"));
        return open(12, "orders_daily.load_orders: Snowflake authentication token has expired", "credential_expiry", "SEV2")
                .event(EventKind.ALERT_RECEIVED, TimelineEvent.BOT, "alert received from slack", JSON.createObjectNode())
                .event(EventKind.CLASSIFIED, TimelineEvent.BOT, "classified as credential_expiry", classified)
                .event(EventKind.RUNBOOK_SUGGESTED, TimelineEvent.BOT, "runbooks suggested", runbooks);
    }

    static Histories open(long key, String title, String mode, String severity) {
        return new Histories(new Incident(new IncidentKey(key), title, mode, severity, IncidentStatus.OPEN, "fp" + key,
                new SourceIdentity("snowflake", "orders_daily", "load_orders", null, null), "C0ALERTS", "1764040330.000100",
                1, null, null, DETECTED, null, null, null), List.of());
    }

    static ObjectNode classification(String mode, double confidence, String severity, String retry, String escalateTo) {
        ObjectNode detail = JSON.createObjectNode().put("failure_mode", mode).put("confidence", confidence)
                .put("severity", severity).put("safe_to_retry", retry).put("escalate_to", escalateTo);
        detail.putArray("secondary");
        detail.putArray("evidence");
        return detail;
    }

    static void evidence(ObjectNode classification, int line, String text, String mode) {
        classification.withArray("evidence").addObject().put("line", line).put("text", text)
                .put("rule", mode + ": test rule").put("failure_mode", mode);
    }

    Histories event(EventKind kind, String actor, String text, ObjectNode detail) {
        List<TimelineEvent> events = new ArrayList<>(timeline);
        events.add(new TimelineEvent(events.size() + 1, incident.key(), DETECTED.plus(Duration.ofMinutes(events.size())),
                kind, actor, text, detail));
        return new Histories(incident, events);
    }

    Histories acknowledged(String actor) {
        return status(IncidentStatus.ACKNOWLEDGED, incident.alertCount())
                .event(EventKind.ACKNOWLEDGED, actor, "acknowledged", JSON.createObjectNode());
    }

    Histories resolved(String actor, String resolution) {
        return status(IncidentStatus.RESOLVED, incident.alertCount())
                .event(EventKind.RESOLVED, actor, resolution, JSON.createObjectNode());
    }

    Histories reopened() {
        return status(IncidentStatus.OPEN, incident.alertCount())
                .event(EventKind.REOPENED, TimelineEvent.BOT, "fired again within 24 h of resolution", JSON.createObjectNode());
    }

    Histories feedback(String actor, boolean correct, String correctMode, String comment) {
        ObjectNode detail = JSON.createObjectNode().put("correct", correct).put("classified_as", incident.failureMode());
        if (correctMode != null) {
            detail.put("correct_mode", correctMode);
        }
        return event(EventKind.FEEDBACK, actor, comment, detail);
    }

    Histories alerts(int count) {
        return status(incident.status(), count);
    }

    private Histories status(IncidentStatus status, int alertCount) {
        Instant at = DETECTED.plus(Duration.ofMinutes(timeline.size()));
        Incident i = incident;
        return new Histories(new Incident(i.key(), i.title(), i.failureMode(), i.severity(), status, i.fingerprint(),
                i.source(), i.channel(), i.threadTs(), alertCount, i.linkedTo(), i.impactStartedAt(), i.detectedAt(),
                status == IncidentStatus.OPEN ? i.acknowledgedAt() : firstNonNull(i.acknowledgedAt(), at),
                status == IncidentStatus.RESOLVED ? firstNonNull(i.mitigatedAt(), at) : null,
                status == IncidentStatus.RESOLVED ? at : null), timeline);
    }

    private static Instant firstNonNull(Instant a, Instant b) {
        return a != null ? a : b;
    }

    IncidentHistory build() {
        return new IncidentHistory(incident, timeline, List.of());
    }

    /** The history with one stored alert whose fields hold {@code described}, as the store writes it. */
    IncidentHistory build(dev.dataopsbot.knowledge.incident.SourceAlert described) {
        ObjectNode fields = JSON.createObjectNode();
        fields.set(dev.dataopsbot.knowledge.incident.SourceAlert.FIELD, described.toJson());
        return new IncidentHistory(incident, timeline, List.of(new dev.dataopsbot.knowledge.incident.StoredAlert(1,
                incident.key(), DETECTED, "alertmanager", "(alert text)", fields)));
    }

    /** Two resolved incidents like INC-12. */
    static List<SimilarIncident> similar() {
        return List.of(
                new SimilarIncident(new IncidentKey(3), "orders_daily.load_orders: Snowflake JWT token is invalid",
                        "credential_expiry", "Rotated the loader key pair in Vault and cleared the Airflow connection cache.",
                        42, 7.3),
                new SimilarIncident(new IncidentKey(7), "dbt run: Snowflake key-pair authentication failed",
                        "credential_expiry", "The new key was uploaded to RSA_PUBLIC_KEY_2 but the profile still pointed "
                        + "at the old private key; switched profiles.yml to the new key file and re-ran the job, then "
                        + "removed RSA_PUBLIC_KEY from the user so the old key cannot come back by mistake.",
                        95, 5.1));
    }
}
