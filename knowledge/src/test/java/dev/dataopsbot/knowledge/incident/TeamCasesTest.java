package dev.dataopsbot.knowledge.incident;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import dev.dataopsbot.knowledge.testdb.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.dataopsbot.knowledge.cases.LabelledCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feedback on an incident becomes a team case in the same transaction; the latest word wins. */
@ParameterizedClass
@ValueSource(strings = {TestStores.SQLITE, TestStores.POSTGRESQL})
class TeamCasesTest {

    @Parameter
    String engine;


    @TempDir
    Path temp;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private IncidentDatabase db;
    private IncidentStore store;
    private IncidentLifecycle lifecycle;
    private TeamCases cases;

    @BeforeEach
    void open() {
        db = TestStores.open(engine, temp);
        store = new IncidentStore(db, clock);
        lifecycle = new IncidentLifecycle(db, clock, text -> text);
        cases = new TeamCases(db, clock);
    }

    @AfterEach
    void close() {
        if (db != null) {  // null when there is no PostgreSQL server and the test was skipped
            db.close();
        }
    }

    @Test
    void a_correction_stores_the_first_alert_under_the_right_mode_with_who_and_where() {
        IncidentKey key = store.record(Alerts.expiredToken("orders", "load")).key();
        lifecycle.feedback(key, false, "permission_denied", "it was a revoked grant", "U123");

        List<TeamCase> all = cases.list();
        assertEquals(1, all.size());
        TeamCase c = all.get(0);
        assertEquals("permission_denied", c.mode());
        assertEquals("snowflake", c.system());
        assertEquals(TeamCase.CORRECTION, c.origin());
        assertEquals("corrected by U123 on " + key, c.provenance());
        assertTrue(c.text().contains("390114"), c.text());
        LabelledCase asCase = c.asCase();
        assertEquals("TC-" + c.id(), asCase.id());
        assertTrue(asCase.team());
    }

    @Test
    void the_latest_feedback_on_an_incident_replaces_its_case_and_a_confirmation_keeps_the_mode() {
        IncidentKey key = store.record(Alerts.expiredToken("orders", "load")).key();
        lifecycle.feedback(key, false, "permission_denied", null, "U1");
        lifecycle.feedback(key, true, null, null, "U2");

        List<TeamCase> all = cases.list();
        assertEquals(1, all.size(), "one case per incident");
        assertEquals("credential_expiry", all.get(0).mode());
        assertEquals("confirmed by U2 on " + key, all.get(0).provenance());
    }

    @Test
    void feedback_without_a_mode_teaches_nothing_and_remove_forgets() {
        IncidentKey key = store.record(Alerts.expiredToken("orders", "load")).key();
        lifecycle.feedback(key, false, null, "not sure what it is", "U1");
        assertTrue(cases.list().isEmpty());

        TeamCase imported = cases.importCase("config_error", "inhouse", "ERROR ZX-4410 tenant mapping rejected", "alice", "zx-1");
        assertEquals("imported by alice (zx-1)", imported.provenance());
        assertTrue(cases.remove(imported.id()));
        assertFalse(cases.remove(imported.id()));
        assertTrue(cases.get(imported.id()).isEmpty());
    }

    @Test
    void a_long_alert_keeps_its_head_and_tail() {
        String head = "HEAD ".repeat(2_000);
        String tail = " TAIL".repeat(2_000);
        String capped = TeamCases.cap(head + "middle".repeat(1_000) + tail);
        assertTrue(capped.length() <= TeamCases.MAX_TEXT + 3);
        assertTrue(capped.startsWith("HEAD") && capped.endsWith("TAIL"));
    }
}
