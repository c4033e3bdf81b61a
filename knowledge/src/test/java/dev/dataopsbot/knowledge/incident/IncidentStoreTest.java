package dev.dataopsbot.knowledge.incident;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import dev.dataopsbot.knowledge.testdb.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass
@ValueSource(strings = {TestStores.SQLITE, TestStores.POSTGRESQL})
class IncidentStoreTest {

    @Parameter
    String engine;


    @TempDir
    Path temp;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T03:12:10.250Z"));
    private IncidentDatabase db;
    private IncidentStore store;
    private IncidentLifecycle lifecycle;

    @BeforeEach
    void open() {
        db = TestStores.open(engine, temp);
        store = new IncidentStore(db, clock);
        lifecycle = new IncidentLifecycle(db, clock, text -> text.replace("hunter2", "[REDACTED]"));
    }

    @AfterEach
    void close() {
        if (db != null) {  // null when there is no PostgreSQL server and the test was skipped
            db.close();
        }
    }

    @Test
    void first_alert_opens_an_incident_with_received_classified_and_runbook_events() {
        Recorded recorded = store.record(Alerts.expiredToken("orders_daily", "load_orders"));

        assertEquals(new Recorded(new IncidentKey(1), Recorded.Outcome.NEW, 1, null), recorded);
        Incident incident = store.require(recorded.key());
        assertEquals(IncidentStatus.OPEN, incident.status());
        assertEquals("credential_expiry system=snowflake dag=orders_daily task=load_orders", incident.fingerprint());
        assertEquals(Instant.parse("2026-11-25T03:12:10.250Z"), incident.detectedAt());
        assertEquals(List.of(EventKind.ALERT_RECEIVED, EventKind.CLASSIFIED, EventKind.RUNBOOK_SUGGESTED), kinds(recorded.key()));
        TimelineEvent classified = store.timeline(recorded.key()).get(1);
        assertEquals("credential_expiry: token expired", classified.detail().at("/evidence/0/rule").asText());
    }

    @Test
    void the_reason_for_the_re_run_advice_is_kept_with_the_classification() {
        AlertReport r = Alerts.expiredToken("orders_daily", "load_orders");
        AlertReport withReason = new AlertReport(r.source(), r.redactedText(), r.title(), r.failureMode(), r.confidence(),
                r.severity(), "yes", r.escalateTo(), r.secondary(), r.entities(), r.evidence(), r.runbooks(),
                r.impactStartedAt(), r.channel(), r.threadTs(), r.decision(), "a new session authenticates again and gets a fresh token", null, null);
        IncidentKey key = store.record(withReason).key();
        TimelineEvent classified = store.timeline(key).get(1);
        assertEquals(EventKind.CLASSIFIED, classified.kind());
        assertEquals("yes", classified.detail().path("safe_to_retry").asText());
        assertEquals("a new session authenticates again and gets a fresh token",
                classified.detail().path("safe_to_retry_reason").asText());
    }

    @Test
    void a_new_incident_keeps_what_decided_it_and_the_rule_pack_on_the_incident_and_in_its_classified_event() {
        IncidentKey key = store.record(Alerts.expiredToken("orders", "load", "credential_expiry: token expired",
                "3f2a9c1b0d4e")).key();

        Incident incident = store.require(key);
        assertEquals("credential_expiry: token expired", incident.decidedRule());
        assertEquals("3f2a9c1b0d4e", incident.rulePack());
        assertNull(incident.confirmed());
        assertNull(incident.confirmedMode());
        TimelineEvent classified = store.timeline(key).get(1);
        assertEquals("credential_expiry: token expired", classified.detail().path("decider").asText());
        assertEquals("3f2a9c1b0d4e", classified.detail().path("rule_pack").asText());

        IncidentKey unknown = store.record(Alerts.unknown("nothing to see")).key();
        assertNull(store.require(unknown).decidedRule());
        assertNull(store.require(unknown).rulePack());
        TimelineEvent unclassified = store.timeline(unknown).get(1);
        assertFalse(unclassified.detail().has("decider"), unclassified.detail().toString());
        assertFalse(unclassified.detail().has("rule_pack"), unclassified.detail().toString());
    }

    @Test
    void a_repeat_keeps_the_decider_of_the_alert_that_opened_the_incident() {
        IncidentKey key = store.record(Alerts.expiredToken("orders", "load", "credential_expiry: token expired", "aaaaaaaaaaaa"))
                .key();
        store.record(Alerts.expiredToken("orders", "load", "catalogue snowflake: 390114", "bbbbbbbbbbbb"));

        assertEquals(2, store.require(key).alertCount());
        assertEquals("credential_expiry: token expired", store.require(key).decidedRule());
        assertEquals("aaaaaaaaaaaa", store.require(key).rulePack());
    }

