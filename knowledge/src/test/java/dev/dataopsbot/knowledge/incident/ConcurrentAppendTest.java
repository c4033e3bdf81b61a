package dev.dataopsbot.knowledge.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two threads of this JVM and two other processes write to one database at the same time. */
class ConcurrentAppendTest {

    private static final int ROUNDS = 100;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    @Test
    void two_threads_and_two_processes_recording_one_fingerprint_share_one_incident_and_lose_no_event()
            throws Exception {
        Path dataDir = temp.resolve("data");
        Collection<String> reports = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (IncidentDatabase db = IncidentDatabase.open(dataDir);
             WorkerProcess p1 = WorkerProcess.start(dataDir, temp.resolve("p1.err"), "record", "p1", "" + ROUNDS);
             WorkerProcess p2 = WorkerProcess.start(dataDir, temp.resolve("p2.err"), "record", "p2", "" + ROUNDS)) {
            p1.expect("ready", WAIT);
            p2.expect("ready", WAIT);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (String label : List.of("t1", "t2")) {
                writers.add(threads.submit(() -> {
                    go.await();
                    recordAndNote(db, label, reports);
                    return null;
                }));
            }
            go.countDown();
            p1.send("go");
            p2.send("go");
            for (Future<?> writer : writers) {
                writer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            reports.addAll(p1.awaitExit(WAIT));
            reports.addAll(p2.awaitExit(WAIT));
        } finally {
            threads.shutdownNow();
        }

        int alerts = 4 * ROUNDS;
        assertEquals(alerts, reports.size(), "every writer reports every round");
        assertEquals(1, reports.stream().filter(r -> r.contains(" NEW ")).count(), "one writer opened the incident");
        assertEquals(IntStream.rangeClosed(1, alerts).boxed().toList(),
                reports.stream().map(r -> Integer.parseInt(r.substring(r.lastIndexOf(' ') + 1))).sorted().toList(),
                "each alert got its own count: no update was lost");

        try (IncidentDatabase db = IncidentDatabase.open(dataDir)) {
            IncidentStore store = new IncidentStore(db, Clock.systemUTC());
            List<Incident> incidents = store.list(false, 10);
            assertEquals(1, incidents.size(), "one incident for one fingerprint");
            IncidentKey key = incidents.get(0).key();
            assertEquals(alerts, incidents.get(0).alertCount());
            assertEquals(alerts, store.history(key).alerts().size());
            List<TimelineEvent> timeline = store.timeline(key);
            Map<EventKind, Long> kinds = timeline.stream()
                    .collect(Collectors.groupingBy(TimelineEvent::kind, TreeMap::new, Collectors.counting()));
            assertEquals(Map.of(EventKind.ALERT_RECEIVED, 1L, EventKind.CLASSIFIED, 1L, EventKind.RUNBOOK_SUGGESTED, 1L,
                    EventKind.ALERT_REPEATED, alerts - 1L, EventKind.NOTE, (long) alerts), kinds);
            for (String label : List.of("t1", "t2", "p1", "p2")) {
                assertEquals(IntStream.rangeClosed(1, ROUNDS).mapToObj(i -> label + " " + i).toList(),
                        timeline.stream().filter(e -> e.kind() == EventKind.NOTE && e.actor().equals(label))
                                .map(TimelineEvent::text).toList(),
                        "the notes of " + label + ", each once and in order");
            }
            assertEquals(1, count(db, "SELECT count(*) FROM runbook_suggestion"));
        }
    }

    /**
     * Each {@link IncidentDatabase} has its own connection, which SQLite locks against the others
     * as it would another process's: a bot and a CLI command starting on an empty data folder.
     */
    @Test
    void databases_opened_at_once_on_a_new_data_folder_migrate_it_once() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int round = 1; round <= 10; round++) {
                Path dataDir = temp.resolve("round-" + round);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> opens = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    opens.add(threads.submit(() -> {
                        go.await();
                        try (IncidentDatabase db = IncidentDatabase.open(dataDir)) {
                            return db.schemaVersion();
                        }
                    }));
                }
                go.countDown();
                for (Future<Integer> open : opens) {
                    assertEquals(Migrations.latest(), open.get(WAIT.toSeconds(), TimeUnit.SECONDS), "round " + round);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** What a {@link StoreWorker} in {@code record} mode does, in this JVM. */
    private static void recordAndNote(IncidentDatabase db, String label, Collection<String> reports) {
        IncidentStore store = new IncidentStore(db, Clock.systemUTC());
        IncidentLifecycle lifecycle = new IncidentLifecycle(db, Clock.systemUTC(), text -> text);
        for (int i = 1; i <= ROUNDS; i++) {
            Recorded recorded = store.record(Alerts.expiredToken("orders_daily", "load_orders"));
            lifecycle.note(recorded.key(), label + " " + i, false, label);
            reports.add("ok " + i + " " + recorded.key() + " " + recorded.outcome() + " " + recorded.alertCount());
        }
    }

    private static long count(IncidentDatabase db, String sql) {
        return db.read("counting in", c -> {
            try (PreparedStatement select = c.prepareStatement(sql); ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
