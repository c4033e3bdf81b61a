package dev.dataopsbot.knowledge.report;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import dev.dataopsbot.knowledge.testdb.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dataopsbot.knowledge.incident.Alerts;
import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentLifecycle;
import dev.dataopsbot.knowledge.incident.IncidentStatus;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.knowledge.incident.SettableClock;
import dev.dataopsbot.knowledge.incident.TimelineEvent;

@ParameterizedClass
@ValueSource(strings = {TestStores.SQLITE, TestStores.POSTGRESQL})
class ReportBuilderTest {

    @Parameter
    String engine;


    @TempDir
    Path temp;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-01T00:00:00Z"));
    private IncidentDatabase db;
    private IncidentStore store;
    private IncidentLifecycle lifecycle;

    @BeforeEach
    void open() {
        db = TestStores.open(engine, temp);
        store = new IncidentStore(db, clock);
        lifecycle = new IncidentLifecycle(db, clock, text -> text);
    }

    @AfterEach
    void close() {
        if (db != null) {  // null when there is no PostgreSQL server and the test was skipped
            db.close();
        }
    }

    private ReliabilityReport lastWeek() {
        return new ReportBuilder(db).build(ReportWindow.parse("7d", clock));
    }

    private ReliabilityReport historyReport() {
        new IncidentHistory(store, lifecycle, clock).record();
        return lastWeek();
    }

    @Test
    void counts_and_nearest_rank_percentiles_are_exact_per_failure_mode() {
        ReliabilityReport report = historyReport();

        FailureModeStats credentials = report.failureModes().get(0);
        assertEquals("credential_expiry", credentials.failureMode());
        assertEquals(5, credentials.incidents());
        assertEquals(1, credentials.unresolved());
        // 2, 4, 6, 8, 10 min: median rank ⌈2.5⌉ = 3, p90 rank ⌈4.5⌉ = 5
        assertEquals(new DurationStats(5, Duration.ofMinutes(6), Duration.ofMinutes(10)), credentials.timeToAcknowledge());
        // 30, 60, 90 min, 2 d 3 h: median rank 2 (the lower middle), p90 rank ⌈3.6⌉ = 4
        assertEquals(new DurationStats(4, Duration.ofMinutes(60), Duration.ofHours(51)), credentials.timeToResolve());
    }

    @Test
    void each_rule_counts_the_incidents_it_decided_in_the_window_and_the_latest_feedback_on_them_worst_first() {
        DecidedIncidents incidents = new DecidedIncidents(store, lifecycle);
        incidents.decided("A", 0, 5, 0); // detected before the window: left out
        clock.advance(Duration.ofDays(10));
        incidents.decided("A", 1, 1, 1)
                .decided("B", 0, 2, 0)
                .decided("C", 1, 0, 0)
                .decided("D", 2, 2, 0)
                .decided("H", 1, 1, 0)
                .decided("F", 0, 0, 4)
                .decided("E", 0, 0, 4)
                .decided("G", 0, 0, 1)
                .decided(null, 2, 3, 1); // no decider recorded: left out
        clock.advance(Duration.ofHours(1));

        List<RulePrecision> rules = lastWeek().rules();

        assertEquals(List.of(
                new RulePrecision("B", 2, 0, 2),
                new RulePrecision("D", 4, 2, 2),
                new RulePrecision("A", 3, 1, 1),
                new RulePrecision("H", 2, 1, 1),
                new RulePrecision("C", 1, 1, 0),
                new RulePrecision("E", 4, 0, 0),
                new RulePrecision("F", 4, 0, 0),
                new RulePrecision("G", 1, 0, 0)), rules);
        assertEquals(0.0, rules.get(0).precision().getAsDouble());
        assertEquals(0.5, rules.get(2).precision().getAsDouble());
        assertEquals(1.0, rules.get(4).precision().getAsDouble());
        assertTrue(rules.get(5).precision().isEmpty());
        assertEquals(new RulePrecision("A", 8, 1, 6),
                new ReportBuilder(db).build(ReportWindow.parse("2026-11-01", clock)).rules().stream()
                        .filter(rule -> rule.rule().equals("A")).findFirst().orElseThrow(),
                "a window reaching back counts the earlier incidents too");
    }

    @Test
    void a_window_where_no_incident_records_its_decider_has_no_rules() {
        ReliabilityReport report = historyReport();

        assertEquals(7, report.totals().incidents());
        assertTrue(report.rules().isEmpty());
    }

    @Test
    void failure_modes_are_ordered_by_incidents_then_name() {
        ReliabilityReport report = historyReport();

        assertEquals(List.of("credential_expiry", "schema_drift", "timeout"),
                report.failureModes().stream().map(FailureModeStats::failureMode).toList());
        FailureModeStats timeout = report.failureModes().get(2);
        assertEquals(1, timeout.incidents());
        assertEquals(1, timeout.unresolved());
        assertEquals(DurationStats.NONE, timeout.timeToAcknowledge());
        assertEquals(DurationStats.NONE, timeout.timeToResolve());
    }