    @Test
    void feedback_sets_the_confirmation_and_the_latest_feedback_wins() {
        IncidentKey key = store.record(Alerts.expiredToken("orders", "load", "credential_expiry: token expired", null)).key();

        Incident right = lifecycle.feedback(key, true, null, null, "ana");
        assertEquals(Incident.RIGHT, right.confirmed());
        assertEquals("credential_expiry", right.confirmedMode());

        Incident corrected = lifecycle.feedback(key, false, "permission_denied", "a revoked grant", "bo");
        assertEquals(Incident.WRONG, corrected.confirmed());
        assertEquals("permission_denied", corrected.confirmedMode());

        Incident unsure = lifecycle.feedback(key, false, null, "not that, not sure what", "cy");
        assertEquals(Incident.WRONG, unsure.confirmed());
        assertNull(unsure.confirmedMode());
        assertEquals("credential_expiry", unsure.failureMode(), "feedback never changes the classification itself");
        assertEquals("credential_expiry: token expired", unsure.decidedRule());
        assertEquals(unsure, store.require(key));
    }

    @Test
    void the_same_fingerprint_while_open_is_a_repeat_with_a_count() {
        IncidentKey key = store.record(Alerts.expiredToken("orders_daily", "load_orders")).key();
        clock.advance(Duration.ofMinutes(5));
        Recorded again = store.record(Alerts.expiredToken("orders_daily", "load_orders"));
        Recorded third = store.record(Alerts.expiredToken("orders_daily", "load_orders"));

        assertEquals(new Recorded(key, Recorded.Outcome.REPEATED, 3, null), third);
        assertEquals(Recorded.Outcome.REPEATED, again.outcome());
        assertEquals(3, store.require(key).alertCount());
        assertEquals(1, store.list(false, 10).size());
        assertEquals(2, kinds(key).stream().filter(k -> k == EventKind.ALERT_REPEATED).count());
    }

    @Test
    void another_task_is_another_incident() {
        IncidentKey first = store.record(Alerts.expiredToken("orders_daily", "load_orders")).key();
        IncidentKey second = store.record(Alerts.expiredToken("orders_daily", "load_customers")).key();
        assertNotEquals(first, second);
    }

    @Test
    void messages_differing_only_in_numbers_times_and_ids_share_a_fingerprint() {
        IncidentKey key = store.record(Alerts.kafkaTimeout(
                "2026-11-25T03:12:09Z Request 81723 to broker 3 timed out after 30000 ms (trace 9f2c4e1ab77d0c31)")).key();
        Recorded repeat = store.record(Alerts.kafkaTimeout(
                "2026-11-26T11:00:00Z Request 99 to broker 1 timed out after 15000 ms (trace 0a1b2c3d4e5f6789)"));
        Recorded other = store.record(Alerts.kafkaTimeout("Consumer group rebalance timed out"));
        assertEquals(key, repeat.key());
        assertTrue(other.isNew());
    }

    @Test
    void alerts_naming_no_pipeline_object_are_grouped_by_message_template() {
        Recorded vague = store.record(Alerts.unknown("Task failed with exit code 1"));
        Recorded chat = store.record(Alerts.unknown("hey, is anyone else seeing the revenue dashboard being stale since this morning?"));
        Recorded vagueAgain = store.record(Alerts.unknown("Task failed with exit code 137"));
        assertNotEquals(vague.key(), chat.key());
        assertEquals(vague.key(), vagueAgain.key());
        assertEquals("unknown msg=task failed with exit code <n>", store.require(vague.key()).fingerprint());
    }

    @Test
    void a_resolved_incident_firing_again_within_24_hours_is_reopened() {
        IncidentKey key = store.record(Alerts.expiredToken("orders_daily", "load_orders")).key();
        lifecycle.resolve(key, "rotated the key pair", "U1");
        clock.advance(Duration.ofHours(23));

        Recorded again = store.record(Alerts.expiredToken("orders_daily", "load_orders"));

        assertEquals(new Recorded(key, Recorded.Outcome.REOPENED, 2, null), again);
        Incident incident = store.require(key);
        assertEquals(IncidentStatus.OPEN, incident.status());
        assertNull(incident.resolvedAt());
        assertTrue(kinds(key).contains(EventKind.REOPENED));
    }

