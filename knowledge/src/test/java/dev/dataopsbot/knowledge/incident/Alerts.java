package dev.dataopsbot.knowledge.incident;

import java.util.List;
import java.util.Map;

/** Alert reports for tests, shaped like what the triage service hands the store. */
public final class Alerts {

    private Alerts() {
    }

    /** A Snowflake credential expiry on an Airflow task. */
    public static AlertReport expiredToken(String dagId, String taskId) {
        return new AlertReport("cli",
                "[2026-11-25 03:12:09] ERROR - 390114 (08001): Authentication token has expired. The user must authenticate again.",
                "credential_expiry in snowflake: " + dagId + "." + taskId, "credential_expiry", 0.92, "SEV2", "after_fix",
                "owning platform team", List.of(), Map.of("system", "snowflake", "dag_id", dagId, "task_id", taskId),
                List.of(new AlertReport.EvidenceLine(1, "390114 (08001): Authentication token has expired.",
                        "credential_expiry: token expired", "credential_expiry")),
                List.of(new AlertReport.SuggestedRunbook("credential-expiry-snowflake", "Snowflake credential expired",
                        "runbooks/credential-expiry-snowflake.md", 7.3, "Rotate the key pair.")),
                null, null, null);
    }

    /** An alert with no pipeline object: only the message tells repeats apart. */
    public static AlertReport kafkaTimeout(String message) {
        return new AlertReport("cli", message, "timeout in kafka", "timeout", 0.7, "SEV3", "yes", "platform team",
                List.of(), Map.of("system", "kafka"),
                List.of(new AlertReport.EvidenceLine(1, message, "timeout: request timed out", "timeout")),
                List.of(), null, null, null);
    }

    /** {@code alert} as decided by {@code decision}. */
    public static AlertReport decidedBy(AlertReport alert, AlertReport.Decision decision) {
        return new AlertReport(alert.source(), alert.redactedText(), alert.title(), alert.failureMode(), alert.confidence(),
                alert.severity(), alert.safeToRetry(), alert.escalateTo(), alert.secondary(), alert.entities(),
                alert.evidence(), alert.runbooks(), alert.impactStartedAt(), alert.channel(), alert.threadTs(), decision,
                alert.safeToRetryReason(), alert.routing(), alert.sourceAlert());
    }

    /** A Snowflake credential expiry decided by {@code rule} under rule pack {@code pack}. */
    public static AlertReport expiredToken(String dagId, String taskId, String rule, String pack) {
        return decidedBy(expiredToken(dagId, taskId), new AlertReport.Decision("rules", "the rules decided", List.of(),
                rule, pack));
    }

    /** An alert nothing recognised: no evidence and no pipeline object, only its text. */
    public static AlertReport unknown(String text) {
        return new AlertReport("cli", text, "unknown", "unknown", 1.0, "SEV4", "no", "", List.of(), Map.of(),
                List.of(), List.of(), null, null, null);
    }
}
