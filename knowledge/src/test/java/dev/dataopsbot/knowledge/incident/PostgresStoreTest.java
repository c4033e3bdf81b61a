package dev.dataopsbot.knowledge.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;

import dev.dataopsbot.knowledge.testdb.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the PostgreSQL engine does: open errors without the password, replicas migrating together, db copy. */
class PostgresStoreTest {

    @TempDir
    Path temp;

    @Test
    void an_unreachable_server_and_a_wrong_password_are_named_without_the_password() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StoreException unreachable = assertThrows(StoreException.class, () -> IncidentDatabase.open(
                PostgresUrl.parse("postgresql://bot:topsecretpw@127.0.0.1:" + closedPort + "/dataops"), 1));
        assertTrue(unreachable.getMessage().contains("cannot reach the PostgreSQL server"), unreachable.getMessage());
        assertFalse(unreachable.getMessage().contains("topsecretpw"), unreachable.getMessage());

        PostgresUrl fresh = PostgresUrl.parse(TestPostgres.freshDatabase());
        PostgresUrl missing = new PostgresUrl(fresh.hosts(), fresh.database() + "_missing", fresh.user(), "topsecretpw",
                fresh.options());
        StoreException noDatabase = assertThrows(StoreException.class, () -> IncidentDatabase.open(missing, 1));
        assertTrue(noDatabase.getMessage().contains("does not exist"), noDatabase.getMessage());
        assertFalse(noDatabase.getMessage().contains("topsecretpw"), noDatabase.getMessage());
    }

    @Test
    void replicas_opening_a_new_database_together_migrate_it_once() throws Exception {
        PostgresUrl url = PostgresUrl.parse(TestPostgres.freshDatabase());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            var opens = new java.util.ArrayList<java.util.concurrent.Future<IncidentDatabase>>();
            for (int i = 0; i < 3; i++) {
                opens.add(pool.submit(() -> IncidentDatabase.open(url, 1)));
            }
            int created = 0;
            for (var open : opens) {
                try (IncidentDatabase db = open.get()) {
                    assertEquals(Migrations.latest(), db.schemaVersion());
                    created += db.created() ? 1 : 0;
                }
            }
            assertEquals(1, created, "one replica created the schema; the others found it");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void db_copy_moves_every_row_with_its_ids_and_refuses_a_database_that_has_rows() throws Exception {
        SettableClock clock = new SettableClock(Instant.parse("2026-12-07T10:00:00Z"));
        try (IncidentDatabase sqlite = IncidentDatabase.open(temp)) {
            IncidentStore store = new IncidentStore(sqlite, clock);
            IncidentKey first = store.record(Alerts.expiredToken("orders_daily", "load_orders")).key();
            store.record(Alerts.expiredToken("users_daily", "load_users"));
            store.claimDelivery("slack-event", "Ev1");
            new IncidentLifecycle(sqlite, clock, text -> text).acknowledge(first, "U1");
            try (IncidentDatabase postgres = IncidentDatabase.open(PostgresUrl.parse(TestPostgres.freshDatabase()), 1)) {
                Map<String, Long> copied = StoreCopy.copy(sqlite, postgres);
                assertEquals(2L, copied.get("incident"));
                assertEquals(1L, copied.get("processed_event"));
                IncidentStore copy = new IncidentStore(postgres, clock);
                assertEquals(store.require(first), copy.require(first), "INC-1 is the same incident, same id");
                assertEquals(store.timeline(first), copy.timeline(first));
                assertFalse(copy.claimDelivery("slack-event", "Ev1"), "deliveries already applied stay applied");
                assertEquals(new IncidentKey(3), copy.record(Alerts.expiredToken("third", "t")).key(),
                        "new incidents go on after the copied ids");
                StoreException again = assertThrows(StoreException.class, () -> StoreCopy.copy(sqlite, postgres));
                assertTrue(again.getMessage().contains("has rows"), again.getMessage());
            }
        }
    }

    @Test
    void a_lost_connection_makes_the_write_probe_fail_and_recovery_makes_it_pass() throws Exception {
        String url = TestPostgres.freshDatabase();
        try (IncidentDatabase db = IncidentDatabase.open(PostgresUrl.parse(url), 2)) {
            assertEquals(java.util.Optional.empty(), db.probeWrite(java.time.Duration.ofMillis(500), Instant.now()));
            try (Connection admin = TestPostgres.connect(TestPostgres.adminUrl().orElseThrow()); Statement s = admin.createStatement()) {
                s.execute("ALTER DATABASE " + PostgresUrl.parse(url).database() + " SET default_transaction_read_only = on");
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + PostgresUrl.parse(url).database() + "'");
            }
            assertTrue(db.probeWrite(java.time.Duration.ofMillis(500), Instant.now()).isPresent(), "cannot write: 503");
            try (Connection admin = TestPostgres.connect(TestPostgres.adminUrl().orElseThrow()); Statement s = admin.createStatement()) {
                s.execute("ALTER DATABASE " + PostgresUrl.parse(url).database() + " SET default_transaction_read_only = off");
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + PostgresUrl.parse(url).database() + "'");
            }
            // the pool drops the connections the server closed; within a few probes (one a second in serve) it writes again
            java.util.Optional<String> problem = db.probeWrite(java.time.Duration.ofMillis(500), Instant.now());
            for (int i = 0; i < 20 && problem.isPresent(); i++) {
                Thread.sleep(250);
                problem = db.probeWrite(java.time.Duration.ofMillis(500), Instant.now());
            }
            assertEquals(java.util.Optional.empty(), problem, "back");
        }
    }
}
