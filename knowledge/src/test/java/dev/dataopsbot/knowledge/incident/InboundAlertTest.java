package dev.dataopsbot.knowledge.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboundAlertTest {

    @TempDir
    Path temp;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T03:12:10.250Z"));
    private IncidentDatabase db;
    private IncidentStore store;
    private PendingReplies pending;

    @BeforeEach
    void open() {
        db = IncidentDatabase.open(temp);
        store = new IncidentStore(db, clock);
        pending = new PendingReplies(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void a_delivery_is_recorded_once_with_its_pending_reply_and_a_retry_changes_nothing() {
        InboundAlert alert = new InboundAlert(Alerts.expiredToken("orders_daily", "load_orders"), "slack-event", "Ev1",
                null, "C1", "1700000000.000100");

        Received first = store.receive(alert).orElseThrow();
        Optional<Received> retry = store.receive(alert);

        assertTrue(retry.isEmpty(), "the retried delivery is a no-op");
        assertEquals(Recorded.Outcome.NEW, first.recorded().outcome());
        assertEquals(1, store.require(first.recorded().key()).alertCount());
        PendingReply reply = first.reply().orElseThrow();
        assertEquals(PendingReply.Kind.TRIAGE, reply.kind());
        assertEquals(List.of(reply), pending.all());
        pending.done(reply);
        assertEquals(List.of(), pending.all());
    }

    @Test
    void a_reply_keeps_the_time_of_its_first_attempt_and_stays_owed_until_cleared_with_the_others_of_its_digest() {
        PendingReply a = store.receive(new InboundAlert(Alerts.expiredToken("orders_daily", "load_orders"), "alertmanager",
                "a", "k1", "C1", null)).orElseThrow().reply().orElseThrow();
        PendingReply b = store.receive(new InboundAlert(Alerts.expiredToken("users_daily", "load_users"), "alertmanager",
                "b", "k2", "C1", null)).orElseThrow().reply().orElseThrow();
        assertFalse(a.attempted());
        Instant first = clock.instant();
        pending.attempting(List.of(a, b));
        assertEquals(List.of(first, first), pending.all().stream().map(PendingReply::attemptedAt).toList());
        clock.advance(Duration.ofMinutes(3));
        pending.attempting(pending.all());
        assertEquals(List.of(first, first), pending.all().stream().map(PendingReply::attemptedAt).toList(),
                "a later attempt keeps the first attempt's time, from which the lookup searches");
        assertEquals(2, pending.all().size());
        assertTrue(pending.all().stream().anyMatch(r -> r.id() == a.id()), "still owed");
        pending.done(List.of(a.id(), b.id()));
        assertFalse(pending.all().stream().anyMatch(r -> r.id() == a.id()), "no longer owed");
        assertEquals(List.of(), pending.all());
    }

    @Test
    void a_busy_database_gives_up_at_the_deadline_of_a_store_view_instead_of_the_busy_timeout() throws Exception {
        try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db.file().orElseThrow());
             java.sql.Statement lock = other.createStatement()) {
            lock.execute("BEGIN EXCLUSIVE");
            long start = System.nanoTime();
            StoreBusyException busy = org.junit.jupiter.api.Assertions.assertThrows(StoreBusyException.class,
                    () -> store.within(Duration.ofMillis(300)).claimDelivery("slack-event", "Ev9"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 250 && millis < 2000, "gave up after " + millis + " ms: " + busy.getMessage());
            lock.execute("ROLLBACK");
        }
        assertTrue(store.within(Duration.ofMillis(300)).claimDelivery("slack-event", "Ev9"), "free again");
    }

    @Test
    void a_new_incident_with_an_escalation_channel_owes_the_escalation_too_and_a_repeat_does_not() {
        Received first = store.receive(new InboundAlert(Alerts.expiredToken("orders_daily", "load_orders"), "slack-event",
                "Ev1", null, "C1", "1.1", "CSEC")).orElseThrow();
        Received repeat = store.receive(new InboundAlert(Alerts.expiredToken("orders_daily", "load_orders"), "slack-event",
                "Ev2", null, "C1", "2.2", "CSEC")).orElseThrow();

        PendingReply escalation = first.escalation().orElseThrow();
        assertEquals(PendingReply.Kind.ESCALATION, escalation.kind());
        assertEquals("CSEC", escalation.channel());
        assertTrue(repeat.escalation().isEmpty(), "an incident is escalated once");
        assertEquals(List.of(PendingReply.Kind.TRIAGE, PendingReply.Kind.ESCALATION, PendingReply.Kind.POINTER),
                pending.all().stream().map(PendingReply::kind).toList());
    }

    @Test
    void a_repeat_of_an_open_incident_owes_a_pointer_not_a_second_triage() {
        store.receive(new InboundAlert(Alerts.expiredToken("orders_daily", "load_orders"), "slack-event", "Ev1", null, "C1", "1.1"));
        clock.advance(Duration.ofMinutes(5));
        Received repeat = store.receive(new InboundAlert(Alerts.expiredToken("orders_daily", "load_orders"), "slack-event",
                "Ev2", null, "C1", "2.2")).orElseThrow();

        assertEquals(Recorded.Outcome.REPEATED, repeat.recorded().outcome());
        assertEquals(PendingReply.Kind.POINTER, repeat.reply().orElseThrow().kind());
        assertEquals("2.2", repeat.reply().orElseThrow().threadTs());
    }

    @Test
    void the_senders_dedupe_key_is_the_incident_identity_whatever_the_classification() {
        IncidentKey key = store.receive(new InboundAlert(Alerts.expiredToken("orders_daily", "load_orders"), "alertmanager",
                "n1", "alertmanager:abc123", null, null)).orElseThrow().recorded().key();
        Received other = store.receive(new InboundAlert(Alerts.kafkaTimeout("broker 3 timed out"), "alertmanager", "n2",
                "alertmanager:abc123", null, null)).orElseThrow();

        assertEquals(key, other.recorded().key());
        assertEquals(Optional.of(key), store.findOpen("alertmanager:abc123").map(Incident::key));
        assertTrue(other.reply().isEmpty(), "no reply asked for");
    }

    @Test
    void an_open_incident_is_found_by_the_stateless_name_of_one_of_its_alerts() {
        AlertReport named = Alerts.kafkaTimeout("broker 3 timed out").withEntity(IncidentStore.ALERT_KEY, "kafka lag on orders");
        IncidentKey key = store.receive(new InboundAlert(named, "slack-event", "Ev1", null, "C1", "1.1")).orElseThrow()
                .recorded().key();

        assertEquals(Optional.of(key), store.findOpenByAlertKey("kafka lag on orders").map(Incident::key));
        assertFalse(store.findOpenByAlertKey("kafka lag on payments").isPresent());
        new IncidentLifecycle(db, clock, text -> text).resolve(key, "restarted the consumer", "U1");
        assertFalse(store.findOpenByAlertKey("kafka lag on orders").isPresent(), "resolved incidents are not reopened by a recovery");
    }

    @Test
    void an_open_incident_is_found_by_its_pipeline_object_and_by_its_thread() {
        IncidentKey key = store.receive(new InboundAlert(Alerts.expiredToken("orders_daily", "load_orders"), "slack-event",
                "Ev1", null, "C1", "1.1")).orElseThrow().recorded().key();
        new TriageMessages(db, clock).remember(key, new MessageRef("C1", "1.2"), "1.1");

        assertEquals(Optional.of(key), store.findOpen(new SourceIdentity(null, "orders_daily", "load_orders", null, null))
                .map(Incident::key));
        assertEquals(Optional.of(key), store.findOpen(new SourceIdentity("snowflake", "orders_daily", "load_orders", null, null))
                .map(Incident::key));
        assertEquals(Optional.of(key), store.findOpen(new SourceIdentity("airflow", "orders_daily", "load_orders", null, null))
                .map(Incident::key), "a dag and task name the object whatever system reports on it");
        assertFalse(store.findOpen(new SourceIdentity(null, "orders_daily", "load_customers", null, null)).isPresent());
        assertFalse(store.findOpen(SourceIdentity.UNKNOWN).isPresent());
        assertEquals(Optional.of(key), store.findByThread("C1", "1.1").map(Incident::key));
        assertFalse(store.findByThread("C1", "9.9").isPresent());
    }
}