    @Test
    void totals_cover_every_mode_and_count_alerts_received_in_the_window() {
        ReportTotals totals = historyReport().totals();

        assertEquals(7, totals.incidents());
        assertEquals(2, totals.unresolved());
        // 5 credential expiries + 1 schema drift + 3 broker timeouts + the repeat of INC-2 detected before the window
        assertEquals(10, totals.alerts());
        // 2, 4, 4, 6, 8, 10 min
        assertEquals(new DurationStats(6, Duration.ofMinutes(4), Duration.ofMinutes(10)), totals.timeToAcknowledge());
        // 30, 60, 72, 90 min, 2 d 3 h
        assertEquals(new DurationStats(5, Duration.ofMinutes(72), Duration.ofHours(51)), totals.timeToResolve());
    }

    @Test
    void incidents_detected_before_the_window_are_left_out() {
        ReliabilityReport lastWeek = historyReport();
        ReliabilityReport sinceTheFirst = new ReportBuilder(db).build(ReportWindow.parse("2026-11-01", clock));

        assertEquals(9, sinceTheFirst.totals().incidents());
        assertEquals(12, sinceTheFirst.totals().alerts());
        assertEquals(7, lastWeek.totals().incidents());
        assertEquals(6, lastWeek.severeTotal(), "INC-1 is a SEV2 from before the window");
        ReliabilityReport lastDay = new ReportBuilder(db).build(ReportWindow.parse("24h", clock));
        assertEquals(0, lastDay.totals().incidents());
        assertEquals(0, lastDay.totals().alerts());
        assertTrue(lastDay.failureModes().isEmpty());
    }

    @Test
    void noisiest_fingerprints_are_ordered_by_alerts_then_fingerprint() {
        ReliabilityReport report = historyReport();

        List<NoisyFingerprint> noisiest = report.noisiestFingerprints();
        assertEquals(new NoisyFingerprint("timeout system=kafka msg=request <n> to broker <n> timed out after <n> ms",
                1, 3, Instant.parse("2026-11-22T07:38:00Z")), noisiest.get(0));
        assertEquals(List.of(
                        "credential_expiry system=snowflake dag=orders task=load_a",
                        "credential_expiry system=snowflake dag=orders task=load_b",
                        "credential_expiry system=snowflake dag=orders task=load_c",
                        "credential_expiry system=snowflake dag=orders task=load_d",
                        "credential_expiry system=snowflake dag=orders task=load_e",
                        "schema_drift system=dbt model=fct_payments",
                        "timeout system=kafka msg=consumer lag on topic orders exceeded <n> messages"),
                noisiest.subList(1, noisiest.size()).stream().map(NoisyFingerprint::fingerprint).toList());
        NoisyFingerprint lag = noisiest.get(noisiest.size() - 1);
        assertEquals(1, lag.alerts(), "only the repeat inside the window counts");
    }

    @Test
    void a_fingerprint_counts_every_incident_it_opened_in_the_window_and_its_last_alert() {
        IncidentKey first = store.record(Alerts.expiredToken("orders", "load")).key();
        lifecycle.resolve(first, "rotated", "ana");
        clock.advance(Duration.ofDays(3));
        IncidentKey second = store.record(Alerts.expiredToken("orders", "load")).key();
        clock.advance(Duration.ofHours(3));
        store.record(Alerts.expiredToken("orders", "load"));
        lifecycle.resolve(second, "rotated again", "ana");
        clock.advance(Duration.ofHours(30));
        IncidentKey third = store.record(Alerts.expiredToken("orders", "load")).key();
        clock.advance(Duration.ofHours(1));

        assertEquals(List.of(new IncidentKey(1), new IncidentKey(2), new IncidentKey(3)), List.of(first, second, third));
        ReliabilityReport report = new ReportBuilder(db).build(ReportWindow.parse("2d", clock));

        // INC-1 is before the window; INC-2 (two alerts) and INC-3 (one) are in it
        assertEquals(List.of(new NoisyFingerprint("credential_expiry system=snowflake dag=orders task=load", 2, 3,
                clock.instant().minus(Duration.ofHours(1)))), report.noisiestFingerprints());
        assertEquals(3, report.totals().alerts());
        assertEquals(2, report.totals().incidents());
    }

    @Test
    void only_the_ten_noisiest_fingerprints_are_listed() {
        for (int topic = 0; topic < 12; topic++) {
            for (int alert = 0; alert <= topic; alert++) {
                store.record(Alerts.kafkaTimeout("Consumer lag on topic t" + (char) ('a' + topic) + " is high"));
            }
        }
        clock.advance(Duration.ofMinutes(1));

        List<NoisyFingerprint> noisiest = lastWeek().noisiestFingerprints();

        assertEquals(ReportBuilder.NOISIEST_LIMIT, noisiest.size());
        assertEquals(List.of(12, 11, 10, 9, 8, 7, 6, 5, 4, 3), noisiest.stream().map(NoisyFingerprint::alerts).toList());
        assertEquals("timeout system=kafka msg=consumer lag on topic tl is high", noisiest.get(0).fingerprint());
        assertEquals(78, lastWeek().totals().alerts(), "the total counts the fingerprints left out of the list");
    }

