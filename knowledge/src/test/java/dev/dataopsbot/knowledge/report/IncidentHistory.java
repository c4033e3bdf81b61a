package dev.dataopsbot.knowledge.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.dataopsbot.knowledge.incident.AlertReport;
import dev.dataopsbot.knowledge.incident.Alerts;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentLifecycle;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.knowledge.incident.SettableClock;

/**
 * A hand-built incident history with known times, recorded through the real store and
 * lifecycle. The report is made at {@link #REPORT_TIME}; its 7-day window starts at
 * 2026-11-18T12:00Z.
 *
 * <pre>
 *  key    detected          mode               sev   alerts  TTA     TTR       status
 *  INC-1  2026-11-10 00:00  credential_expiry  SEV2  1       1 min   10 min    resolved  (before the window)
 *  INC-2  2026-11-15 00:00  timeout            SEV3  2 (*)   -       -         open      (before the window)
 *  INC-3  2026-11-20 00:00  credential_expiry  SEV2  1       2 min   30 min    resolved
 *  INC-4  ...               credential_expiry  SEV2  1       4 min   1 h       resolved
 *  INC-5  ...               credential_expiry  SEV2  1       6 min   1 h 30    resolved
 *  INC-6  ...               credential_expiry  SEV2  1       8 min   2 d 3 h   resolved
 *  INC-7  ...               credential_expiry  SEV2  1       10 min  -         acknowledged
 *  INC-8  ...               schema_drift       SEV1  1       4 min   1 h 12    resolved
 *  INC-9  ...               timeout            SEV3  3       -       -         open
 *  (*) its second alert arrives inside the window
 * </pre>
 */
final class IncidentHistory {

    static final Instant START = Instant.parse("2026-11-10T00:00:00Z");
    static final Instant REPORT_TIME = Instant.parse("2026-11-25T12:00:00Z");
    static final String LAG_MESSAGE = "Consumer lag on topic orders exceeded 5000 messages";
    static final String BROKER_MESSAGE = "Request 81723 to broker 3 timed out after 30000 ms";

    private final IncidentStore store;
    private final IncidentLifecycle lifecycle;
    private final SettableClock clock;

    IncidentHistory(IncidentStore store, IncidentLifecycle lifecycle, SettableClock clock) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** Records the history above and leaves the clock at {@link #REPORT_TIME}. */
    void record() {
        advanceTo(START);
        handled(Alerts.expiredToken("legacy", "load"), minutes(1), minutes(10));
        advanceTo(Instant.parse("2026-11-15T00:00:00Z"));
        IncidentKey lag = store.record(Alerts.kafkaTimeout(LAG_MESSAGE)).key();
        advanceTo(Instant.parse("2026-11-20T00:00:00Z"));
        handled(Alerts.expiredToken("orders", "load_a"), minutes(2), minutes(30));
        handled(Alerts.expiredToken("orders", "load_b"), minutes(4), minutes(60));
        handled(Alerts.expiredToken("orders", "load_c"), minutes(6), minutes(90));
        handled(Alerts.expiredToken("orders", "load_d"), minutes(8), Duration.ofDays(2).plusHours(3));
        IncidentKey acked = store.record(Alerts.expiredToken("orders", "load_e")).key();
        clock.advance(minutes(10));
        lifecycle.acknowledge(acked, "ana");
        clock.advance(minutes(1));
        handled(schemaDrift(), minutes(4), minutes(72));
        store.record(Alerts.kafkaTimeout(BROKER_MESSAGE));
        clock.advance(minutes(5));
        store.record(Alerts.kafkaTimeout(BROKER_MESSAGE));
        store.record(Alerts.kafkaTimeout(LAG_MESSAGE));
        if (store.require(lag).alertCount() != 2) {
            throw new IllegalStateException("the lag alert should have repeated INC-2");
        }
        clock.advance(minutes(5));
        store.record(Alerts.kafkaTimeout(BROKER_MESSAGE));
        advanceTo(REPORT_TIME);
    }

    /** Records an alert, acknowledges it after {@code toAck} and resolves it {@code toResolve} after detection. */
    private void handled(AlertReport alert, Duration toAck, Duration toResolve) {
        IncidentKey key = store.record(alert).key();
        clock.advance(toAck);
        lifecycle.acknowledge(key, "ana");
        clock.advance(toResolve.minus(toAck));
        lifecycle.resolve(key, "fixed", "ana");
        clock.advance(minutes(1));
    }

    private void advanceTo(Instant instant) {
        clock.advance(Duration.between(clock.instant(), instant));
    }

    private static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }

    static AlertReport schemaDrift() {
        return new AlertReport("cli", "column amount changed type", "schema_drift in dbt: fct_payments",
                "schema_drift", 0.88, "SEV1", "no", "analytics engineering", List.of(),
                Map.of("system", "dbt", "model", "fct_payments"), List.of(), List.of(), null, null, null);
    }
}
