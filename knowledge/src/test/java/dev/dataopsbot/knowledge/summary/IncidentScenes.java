package dev.dataopsbot.knowledge.summary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.dataopsbot.knowledge.incident.AlertReport;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentLifecycle;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.knowledge.incident.SettableClock;

/** Incidents played through a real store and lifecycle, minute by minute, for summary tests. */
final class IncidentScenes {

    static final Instant PREVIOUS_START = Instant.parse("2026-11-23T02:58:00.000Z");
    static final Instant START = Instant.parse("2026-11-25T03:12:10.250Z");

    private final IncidentStore store;
    private final IncidentLifecycle lifecycle;
    private final SettableClock clock;

    IncidentScenes(IncidentStore store, IncidentLifecycle lifecycle, SettableClock clock) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** An Airflow task loading a Snowflake table failing on an expired key pair; as alertmanager reports it. */
    static AlertReport expiredKeyPair(String source) {
        String text = String.join("\n",
                "[2026-11-25, 03:12:07 UTC] {taskinstance.py:1937} INFO - Dependencies all met for dag_id=orders_daily, task_id=load_orders",
                "[2026-11-25, 03:12:08 UTC] {snowflake.py:412} INFO - Connecting to account xy12345.eu-west-1 as SVC_AIRFLOW",
                "[2026-11-25, 03:12:09 UTC] {taskinstance.py:2698} ERROR - 390114 (08001): Authentication token has expired. The user must authenticate again.",
                "[2026-11-25, 03:12:09 UTC] {taskinstance.py:2698} ERROR - Table ANALYTICS.ORDERS was not loaded",
                "[2026-11-25, 03:12:09 UTC] {taskinstance.py:2698} ERROR - 003001 (42501): Insufficient privileges to operate on table 'ORDERS'",
                "[2026-11-25, 03:12:10 UTC] {taskinstance.py:1206} INFO - Marking task as UP_FOR_RETRY. dag_id=orders_daily, task_id=load_orders");
        return new AlertReport(source, text, "credential_expiry in snowflake: orders_daily.load_orders",
                "credential_expiry", 0.92, "SEV2", "after_fix", "data platform on-call", List.of("permission_denied"),
                Map.of("system", "snowflake", "orchestrator", "airflow", "dag_id", "orders_daily",
                        "task_id", "load_orders", "table", "ANALYTICS.ORDERS", "error_code", "390114",
                        "run_id", "scheduled__2026-11-25T03:00:00+00:00"),
                List.of(new AlertReport.EvidenceLine(3,
                                "390114 (08001): Authentication token has expired. The user must authenticate again.",
                                "credential_expiry: snowflake token expired", "credential_expiry"),
                        new AlertReport.EvidenceLine(5, "003001 (42501): Insufficient privileges to operate on table 'ORDERS'",
                                "permission_denied: insufficient privileges", "permission_denied")),
                List.of(new AlertReport.SuggestedRunbook("credential-expiry-snowflake",
                                "Snowflake credential or key-pair expired", "runbooks/credential-expiry-snowflake.md",
                                7.3, "Rotate the key pair."),
                        new AlertReport.SuggestedRunbook("permission-denied-snowflake",
                                "Snowflake insufficient privileges or object not authorized",
                                "runbooks/permission-denied-snowflake.md", 4.1, "Check the grants.")),
                null, "C0DATAOPS", "1764040330.000100");
    }

    /**
     * An earlier incident with the same fingerprint resolved two days before, then the full
     * lifecycle of the one summarised: repeats, acknowledgement, a severity change, a status
     * update with the impact start, notes (one marked as impact), mitigation, action items with
     * and without an owner, resolution and feedback.
     *
     * @return the key of the incident to summarise
     */
    IncidentKey resolvedWithEverything() {
        IncidentKey previous = store.record(expiredKeyPair("alertmanager")).key();
        clock.advance(Duration.ofMinutes(31));
        lifecycle.resolve(previous, "Rotated the svc_airflow key pair", "U07ALICE");
        clock.advance(Duration.between(clock.instant(), START));

        IncidentKey key = store.record(expiredKeyPair("alertmanager")).key();
        minutes(2);
        store.record(expiredKeyPair("alertmanager"));
        minutes(2);
        lifecycle.acknowledge(key, "U07ALICE");
        minutes(1);
        lifecycle.changeSeverity(key, "SEV1", "the finance close reads ANALYTICS.ORDERS today", "U07ALICE");
        minutes(2);
        lifecycle.statusUpdate(key, "Orders have not loaded since the 02:45 run; finance dashboards are stale.",
                Instant.parse("2026-11-25T02:47:10.250Z"), "U07ALICE");
        minutes(3);
        lifecycle.note(key, "The finance revenue dashboard shows yesterday's orders only.\n"
                + "About 40 people use it during the close.", true, "U08BOB");
        minutes(1);
        lifecycle.note(key, "The SVC_AIRFLOW key pair expired at 02:45; rotating it now.", false, "U07ALICE");
        minutes(5);
        store.record(expiredKeyPair("cli"));
        minutes(10);
        lifecycle.mitigate(key, "Paused orders_daily; the dashboards show a stale-data banner.", "U07ALICE");
        minutes(5);
        lifecycle.actionItem(key, "Alert 14 days before a Snowflake key pair expires", "U08BOB", "U07ALICE");
        minutes(1);
        lifecycle.actionItem(key, "Document the key rotation in the runbook", null, "U07ALICE");
        minutes(40);
        lifecycle.resolve(key, "Rotated the SVC_AIRFLOW key pair, updated the Airflow connection and re-ran "
                + "load_orders; the dashboards are current again.", "U07ALICE");
        minutes(2);
        lifecycle.feedback(key, true, null, "the expired-token line was the cause", "U08BOB");
        return key;
    }

    /** A Kafka timeout just recorded: no pipeline object, no runbook, nobody on it yet. */
    IncidentKey justOpened() {
        return store.record(new AlertReport("cli", "Request to broker 3 timed out after 30000 ms",
                "timeout in kafka", "timeout", 0.7, "SEV3", "yes", "platform team", List.of(), Map.of("system", "kafka"),
                List.of(new AlertReport.EvidenceLine(1, "Request to broker 3 timed out after 30000 ms",
                        "timeout: request timed out", "timeout")),
                List.of(), null, null, null)).key();
    }

    private void minutes(long n) {
        clock.advance(Duration.ofMinutes(n));
    }
}
