package dev.dataopsbot.knowledge.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageMessagesTest {

    @TempDir
    Path temp;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T03:12:10.250Z"));

    @Test
    void the_latest_triage_message_is_remembered_and_the_first_becomes_the_incident_thread() {
        try (IncidentDatabase db = IncidentDatabase.open(temp)) {
            IncidentStore store = new IncidentStore(db, clock);
            TriageMessages messages = new TriageMessages(db, clock);
            IncidentKey key = store.record(Alerts.expiredToken("orders_daily", "load_orders")).key();
            assertEquals(Optional.empty(), messages.find(key));

            messages.remember(key, new MessageRef("C1", "100.1"), "100.1");
            messages.remember(key, new MessageRef("C2", "200.2"), "200.2");

            assertEquals(Optional.of(new MessageRef("C2", "200.2")), messages.find(key));
            Incident incident = store.require(key);
            assertEquals("C1", incident.channel());
            assertEquals("100.1", incident.threadTs());
        }
    }

    @Test
    void a_message_for_an_unknown_incident_is_refused() {
        try (IncidentDatabase db = IncidentDatabase.open(temp)) {
            TriageMessages messages = new TriageMessages(db, clock);
            assertThrows(IncidentNotFoundException.class, () -> messages.remember(new IncidentKey(7), new MessageRef("C1", "1.1"), null));
        }
    }

    @Test
    void a_version_1_database_is_upgraded_and_keeps_its_incidents() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve(IncidentDatabase.FILE_NAME));
             Statement statement = c.createStatement();
             InputStream v1 = IncidentDatabase.class.getResourceAsStream("/dev/dataopsbot/knowledge/db/sqlite/V1__incident_store.sql")) {
            for (String sql : Migrations.statements(new String(v1.readAllBytes(), StandardCharsets.UTF_8))) {
                statement.execute(sql);
            }
            statement.execute("PRAGMA user_version = 1");
            statement.execute("INSERT INTO incident (title, failure_mode, severity, status, fingerprint, detected_at) "
                    + "VALUES ('old', 'timeout', 'SEV3', 'open', 'fp', '2026-11-01T00:00:00.000Z')");
        }
        try (IncidentDatabase db = IncidentDatabase.open(temp)) {
            IncidentStore store = new IncidentStore(db, clock);
            assertEquals("old", store.require(new IncidentKey(1)).title());
            new TriageMessages(db, clock).remember(new IncidentKey(1), new MessageRef("C1", "1.1"), "1.1");
            assertTrue(new TriageMessages(db, clock).find(new IncidentKey(1)).isPresent());
        }
    }
}
