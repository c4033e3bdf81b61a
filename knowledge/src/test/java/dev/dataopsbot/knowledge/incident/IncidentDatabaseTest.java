package dev.dataopsbot.knowledge.incident;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentDatabaseTest {

    @TempDir
    Path temp;

    @Test
    void a_new_database_is_created_with_its_folder_at_the_latest_schema_in_wal_mode() throws Exception {
        Path dataDir = temp.resolve("nested/data");
        try (IncidentDatabase db = IncidentDatabase.open(dataDir)) {
            assertTrue(Files.isRegularFile(dataDir.resolve(IncidentDatabase.FILE_NAME)));
            assertEquals(Migrations.latest(), db.schemaVersion());
            assertEquals("wal", query(db, "PRAGMA journal_mode").get(0));
            assertEquals("1", query(db, "PRAGMA foreign_keys").get(0));
            assertEquals(List.of("alert", "channel_lease", "incident", "pending_reply", "processed_event", "runbook_suggestion", "storage_probe", "team_case",
                "timeline_event", "triage_message"),
                    query(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"));
        }
    }

    @Test
    void reopening_applies_no_migration_and_keeps_the_data() throws Exception {
        try (IncidentDatabase db = IncidentDatabase.open(temp)) {
            insertIncident(db);
        }
        try (IncidentDatabase db = IncidentDatabase.open(temp)) {
            assertEquals(Migrations.latest(), db.schemaVersion());
            assertEquals(List.of("1"), query(db, "SELECT id FROM incident"));
        }
    }

    @Test
    void version_6_takes_back_the_acknowledgements_the_source_recovery_made() throws Exception {
        SettableClock clock = new SettableClock(java.time.Instant.parse("2026-11-25T03:00:00Z"));
        IncidentKey recovered;
        IncidentKey acknowledged;
        IncidentKey resolvedByPerson;
        try (IncidentDatabase db = IncidentDatabase.open(temp)) {
            IncidentStore store = new IncidentStore(db, clock);
            IncidentLifecycle lifecycle = new IncidentLifecycle(db, clock, text -> text);
            recovered = store.record(Alerts.expiredToken("orders", "load")).key();
            acknowledged = store.record(Alerts.expiredToken("billing", "load")).key();
            resolvedByPerson = store.record(Alerts.expiredToken("ledger", "load")).key();
            clock.advance(java.time.Duration.ofSeconds(4));
            lifecycle.acknowledge(acknowledged, "ana");
            lifecycle.mitigate(recovered, "source reports recovery", TimelineEvent.BOT);
            lifecycle.mitigate(resolvedByPerson, "source reports recovery", TimelineEvent.BOT);
            clock.advance(java.time.Duration.ofMinutes(5));
            lifecycle.resolve(acknowledged, "fixed", TimelineEvent.BOT);
            lifecycle.resolve(resolvedByPerson, "rotated the key", "ana");
            // what version 5 stored: the bot's mitigation set acknowledged_at
            execute(db, "UPDATE incident SET acknowledged_at = mitigated_at WHERE id IN ("
                    + recovered.number() + ", " + resolvedByPerson.number() + ")");
            backToVersion6(db);
            execute(db, "PRAGMA user_version = 5");
        }
        try (IncidentDatabase db = IncidentDatabase.open(temp)) {
            assertEquals(Migrations.latest(), db.schemaVersion());
            assertEquals(java.util.Arrays.asList(null, "2026-11-25T03:00:04.000Z", "2026-11-25T03:05:04.000Z"),
                    query(db, "SELECT acknowledged_at FROM incident ORDER BY id"));
        }
    }

    @Test
    void version_7_finds_what_decided_older_incidents_and_the_latest_feedback_on_them_in_their_timelines()
            throws Exception {
        SettableClock clock = new SettableClock(java.time.Instant.parse("2026-11-25T03:00:00Z"));
        try (IncidentDatabase db = IncidentDatabase.open(temp)) {
            IncidentStore store = new IncidentStore(db, clock);
            IncidentLifecycle lifecycle = new IncidentLifecycle(db, clock, text -> text);
            // INC-1: the rules decided; the first evidence line names the rule
            IncidentKey byRule = store.record(Alerts.expiredToken("orders", "load")).key();
            lifecycle.feedback(byRule, true, null, null, "ana");
            // INC-2: the rules decided, but the first evidence line supports another mode
            AlertReport timeout = Alerts.kafkaTimeout("Request 1 to broker 3 timed out");
            IncidentKey otherEvidence = store.record(new AlertReport(timeout.source(), timeout.redactedText(),
                    timeout.title(), "timeout", 0.7, "SEV3", "yes", "", List.of(), timeout.entities(),
                    List.of(new AlertReport.EvidenceLine(1, "connection reset", "network: connection reset", "network")),
                    List.of(), null, null, null)).key();
            lifecycle.feedback(otherEvidence, false, null, "no idea", "ana");
            // INC-3: the cases decided: the closest case voting for the mode, not the closest case
            IncidentKey byCase = store.record(Alerts.decidedBy(Alerts.kafkaTimeout("consumer group rebalancing"),
                    new AlertReport.Decision("cases", "the nearest cases vote timeout", List.of(
                            nearest("kafka-007", "network", false), nearest("kafka-012", "timeout", false))))).key();
            lifecycle.feedback(byCase, true, null, null, "ana");
            lifecycle.feedback(byCase, false, "resource_exhaustion", null, "bo");
            // INC-4: a team case decided: the closest team case voting for the mode
            IncidentKey byTeamCase = store.record(Alerts.decidedBy(Alerts.expiredToken("billing", "load"),
                    new AlertReport.Decision("team case", "the team's case TC-2 is a near-duplicate", List.of(
                            nearest("snowflake-003", "credential_expiry", false),
                            nearest("TC-2", "credential_expiry", true))))).key();
            // INC-5: nothing recognised: no decider
            IncidentKey unknown = store.record(Alerts.unknown("all good")).key();
            lifecycle.feedback(unknown, true, null, null, "ana");
            // INC-6: classified before decided_by was recorded
            execute(db, "INSERT INTO incident (title, failure_mode, severity, status, fingerprint, detected_at) "
                    + "VALUES ('old', 'timeout', 'SEV3', 'open', 'f6', '2026-11-01T00:00:00.000Z')");
            execute(db, "INSERT INTO timeline_event (incident_id, at, kind, actor, detail) VALUES (6, "
                    + "'2026-11-01T00:00:00.000Z', 'classified', 'bot', '{\"failure_mode\":\"timeout\",\"evidence\":"
                    + "[{\"line\":1,\"rule\":\"timeout: read timed out\",\"failure_mode\":\"timeout\"}]}')");
            backToVersion6(db);
        }
        try (IncidentDatabase db = IncidentDatabase.open(temp)) {
            assertEquals(Migrations.latest(), db.schemaVersion());
            assertEquals(List.of(
                    "1|credential_expiry: token expired||right|credential_expiry",
                    "2|||wrong|",
                    "3|case kafka-012||wrong|resource_exhaustion",
                    "4|team case TC-2|||",
                    "5|||right|unknown",
                    "6|timeout: read timed out|||"),
                    query(db, "SELECT id || '|' || coalesce(decided_rule, '') || '|' || coalesce(rule_pack, '') || '|' "
                            + "|| coalesce(confirmed, '') || '|' || coalesce(confirmed_mode, '') FROM incident ORDER BY id"));
            assertThrows(SQLException.class, () -> execute(db, "UPDATE incident SET confirmed = 'maybe' WHERE id = 1"));
        }
    }

    private static AlertReport.NearestCase nearest(String id, String mode, boolean team) {
        return new AlertReport.NearestCase(id, team ? "team" : "kafka", mode, 0.8, "a line", "a source", team);
    }

    /** What version 6 stored: no decider, rule pack or confirmation columns on the incident, no reply leases. */
    private static void backToVersion6(IncidentDatabase db) throws SQLException {
        for (String column : List.of("decided_rule", "rule_pack", "confirmed", "confirmed_mode")) {
            execute(db, "ALTER TABLE incident DROP COLUMN " + column);
        }
        for (String column : List.of("claimed_by", "claimed_until")) {
            execute(db, "ALTER TABLE pending_reply DROP COLUMN " + column);
        }
        execute(db, "DROP TABLE channel_lease");
        execute(db, "PRAGMA user_version = 6");
    }

    @Test
    void a_database_from_a_newer_version_is_refused_and_left_unchanged() throws Exception {
        try (IncidentDatabase db = IncidentDatabase.open(temp)) {
            execute(db, "PRAGMA user_version = 99");
            execute(db, "PRAGMA wal_checkpoint(TRUNCATE)");
        }
        Path file = temp.resolve(IncidentDatabase.FILE_NAME);
        byte[] before = Files.readAllBytes(file);
        StoreException e = assertThrows(StoreException.class, () -> IncidentDatabase.open(temp));
        assertTrue(e.getMessage().contains("schema version 99, newer"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void a_file_that_is_not_an_sqlite_database_is_refused_and_left_alone() throws Exception {
        Path file = temp.resolve(IncidentDatabase.FILE_NAME);
        byte[] notes = "my notes, not a database\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, notes);
        StoreException e = assertThrows(StoreException.class, () -> IncidentDatabase.open(temp));
        assertTrue(e.getMessage().contains(file + " is not an SQLite database"), e.getMessage());
        assertArrayEquals(notes, Files.readAllBytes(file));
    }

    @Test
    void random_bytes_at_the_database_path_are_refused_and_left_alone() throws Exception {
        Path file = temp.resolve(IncidentDatabase.FILE_NAME);
        byte[] noise = new byte[16_384];
        new Random(42).nextBytes(noise);
        Files.write(file, noise);
        StoreException e = assertThrows(StoreException.class, () -> IncidentDatabase.open(temp));
        assertTrue(e.getMessage().startsWith(file + " is not an SQLite database"), e.getMessage());
        assertArrayEquals(noise, Files.readAllBytes(file));
        assertEquals(List.of(IncidentDatabase.FILE_NAME), files());
    }

    @Test
    void a_truncated_database_is_refused_as_corrupt_and_left_alone() throws Exception {
        byte[] whole = databaseWithIncidents();
        for (int length : new int[] {whole.length / 2, 4096, 100, 20}) {
            byte[] truncated = Arrays.copyOf(whole, length);
            Path file = temp.resolve(IncidentDatabase.FILE_NAME);
            Files.write(file, truncated);
            StoreException e = assertThrows(StoreException.class, () -> IncidentDatabase.open(temp), "at " + length);
            assertTrue(e.getMessage().startsWith("cannot open the incident database " + file + ": the "), e.getMessage());
            assertTrue(e.getMessage().endsWith(length >= 100 ? "the database file is corrupt: restore it from a backup "
                    + "(`db backup` makes one)" : "not an SQLite database"), e.getMessage());
            assertArrayEquals(truncated, Files.readAllBytes(file), "at " + length);
            assertEquals(List.of(IncidentDatabase.FILE_NAME), files());
        }
    }

    @Test
    void a_database_with_garbled_pages_is_refused_at_open_naming_the_file_and_the_fix_and_is_left_alone() throws Exception {
        byte[] garbled = databaseWithIncidents();
        int from = incidentTableRootPage * 4096 - 4096;  // the incident table's root page; the schema stays readable
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        System.arraycopy(noise, 0, garbled, from, noise.length);
        Path file = temp.resolve(IncidentDatabase.FILE_NAME);
        Files.write(file, garbled);
        StoreException refused = assertThrows(StoreException.class, () -> IncidentDatabase.open(temp));
        assertTrue(refused.getMessage().startsWith(file + " failed SQLite's integrity check ("), refused.getMessage());
        assertTrue(refused.getMessage().contains("nothing was written to it"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Restore it from a backup (`dataops-bot db backup --to FILE`"),
                refused.getMessage());
        assertArrayEquals(garbled, Files.readAllBytes(file));
    }

    @Test
    void timeline_events_cannot_be_changed_or_deleted() throws Exception {
        try (IncidentDatabase db = IncidentDatabase.open(temp)) {
            insertIncident(db);
            execute(db, "INSERT INTO timeline_event (incident_id, at, kind, actor, text) "
                    + "VALUES (1, '2026-11-25T04:00:00.000Z', 'note', 'U1', 'first')");
            SQLException update = assertThrows(SQLException.class, () -> execute(db, "UPDATE timeline_event SET text = 'changed'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> execute(db, "DELETE FROM timeline_event"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
            assertEquals(List.of("first"), query(db, "SELECT text FROM timeline_event"));
        }
    }

    @Test
    void incident_numbers_are_never_reused() throws Exception {
        try (IncidentDatabase db = IncidentDatabase.open(temp)) {
            insertIncident(db);
            insertIncident(db);
            execute(db, "DELETE FROM incident WHERE id = 2");
            insertIncident(db);
            assertEquals(List.of("1", "3"), query(db, "SELECT id FROM incident ORDER BY id"));
        }
    }

    @Test
    void events_must_belong_to_an_incident() throws Exception {
        try (IncidentDatabase db = IncidentDatabase.open(temp)) {
            assertThrows(SQLException.class, () -> execute(db, "INSERT INTO timeline_event (incident_id, at, kind, actor) "
                    + "VALUES (42, '2026-11-25T04:00:00.000Z', 'note', 'bot')"));
        }
    }

    @Test
    void migration_scripts_split_into_statements_with_trigger_bodies_whole() {
        String script = """
                -- a comment
                CREATE TABLE a (x INTEGER);
                CREATE TRIGGER t BEFORE DELETE ON a
                BEGIN
                    SELECT RAISE(ABORT, 'no');
                END;
                CREATE INDEX i ON a (x);
                """;
        List<String> statements = Migrations.statements(script);
        assertEquals(3, statements.size(), statements.toString());
        assertTrue(statements.get(1).startsWith("CREATE TRIGGER") && statements.get(1).endsWith("END;"));
    }

    private int incidentTableRootPage;

    /** The bytes of a checkpointed database holding 20 incidents with long notes; the file is removed. */
    private byte[] databaseWithIncidents() throws Exception {
        try (IncidentDatabase db = IncidentDatabase.open(temp)) {
            IncidentStore store = new IncidentStore(db, Clock.systemUTC());
            IncidentLifecycle lifecycle = new IncidentLifecycle(db, Clock.systemUTC(), text -> text);
            for (int i = 0; i < 20; i++) {
                IncidentKey key = store.record(Alerts.expiredToken("dag_" + i, "task")).key();
                lifecycle.note(key, "n".repeat(3_000), false, "U1");
            }
            incidentTableRootPage = Integer.parseInt(query(db, "SELECT rootpage FROM sqlite_master WHERE name = 'incident'").get(0));
        }
        Path file = temp.resolve(IncidentDatabase.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        assertEquals(List.of(), files());
        return bytes;
    }

    private List<String> files() throws Exception {
        try (Stream<Path> files = Files.list(temp)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void insertIncident(IncidentDatabase db) throws SQLException {
        execute(db, "INSERT INTO incident (title, failure_mode, severity, status, fingerprint, detected_at) "
                + "VALUES ('t', 'timeout', 'SEV3', 'open', 'f', '2026-11-25T04:00:00.000Z')");
    }

    private static void execute(IncidentDatabase db, String sql) throws SQLException {
        try (Statement statement = db.connection().createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> query(IncidentDatabase db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.connection().createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