    @Test
    void open_incidents_are_all_unresolved_ones_oldest_first_with_their_age() {
        ReliabilityReport report = historyReport();

        assertEquals(3, report.openTotal());
        assertEquals(List.of(new IncidentKey(2), new IncidentKey(7), new IncidentKey(9)),
                report.open().stream().map(OpenIncident::key).toList());
        OpenIncident lag = report.open().get(0);
        assertEquals(IncidentStatus.OPEN, lag.status());
        assertEquals("timeout", lag.failureMode());
        assertEquals(Duration.between(Instant.parse("2026-11-15T00:00:00Z"), IncidentHistory.REPORT_TIME), lag.age());
        assertEquals(IncidentStatus.ACKNOWLEDGED, report.open().get(1).status());
    }

    @Test
    void sev1_comes_before_sev2_and_each_newest_first_with_time_to_resolve() {
        ReliabilityReport report = historyReport();

        assertEquals(6, report.severeTotal());
        assertEquals(List.of(8L, 7L, 6L, 5L, 4L, 3L),
                report.severe().stream().map(s -> s.key().number()).toList());
        SevereIncident drift = report.severe().get(0);
        assertEquals("SEV1", drift.severity());
        assertEquals(Duration.ofMinutes(72), drift.timeToResolve());
        assertEquals(IncidentStatus.RESOLVED, drift.status());
        assertNull(report.severe().get(1).timeToResolve(), "INC-7 is not resolved");
        assertEquals(Duration.ofHours(51), report.severe().get(2).timeToResolve());
    }

    @Test
    void lists_are_cut_at_the_limit_while_totals_count_everything() {
        new IncidentHistory(store, lifecycle, clock).record();

        ReliabilityReport report = new ReportBuilder(db, 2).build(ReportWindow.parse("7d", clock));

        assertEquals(3, report.openTotal());
        assertEquals(List.of(new IncidentKey(2), new IncidentKey(7)), report.open().stream().map(OpenIncident::key).toList());
        assertEquals(6, report.severeTotal());
        assertEquals(2, report.severe().size());
    }

    @Test
    void an_empty_database_gives_an_empty_report() {
        ReliabilityReport report = lastWeek();

        assertTrue(report.isEmpty());
        assertEquals(new ReportTotals(0, 0, 0, 0, DurationStats.NONE, DurationStats.NONE), report.totals());
        assertTrue(report.failureModes().isEmpty());
        assertTrue(report.noisiestFingerprints().isEmpty());
        assertEquals(0, report.openTotal());
        assertEquals(0, report.severeTotal());
    }

    @Test
    void a_reopened_incident_counts_as_unresolved_without_a_time_to_resolve() {
        IncidentKey key = store.record(Alerts.expiredToken("orders", "load")).key();
        clock.advance(Duration.ofMinutes(20));
        lifecycle.resolve(key, "rotated", "ana");
        clock.advance(Duration.ofHours(2));
        store.record(Alerts.expiredToken("orders", "load"));

        ReliabilityReport report = lastWeek();

        assertEquals(1, report.totals().unresolved());
        assertEquals(DurationStats.NONE, report.totals().timeToResolve());
        assertEquals(new DurationStats(1, Duration.ofMinutes(20), Duration.ofMinutes(20)),
                report.totals().timeToAcknowledge(), "resolving acknowledged it implicitly");
        assertEquals(2, report.totals().alerts());
        assertEquals(1, report.openTotal());
    }

    @Test
    void incidents_the_source_closed_have_no_time_to_acknowledge_and_are_counted_apart() {
        IncidentKey recovered = store.record(Alerts.expiredToken("orders", "load")).key();
        IncidentKey acknowledged = store.record(Alerts.expiredToken("billing", "load")).key();
        clock.advance(Duration.ofSeconds(4));
        lifecycle.mitigate(recovered, "source reports recovery: Alertmanager resolved", TimelineEvent.BOT);
        clock.advance(Duration.ofMinutes(6));
        lifecycle.acknowledge(acknowledged, "ana");

        ReliabilityReport report = lastWeek();

        assertEquals(1, report.totals().closedUnacknowledged());
        assertEquals(new DurationStats(1, Duration.ofMinutes(6).plusSeconds(4), Duration.ofMinutes(6).plusSeconds(4)),
                report.totals().timeToAcknowledge(), "only the person's acknowledgement is measured");
        assertEquals(1, report.failureModes().get(0).closedUnacknowledged());
        String text = new ReportText().render(report);
        assertTrue(text.contains("Closed by the source, never acknowledged: 1 incident"), text);
    }
}
