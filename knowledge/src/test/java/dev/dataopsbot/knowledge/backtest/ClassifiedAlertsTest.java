package dev.dataopsbot.knowledge.backtest;

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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dataopsbot.knowledge.incident.AlertReport;
import dev.dataopsbot.knowledge.incident.Alerts;
import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentLifecycle;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.knowledge.incident.SettableClock;
import dev.dataopsbot.knowledge.incident.TeamCases;

@ParameterizedClass
@ValueSource(strings = {TestStores.SQLITE, TestStores.POSTGRESQL})
class ClassifiedAlertsTest {

    @Parameter
    String engine;


    @TempDir
    Path temp;

    private static final Instant START = Instant.parse("2026-11-20T08:00:00Z");
    private final SettableClock clock = new SettableClock(START);
    private IncidentDatabase db;
    private IncidentStore store;
    private IncidentLifecycle lifecycle;
    private ClassifiedAlerts alerts;

    @BeforeEach
    void open() {
        db = TestStores.open(engine, temp);
        store = new IncidentStore(db, clock);
        lifecycle = new IncidentLifecycle(db, clock, text -> text);
        alerts = new ClassifiedAlerts(db);
    }

    @AfterEach
    void close() {
        if (db != null) {  // null when there is no PostgreSQL server and the test was skipped
            db.close();
        }
    }

    private List<ClassifiedAlert> all(Instant since) {
        List<ClassifiedAlert> read = new ArrayList<>();
        alerts.forEach(since, read::add);
        return read;
    }

    @Test
    void an_empty_store_has_nothing_to_replay() {
        assertEquals(0, alerts.count(null));
        assertEquals(List.of(), all(null));
        assertEquals(List.of(), all(START));
    }

    @Test
    void each_incident_comes_with_its_first_alert_what_was_decided_and_what_people_said() {
        IncidentKey key = store.record(Alerts.expiredToken("orders", "load", "credential_expiry: token expired",
                "3f2a9c1b0d4e")).key();
        clock.advance(Duration.ofMinutes(5));
        AlertReport repeat = Alerts.expiredToken("orders", "load");
        store.record(new AlertReport("slack", "a later, different text of the same alert", repeat.title(),
                repeat.failureMode(), repeat.confidence(), repeat.severity(), repeat.safeToRetry(), repeat.escalateTo(),
                repeat.secondary(), repeat.entities(), repeat.evidence(), repeat.runbooks(), null, null, null));
        lifecycle.feedback(key, false, "permission_denied", null, "ana");

        List<ClassifiedAlert> read = all(null);

        assertEquals(2, store.require(key).alertCount());
        assertEquals(1, read.size());
        ClassifiedAlert alert = read.get(0);
        assertEquals(key, alert.incident());
        assertEquals(START, alert.detectedAt());
        assertEquals("cli", alert.source());
        assertEquals(Alerts.expiredToken("orders", "load").redactedText(), alert.text());
        assertEquals("credential_expiry", alert.recordedMode());
        assertEquals("credential_expiry: token expired", alert.recordedDecider());
        assertEquals("3f2a9c1b0d4e", alert.recordedRulePack());
        assertEquals("wrong", alert.confirmed());
        assertEquals("permission_denied", alert.confirmedMode());
        assertEquals(List.of("TC-1"), alert.teamCaseIds());
    }

    @Test
    void an_incident_without_decider_feedback_or_team_case_has_nulls_and_no_case_ids() {
        store.record(Alerts.unknown("nothing recognised here"));

        ClassifiedAlert alert = all(null).get(0);

        assertEquals("unknown", alert.recordedMode());
        assertNull(alert.recordedDecider());
        assertNull(alert.recordedRulePack());
        assertNull(alert.confirmed());
        assertNull(alert.confirmedMode());
        assertEquals(List.of(), alert.teamCaseIds());
    }

    @Test
    void the_team_cases_learned_from_an_incident_are_named_and_imported_ones_belong_to_none() {
        new TeamCases(db, clock).importCase("timeout", "kafka", "imported text", "alice", "");
        IncidentKey corrected = store.record(Alerts.expiredToken("orders", "a")).key();
        IncidentKey confirmed = store.record(Alerts.expiredToken("orders", "b")).key();
        lifecycle.feedback(corrected, false, "permission_denied", null, "ana");
        lifecycle.feedback(confirmed, true, null, null, "ana");

        List<ClassifiedAlert> read = all(null);

        assertEquals(List.of(corrected, confirmed), read.stream().map(ClassifiedAlert::incident).toList());
        assertEquals(List.of("TC-2"), read.get(0).teamCaseIds());
        assertEquals(List.of("TC-3"), read.get(1).teamCaseIds());
        assertEquals("right", read.get(1).confirmed());
        assertEquals("credential_expiry", read.get(1).confirmedMode());
    }

    @Test
    void since_keeps_the_incidents_detected_at_or_after_it_oldest_first_by_detection() {
        IncidentKey old = store.record(Alerts.expiredToken("orders", "old")).key();
        clock.advance(Duration.ofDays(2));
        IncidentKey later = store.record(Alerts.expiredToken("orders", "later")).key();
        clock.advance(Duration.ofDays(-1));
        IncidentKey between = store.record(Alerts.expiredToken("orders", "between")).key();
        Instant since = START.plus(Duration.ofDays(1));

        assertEquals(List.of(old, between, later), all(null).stream().map(ClassifiedAlert::incident).toList());
        assertEquals(List.of(between, later), all(since).stream().map(ClassifiedAlert::incident).toList());
        assertEquals(2, alerts.count(since));
        assertEquals(3, alerts.count(null));
        assertEquals(0, alerts.count(START.plus(Duration.ofDays(3))));
    }

    @Test
    void pages_follow_one_another_without_skipping_or_repeating_incidents_detected_at_the_same_instant() {
        int incidents = ClassifiedAlerts.PAGE * 2 + 3;
        for (int i = 0; i < incidents; i++) {
            store.record(Alerts.expiredToken("orders", "task_" + i));
        }

        List<ClassifiedAlert> read = all(START);

        assertEquals(LongStream.rangeClosed(1, incidents).boxed().toList(),
                read.stream().map(alert -> alert.incident().number()).toList());
        assertTrue(read.stream().allMatch(alert -> alert.detectedAt().equals(START)));
        assertEquals(incidents, alerts.count(START));
    }
}