    @Test
    void a_resolved_incident_firing_again_after_24_hours_opens_a_new_linked_incident() {
        IncidentKey key = store.record(Alerts.expiredToken("orders_daily", "load_orders")).key();
        lifecycle.resolve(key, "rotated the key pair", "U1");
        clock.advance(Duration.ofHours(25));

        Recorded again = store.record(Alerts.expiredToken("orders_daily", "load_orders"));

        assertTrue(again.isNew());
        assertEquals(key, again.linkedTo());
        assertEquals(key, store.require(again.key()).linkedTo());
        assertEquals(IncidentStatus.RESOLVED, store.require(key).status());
    }

    @Test
    void lifecycle_sets_named_timestamps_and_metrics() {
        IncidentKey key = store.record(Alerts.expiredToken("orders_daily", "load_orders")).key();
        clock.advance(Duration.ofMinutes(4));
        lifecycle.acknowledge(key, "U1");
        clock.advance(Duration.ofMinutes(10));
        lifecycle.mitigate(key, "paused the DAG", "U1");
        clock.advance(Duration.ofMinutes(30));
        lifecycle.statusUpdate(key, "impact began with the 02:00 run", Instant.parse("2026-11-25T02:00:00Z"), "U1");
        Incident resolved = lifecycle.resolve(key, "rotated the key pair", "U1");

        IncidentMetrics m = resolved.metrics();
        assertEquals(Duration.ofMinutes(4), m.timeToAcknowledge().orElseThrow());
        assertEquals(Duration.ofMinutes(14), m.timeToMitigate().orElseThrow());
        assertEquals(Duration.ofMinutes(44), m.timeToResolve().orElseThrow());
        assertEquals(Duration.ofMinutes(72).plusMillis(10_250), m.timeToDetect().orElseThrow());
    }

    @Test
    void resolving_an_unacknowledged_incident_acknowledges_it_implicitly() {
        IncidentKey key = store.record(Alerts.expiredToken("orders_daily", "load_orders")).key();
        clock.advance(Duration.ofMinutes(7));
        Incident resolved = lifecycle.resolve(key, "fixed", "U1");
        assertEquals(Duration.ofMinutes(7), resolved.metrics().timeToAcknowledge().orElseThrow());
        assertTrue(store.timeline(key).get(3).detail().path("implicit_ack").asBoolean());
    }

    @Test
    void the_source_recovering_acknowledges_nothing_and_a_person_resolving_later_does() {
        IncidentKey key = store.record(Alerts.expiredToken("orders_daily", "load_orders")).key();
        clock.advance(Duration.ofSeconds(4));
        Incident mitigated = lifecycle.mitigate(key, "source reports recovery: Alertmanager resolved", TimelineEvent.BOT);
        assertNull(mitigated.acknowledgedAt());
        assertTrue(mitigated.metrics().timeToAcknowledge().isEmpty());
        assertFalse(store.timeline(key).get(3).detail().has("implicit_ack"));

        Incident autoResolved = lifecycle.resolve(key, "resolved automatically", TimelineEvent.BOT);
        assertNull(autoResolved.acknowledgedAt());
        assertEquals(Duration.ofSeconds(4), autoResolved.metrics().timeToResolve().orElseThrow());

        lifecycle.reopen(key, "it failed again", "U1");
        clock.advance(Duration.ofMinutes(3));
        Incident byPerson = lifecycle.resolve(key, "rotated the key", "U1");
        assertEquals(Duration.ofMinutes(3).plusSeconds(4), byPerson.metrics().timeToAcknowledge().orElseThrow());
    }

    @Test
    void invalid_transitions_are_refused_and_change_nothing() {
        IncidentKey key = store.record(Alerts.expiredToken("orders_daily", "load_orders")).key();
        lifecycle.resolve(key, "fixed", "U1");
        List<TimelineEvent> before = store.timeline(key);

        LifecycleException twice = assertThrows(LifecycleException.class, () -> lifecycle.resolve(key, "again", "U1"));
        assertTrue(twice.getMessage().startsWith("INC-1 is already resolved"), twice.getMessage());
        assertThrows(LifecycleException.class, () -> lifecycle.acknowledge(key, "U1"));
        assertThrows(LifecycleException.class, () -> lifecycle.mitigate(key, "", "U1"));
        assertThrows(LifecycleException.class, () -> lifecycle.changeSeverity(key, "SEV9", "", "U1"));
        assertThrows(LifecycleException.class, () -> lifecycle.changeSeverity(key, "sev2", "", "U1"));
        assertThrows(LifecycleException.class, () -> lifecycle.note(key, "   ", false, "U1"));
        IncidentNotFoundException unknown = assertThrows(IncidentNotFoundException.class,
                () -> lifecycle.acknowledge(new IncidentKey(99), "U1"));
        assertEquals("no incident INC-99 (see `incidents` for the known keys)", unknown.getMessage());

        assertEquals(before, store.timeline(key));
        assertEquals(IncidentStatus.RESOLVED, store.require(key).status());
    }

