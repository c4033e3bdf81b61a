package dev.dataopsbot.knowledge.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.dataopsbot.knowledge.testdb.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * People's changes (row-locked on PostgreSQL) and alerts repeating (the serialised write) on the
 * same and on different incidents at once, from several threads as from several replicas: no
 * event, note or repeat is lost and every count adds up.
 */
@ParameterizedClass
@ValueSource(strings = {TestStores.SQLITE, TestStores.POSTGRESQL})
class ConcurrentChangesTest {

    private static final int THREADS = 4;
    private static final int EACH = 25;

    @Parameter
    String engine;

    @TempDir
    Path temp;

    private IncidentDatabase db;

    @BeforeEach
    void open() {
        db = TestStores.open(engine, temp);
    }

    @AfterEach
    void close() {
        if (db != null) {  // null when there is no PostgreSQL server and the test was skipped
            db.close();
        }
    }

    @Test
    void notes_and_repeats_from_several_threads_on_two_incidents_all_count() throws Exception {
        SettableClock clock = new SettableClock(Instant.parse("2026-12-07T10:00:00Z"));
        IncidentStore store = new IncidentStore(db, clock);
        IncidentLifecycle lifecycle = new IncidentLifecycle(db, clock, text -> text);
        IncidentKey a = store.record(Alerts.expiredToken("orders_daily", "load_orders")).key();
        IncidentKey b = store.record(Alerts.expiredToken("users_daily", "load_users")).key();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < EACH; i++) {
                        lifecycle.note(thread % 2 == 0 ? a : b, "note " + thread + "." + i, false, "U" + thread);
                        store.record(Alerts.expiredToken("orders_daily", "load_orders"));
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1 + THREADS * EACH, store.require(a).alertCount(), "every repeat of a counted once");
        assertEquals(1, store.require(b).alertCount());
        long notesOfA = store.timeline(a).stream().filter(e -> e.kind() == EventKind.NOTE).count();
        long notesOfB = store.timeline(b).stream().filter(e -> e.kind() == EventKind.NOTE).count();
        assertEquals(THREADS / 2 * EACH, notesOfA);
        assertEquals(THREADS / 2 * EACH, notesOfB);
        assertEquals(1 + THREADS * EACH, store.history(a).alerts().size());
    }
}
