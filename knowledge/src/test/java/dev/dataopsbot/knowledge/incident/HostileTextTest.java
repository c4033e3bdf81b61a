package dev.dataopsbot.knowledge.incident;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import dev.dataopsbot.knowledge.testdb.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text from alerts and from people is data: stored as given (capped), never run as SQL. */
@ParameterizedClass
@ValueSource(strings = {TestStores.SQLITE, TestStores.POSTGRESQL})
class HostileTextTest {

    @Parameter
    String engine;


    /** Quotes, comments, statement separators, a backslash, a NUL, an emoji, a right-to-left override. */
    private static final String EVIL = "x'); DROP TABLE incident; -- \" OR 1=1; /* */ \\' \0 ; DELETE FROM timeline_event; "
            + "🔥 ‮rtl";

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
        lifecycle = new IncidentLifecycle(db, clock, text -> text);
    }

    @AfterEach
    void close() {
        if (db != null) {  // null when there is no PostgreSQL server and the test was skipped
            db.close();
        }
    }

    @Test
    void sql_in_every_text_field_of_an_alert_and_of_every_command_is_stored_verbatim() throws Exception {
        // PostgreSQL keeps no NUL in text: it is stored as U+FFFD (NulFreeText); everything else verbatim
        String stored = engine.equals(TestStores.POSTGRESQL) ? EVIL.replace('\0', '\uFFFD') : EVIL;
        IncidentKey key = store.record(hostileAlert(EVIL, EVIL)).key();
        lifecycle.acknowledge(key, EVIL);
        lifecycle.changeSeverity(key, "SEV1", EVIL, EVIL);
        lifecycle.statusUpdate(key, EVIL, null, EVIL);
        lifecycle.note(key, EVIL, true, EVIL);
        lifecycle.actionItem(key, EVIL, EVIL, EVIL);
        lifecycle.mitigate(key, EVIL, EVIL);
        lifecycle.resolve(key, EVIL, EVIL);
        lifecycle.reopen(key, EVIL, EVIL);
        lifecycle.summaryGenerated(key, EVIL, EVIL);
        lifecycle.feedback(key, false, EVIL, EVIL, EVIL);
        assertTrue(store.claimDelivery(EVIL, EVIL));
        assertFalse(store.claimDelivery(EVIL, EVIL));

        Incident incident = store.require(key);
        assertEquals(List.of(stored, stored, stored, stored, stored, stored, stored), List.of(incident.title(), incident.source().system(),
                incident.source().dagId(), incident.source().taskId(), incident.source().model(), incident.channel(),
                incident.threadTs()));
        StoredAlert alert = store.history(key).alerts().get(0);
        assertEquals(stored, alert.text());
        assertEquals(stored, alert.source());
        assertEquals(stored, alert.fields().path("dag_id").asText());

        List<TimelineEvent> events = store.timeline(key);
        assertEquals(stored, events.get(1).detail().at("/evidence/0/text").asText());
        assertEquals(stored, events.get(2).detail().at("/runbooks/0/title").asText());
        List<TimelineEvent> byPeople = events.subList(3, events.size());
        assertEquals(List.of(EventKind.ACKNOWLEDGED, EventKind.SEVERITY_CHANGED, EventKind.STATUS_UPDATE, EventKind.NOTE,
                EventKind.ACTION_ITEM, EventKind.MITIGATED, EventKind.RESOLVED, EventKind.REOPENED,
                EventKind.SUMMARY_GENERATED, EventKind.FEEDBACK), byPeople.stream().map(TimelineEvent::kind).toList());
        byPeople.forEach(e -> assertEquals(stored, e.actor(), e.kind().id()));
        assertEquals("SEV2 → SEV1: " + stored, byPeople.get(1).text());
        byPeople.subList(2, byPeople.size()).forEach(e -> assertEquals(stored, e.text(), e.kind().id()));
        assertEquals(stored, byPeople.get(4).detail().path("owner").asText());
        assertEquals(stored, byPeople.get(9).detail().path("correct_mode").asText());

        assertEquals(1, store.list(false, 10).size());
        assertEquals(List.of("alert", "channel_lease", "incident", "pending_reply", "processed_event", "runbook_suggestion", "storage_probe", "team_case",
                "timeline_event", "triage_message"), tables());
        assertEquals(List.of(stored, stored), delivery());
    }

    @Test
    void huge_text_from_alerts_and_people_is_capped_with_a_marker() {
        String mebibytes = "a".repeat(3 << 20);
        IncidentKey key = store.record(hostileAlert("t".repeat(1_000), mebibytes)).key();
        String huge = "h".repeat(25_000);
        lifecycle.changeSeverity(key, "SEV1", huge, "U".repeat(1_000));
        lifecycle.statusUpdate(key, huge, null, "U1");
        lifecycle.note(key, huge, false, "U1");
        lifecycle.actionItem(key, huge, "U1", "U1");
        lifecycle.mitigate(key, huge, "U1");
        lifecycle.resolve(key, huge, "U1");
        lifecycle.reopen(key, huge, "U1");
        lifecycle.summaryGenerated(key, huge, "U1");
        lifecycle.feedback(key, true, null, huge, "U1");

        String title = store.require(key).title();
        assertEquals("t".repeat(300) + "\n… [cut: 700 more characters]", title);
        String text = store.history(key).alerts().get(0).text();
        assertEquals((1 << 20) + "\n… [cut: 2097152 more characters]".length(), text.length());
        assertTrue(text.endsWith("\n… [cut: " + (2 << 20) + " more characters]"));
        List<TimelineEvent> byPeople = store.timeline(key).subList(3, 12);
        assertEquals("U".repeat(200), byPeople.get(0).actor());
        for (TimelineEvent event : byPeople) {
            assertTrue(event.text().endsWith("h".repeat(100) + "\n… [cut: 15000 more characters]"), event.kind().id());
            assertTrue(event.text().length() < 10_100, event.kind().id());
        }
    }

    /** An alert with {@code text} in every free-text field and {@code raw} as its body. */
    private static AlertReport hostileAlert(String text, String raw) {
        Map<String, String> entities = Map.of("system", text, "dag_id", text, "task_id", text, "model", text);
        return new AlertReport(text, raw, text, "credential_expiry", 0.9, "SEV2", text, text, List.of(text), entities,
                List.of(new AlertReport.EvidenceLine(1, text, text, "credential_expiry")),
                List.of(new AlertReport.SuggestedRunbook(text, text, text, 1.0, text)), null, text, text);
    }

    /** The store's tables, by name (the engine's own, such as PostgreSQL's schema_version, left out). */
    private List<String> tables() {
        return db.read("listing tables in", c -> {
            List<String> names = new java.util.ArrayList<>();
            try (var rs = c.getMetaData().getTables(null, engine.equals(TestStores.POSTGRESQL) ? "public" : null, "%",
                    new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (!name.startsWith("sqlite_") && !name.equals("schema_version")) {
                        names.add(name);
                    }
                }
            }
            names.sort(null);
            return names;
        });
    }

    private List<String> delivery() {
        return db.read("reading deliveries in", c -> {
            try (Statement statement = c.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT source, external_id FROM processed_event")) {
                assertTrue(rs.next());
                List<String> row = List.of(rs.getString(1), rs.getString(2));
                assertFalse(rs.next());
                return row;
            }
        });
    }
}
