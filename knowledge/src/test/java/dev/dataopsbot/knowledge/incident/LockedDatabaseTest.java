package dev.dataopsbot.knowledge.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/** Another process holds the write lock for longer than this one is willing to wait. */
class LockedDatabaseTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    @Test
    void commands_waiting_past_the_busy_timeout_fail_naming_the_file_and_write_nothing() throws Exception {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-25T03:12:10.250Z"));
        try (IncidentDatabase db = IncidentDatabase.open(temp, Duration.ofMillis(300))) {
            IncidentStore store = new IncidentStore(db, clock);
            IncidentLifecycle lifecycle = new IncidentLifecycle(db, clock, text -> text);
            IncidentKey key = store.record(Alerts.expiredToken("orders_daily", "load_orders")).key();
            List<TimelineEvent> timeline = store.timeline(key);

            try (WorkerProcess holder = WorkerProcess.start(temp, temp.resolve("lock.err"), "lock", "60")) {
                holder.expect("locked", WAIT);
                assertLocked(db, () -> store.record(Alerts.expiredToken("orders_daily", "load_customers")));
                assertLocked(db, () -> store.record(Alerts.expiredToken("orders_daily", "load_orders")));
                assertLocked(db, () -> lifecycle.note(key, "while locked", false, "U1"));
                assertLocked(db, () -> lifecycle.resolve(key, "while locked", "U1"));
                assertEquals(timeline, store.timeline(key), "readers are not blocked by the writer's lock");
                holder.send("release");
                holder.expect("released", WAIT);
                holder.awaitExit(WAIT);
            }

            assertEquals(List.of(key), store.list(false, 10).stream().map(Incident::key).toList());
            assertEquals(1, store.require(key).alertCount());
            assertEquals(IncidentStatus.OPEN, store.require(key).status());
            assertEquals(timeline, store.timeline(key));
            assertEquals(1, store.history(key).alerts().size());
            lifecycle.note(key, "after the lock", false, "U1");
            assertEquals(timeline.size() + 1, store.timeline(key).size(), "the store works again once the lock is gone");
        }
    }

    private static void assertLocked(IncidentDatabase db, Executable command) {
        StoreException e = assertThrows(StoreException.class, command);
        assertTrue(e.getMessage().contains(db.file().orElseThrow().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("locked by another process (waited 300 ms); nothing was written"),
                e.getMessage());
    }
}