    @Test
    void reopen_only_applies_to_resolved_incidents() {
        IncidentKey key = store.record(Alerts.expiredToken("orders_daily", "load_orders")).key();
        assertThrows(LifecycleException.class, () -> lifecycle.reopen(key, "", "U1"));
        lifecycle.resolve(key, "fixed", "U1");
        Incident reopened = lifecycle.reopen(key, "the fix did not hold", "U2");
        assertEquals(IncidentStatus.OPEN, reopened.status());
        assertNull(reopened.resolvedAt());
        assertNull(reopened.mitigatedAt());
    }

    @Test
    void notes_are_redacted_and_huge_notes_are_capped_with_a_marker() {
        IncidentKey key = store.record(Alerts.expiredToken("orders_daily", "load_orders")).key();
        lifecycle.note(key, "password is hunter2", false, "U1");
        lifecycle.note(key, "x".repeat(50_000), true, "U1");
        List<TimelineEvent> events = store.timeline(key);
        assertEquals("password is [REDACTED]", events.get(3).text());
        String huge = events.get(4).text();
        assertTrue(huge.endsWith("[cut: 40000 more characters]"), huge.substring(huge.length() - 40));
        assertTrue(events.get(4).detail().path("impact").asBoolean());
    }

    @Test
    void owners_actors_and_a_refused_severity_are_redacted_like_free_text() {
        IncidentKey key = store.record(Alerts.expiredToken("orders_daily", "load_orders")).key();
        lifecycle.actionItem(key, "rotate the key", "hunter2", "U1 hunter2");
        TimelineEvent item = store.timeline(key).get(3);
        assertEquals("[REDACTED]", item.detail().path("owner").asText());
        assertEquals("U1 [REDACTED]", item.actor());
        LifecycleException refused = assertThrows(LifecycleException.class,
                () -> lifecycle.changeSeverity(key, "hunter2", null, "U1"));
        assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
    }

    @Test
    void sql_injection_in_every_text_field_is_stored_verbatim() {
        String evil = "x'); DROP TABLE incident; -- \" OR 1=1; /* */";
        IncidentKey key = store.record(Alerts.expiredToken(evil, evil)).key();
        lifecycle.note(key, evil, false, evil);
        lifecycle.actionItem(key, evil, evil, evil);
        lifecycle.changeSeverity(key, "SEV1", evil, evil);
        lifecycle.resolve(key, evil, evil);

        Incident incident = store.require(key);
        assertEquals(evil, incident.source().dagId());
        List<TimelineEvent> events = store.timeline(key);
        assertEquals(evil, events.get(3).text());
        assertEquals(evil, events.get(3).actor());
        assertEquals(evil, events.get(4).detail().path("owner").asText());
        assertEquals(1, store.list(false, 10).size());
    }

    @Test
    void the_timeline_refuses_updates_and_deletes() throws Exception {
        store.record(Alerts.expiredToken("orders_daily", "load_orders"));
        for (String sql : List.of("UPDATE timeline_event SET text = 'x'", "DELETE FROM timeline_event")) {
            StoreException e = assertThrows(StoreException.class, () -> db.write("try to change", c -> {
                try (var statement = c.createStatement()) {
                    statement.execute(sql);
                }
                return null;
            }));
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        }
    }

    @Test
    void a_retried_delivery_is_claimed_once() {
        assertTrue(store.claimDelivery("slack", "Ev123"));
        assertFalse(store.claimDelivery("slack", "Ev123"));
        assertTrue(store.claimDelivery("alertmanager", "Ev123"));
    }

    @Test
    void keys_parse_in_the_forms_people_type() {
        assertEquals(new IncidentKey(12), IncidentKey.parse("INC-12"));
        assertEquals(new IncidentKey(12), IncidentKey.parse(" inc-12 "));
        assertEquals(new IncidentKey(12), IncidentKey.parse("12"));
        assertThrows(IllegalArgumentException.class, () -> IncidentKey.parse("INC-0"));
        assertThrows(IllegalArgumentException.class, () -> IncidentKey.parse("INC-12; DROP"));
    }

    private List<EventKind> kinds(IncidentKey key) {
        return store.timeline(key).stream().map(TimelineEvent::kind).toList();
    }
}
