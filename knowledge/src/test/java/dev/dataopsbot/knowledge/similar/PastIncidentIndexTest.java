package dev.dataopsbot.knowledge.similar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dataopsbot.knowledge.incident.AlertReport;
import dev.dataopsbot.knowledge.incident.Alerts;
import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentLifecycle;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.knowledge.incident.SettableClock;

/** A real SQLite store in a temp folder and a real Lucene index on disk beside it. */
class PastIncidentIndexTest {

    private static final String SNOWFLAKE_TOKEN = "390114 (08001): Authentication token has expired. The user must authenticate again.";
    private static final SimilarIncidentQuery EXPIRED_SNOWFLAKE_TOKEN =
            new SimilarIncidentQuery("credential_expiry", "snowflake", SNOWFLAKE_TOKEN, null);

    @TempDir
    Path dataDir;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T03:12:10.250Z"));
    private IncidentDatabase db;
    private IncidentStore store;
    private IncidentLifecycle lifecycle;

    @BeforeEach
    void open() {
        db = IncidentDatabase.open(dataDir);
        store = new IncidentStore(db, clock);
        lifecycle = new IncidentLifecycle(db, clock, text -> text);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void a_resolved_incident_is_found_with_its_resolution_and_time_to_resolve() {
        IncidentKey key = resolved(Alerts.expiredToken("orders_daily", "load_orders"), Duration.ofMinutes(42),
                "Rotated the key pair of the loader user and cleared the task");

        try (PastIncidentIndex index = PastIncidentIndex.open(db, dataDir)) {
            List<SimilarIncident> hits = index.search(EXPIRED_SNOWFLAKE_TOKEN, 3);

            assertEquals(1, hits.size());
            SimilarIncident hit = hits.get(0);
            assertEquals(key, hit.key());
            assertEquals("credential_expiry in snowflake: orders_daily.load_orders", hit.title());
            assertEquals("credential_expiry", hit.failureMode());
            assertEquals("Rotated the key pair of the loader user and cleared the task", hit.resolution());
            assertEquals(42, hit.resolvedInMinutes());
            assertTrue(hit.score() > SimilarityQuery.MODE_WEIGHT, "mode and text both count: " + hit.score());
        }
    }

    @Test
    void open_incidents_are_not_indexed() {
        IncidentKey done = resolved(Alerts.expiredToken("orders_daily", "load_orders"), Duration.ofMinutes(5), "rotated");
        IncidentKey open = store.record(Alerts.expiredToken("orders_daily", "load_customers")).key();
        IncidentKey acknowledged = store.record(Alerts.expiredToken("orders_daily", "load_items")).key();
        lifecycle.acknowledge(acknowledged, "U1");

        try (PastIncidentIndex index = PastIncidentIndex.open(db, dataDir)) {
            assertEquals(1, index.size());
            assertEquals(List.of(done), keys(index.search(EXPIRED_SNOWFLAKE_TOKEN, 3)));
            assertTrue(!keys(index.search(EXPIRED_SNOWFLAKE_TOKEN, 3)).contains(open));
        }
    }

    @Test
    void an_incident_resolved_after_opening_appears_after_a_refresh() {
        try (PastIncidentIndex index = PastIncidentIndex.open(db, dataDir)) {
            IncidentKey key = store.record(Alerts.expiredToken("orders_daily", "load_orders")).key();
            clock.advance(Duration.ofMinutes(17));
            lifecycle.note(key, "the service user's key pair was rotated by the vault job last night", false, "U1");
            lifecycle.resolve(key, "re-ran after the new key was loaded", "U1");
            assertEquals(List.of(), index.search(EXPIRED_SNOWFLAKE_TOKEN, 3), "not before the refresh");

            IndexRefresh refresh = index.refresh();

            assertEquals(IndexRefresh.Outcome.UPDATED, refresh.outcome());
            assertEquals(1, refresh.indexed());
            List<SimilarIncident> hits = index.search(EXPIRED_SNOWFLAKE_TOKEN, 3);
            assertEquals(List.of(key), keys(hits));
            assertEquals(17, hits.get(0).resolvedInMinutes());
            // the note is indexed: its words alone find the incident
            assertEquals(List.of(key), keys(index.search(new SimilarIncidentQuery("credential_expiry", "",
                    "vault job rotated", null), 3)));
        }
    }

    @Test
    void a_reopened_incident_disappears_after_a_refresh() {
        IncidentKey key = resolved(Alerts.expiredToken("orders_daily", "load_orders"), Duration.ofMinutes(5), "rotated");
        try (PastIncidentIndex index = PastIncidentIndex.open(db, dataDir)) {
            assertEquals(List.of(key), keys(index.search(EXPIRED_SNOWFLAKE_TOKEN, 3)));

            lifecycle.reopen(key, "the old key is still cached", "U1");
            IndexRefresh refresh = index.refresh();

            assertEquals(IndexRefresh.Outcome.UPDATED, refresh.outcome());
            assertEquals(1, refresh.removed());
            assertEquals(List.of(), index.search(EXPIRED_SNOWFLAKE_TOKEN, 3));
            assertEquals(0, index.size());
        }
    }

    @Test
    void an_incident_resolved_again_shows_its_latest_resolution() {
        IncidentKey key = store.record(Alerts.expiredToken("orders_daily", "load_orders")).key();
        lifecycle.resolve(key, "re-ran the task", "U1");
        try (PastIncidentIndex index = PastIncidentIndex.open(db, dataDir)) {
            clock.advance(Duration.ofMinutes(30));
            assertEquals("REOPENED", store.record(Alerts.expiredToken("orders_daily", "load_orders")).outcome().name());
            clock.advance(Duration.ofMinutes(30));
            lifecycle.resolve(key, "rotated the key pair for real", "U1");
            index.refresh();

            assertEquals("rotated the key pair for real", index.search(EXPIRED_SNOWFLAKE_TOKEN, 3).get(0).resolution());
        }
    }

    @Test
    void refreshing_with_nothing_new_writes_no_commit_even_when_open_incidents_change() throws IOException {
        resolved(Alerts.expiredToken("orders_daily", "load_orders"), Duration.ofMinutes(5), "rotated");
        try (PastIncidentIndex index = PastIncidentIndex.open(db, dataDir)) {
            long generation = commitGeneration();
            assertEquals(IndexRefresh.Outcome.UNCHANGED, index.refresh().outcome());

            IncidentKey open = store.record(Alerts.kafkaTimeout("Request to broker 3 timed out")).key();
            lifecycle.acknowledge(open, "U1");
            assertEquals(IndexRefresh.Outcome.UNCHANGED, index.refresh().outcome());
            assertEquals(IndexRefresh.Outcome.UNCHANGED, index.refresh().outcome());

            assertEquals(generation, commitGeneration());
            assertEquals(1, index.size());
        }
    }

    @Test
    void a_deleted_index_folder_is_rebuilt_from_the_database() throws IOException {
        IncidentKey key = resolved(Alerts.expiredToken("orders_daily", "load_orders"), Duration.ofMinutes(5), "rotated");
        PastIncidentIndex.open(db, dataDir).close();
        deleteRecursively(dataDir.resolve("index"));

        try (PastIncidentIndex index = PastIncidentIndex.open(db, dataDir)) {
            assertEquals(List.of(key), keys(index.search(EXPIRED_SNOWFLAKE_TOKEN, 3)));
            assertTrue(Files.exists(dataDir.resolve(PastIncidentIndex.FOLDER)));
        }
    }

    @Test
    void garbage_over_the_index_files_is_rebuilt_without_error() throws IOException {
        IncidentKey key = resolved(Alerts.expiredToken("orders_daily", "load_orders"), Duration.ofMinutes(5), "rotated");
        PastIncidentIndex.open(db, dataDir).close();
        try (Stream<Path> files = Files.list(dataDir.resolve(PastIncidentIndex.FOLDER))) {
            for (Path file : files.toList()) {
                Files.writeString(file, "this is not a Lucene file ".repeat(20));
            }
        }

        try (PastIncidentIndex index = PastIncidentIndex.open(db, dataDir)) {
            assertEquals(List.of(key), keys(index.search(EXPIRED_SNOWFLAKE_TOKEN, 3)));
            assertEquals(IndexRefresh.Outcome.UNCHANGED, index.refresh().outcome());
        }
    }

    @Test
    void an_index_of_another_format_is_rebuilt() throws IOException {
        IncidentKey key = resolved(Alerts.expiredToken("orders_daily", "load_orders"), Duration.ofMinutes(5), "rotated");
        long lastEvent = PastIncidentIndex.open(db, dataDir).refresh().watermark();
        try (Directory dir = FSDirectory.open(dataDir.resolve(PastIncidentIndex.FOLDER));
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            writer.deleteAll();
            writer.setLiveCommitData(new Watermark(Watermark.FORMAT - 1, lastEvent).userData().entrySet());
            writer.commit();
        }

        try (PastIncidentIndex index = PastIncidentIndex.open(db, dataDir)) {
            assertEquals(List.of(key), keys(index.search(EXPIRED_SNOWFLAKE_TOKEN, 3)));
        }
    }

    @Test
    void an_index_ahead_of_the_database_is_rebuilt() throws IOException {
        resolved(Alerts.expiredToken("orders_daily", "load_orders"), Duration.ofMinutes(5), "rotated");
        resolved(Alerts.expiredToken("orders_daily", "load_customers"), Duration.ofMinutes(5), "rotated");
        PastIncidentIndex.open(db, dataDir).close();
        // another data folder whose database has fewer events, given a copy of this index
        Path other = dataDir.resolve("other");
        Path copy = Files.createDirectories(other.resolve(PastIncidentIndex.FOLDER));
        try (Stream<Path> files = Files.list(dataDir.resolve(PastIncidentIndex.FOLDER))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        try (IncidentDatabase otherDb = IncidentDatabase.open(other)) {
            IncidentKey only = new IncidentStore(otherDb, clock).record(Alerts.kafkaTimeout("Request to broker 3 timed out")).key();
            new IncidentLifecycle(otherDb, clock, text -> text).resolve(only, "restarted the broker", "U1");

            try (PastIncidentIndex index = PastIncidentIndex.open(otherDb, other)) {
                assertEquals(1, index.size());
                assertEquals(List.of(), index.search(EXPIRED_SNOWFLAKE_TOKEN, 3));
            }
        }
    }

    @Test
    void with_the_write_lock_held_elsewhere_searches_use_the_last_commit() throws IOException {
        IncidentKey first = resolved(Alerts.expiredToken("orders_daily", "load_orders"), Duration.ofMinutes(5), "rotated");
        try (PastIncidentIndex index = PastIncidentIndex.open(db, dataDir)) {
            IncidentKey second = resolved(Alerts.expiredToken("orders_daily", "load_customers"), Duration.ofMinutes(9), "rotated");

            try (Directory dir = FSDirectory.open(dataDir.resolve(PastIncidentIndex.FOLDER));
                 Lock held = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
                assertEquals(IndexRefresh.Outcome.LOCKED, index.refresh().outcome());
                assertEquals(List.of(first), keys(index.search(EXPIRED_SNOWFLAKE_TOKEN, 3)));
            }

            assertEquals(IndexRefresh.Outcome.UPDATED, index.refresh().outcome());
            assertEquals(List.of(second, first), keys(index.search(EXPIRED_SNOWFLAKE_TOKEN, 3)));
        }
    }

    @Test
    void opening_while_another_process_holds_the_lock_of_a_missing_index_finds_nothing_and_does_not_fail()
            throws IOException {
        IncidentKey key = resolved(Alerts.expiredToken("orders_daily", "load_orders"), Duration.ofMinutes(5), "rotated");
        try (Directory dir = FSDirectory.open(Files.createDirectories(dataDir.resolve(PastIncidentIndex.FOLDER)))) {
            try (Lock held = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME);
                 PastIncidentIndex index = PastIncidentIndex.open(db, dataDir)) {
                assertEquals(List.of(), index.search(EXPIRED_SNOWFLAKE_TOKEN, 3));
                assertEquals(IndexRefresh.Outcome.LOCKED, index.refresh().outcome());
            }
        }
        try (PastIncidentIndex index = PastIncidentIndex.open(db, dataDir)) {
            assertEquals(List.of(key), keys(index.search(EXPIRED_SNOWFLAKE_TOKEN, 3)));
        }
    }

    @Test
    void an_index_folder_deleted_while_open_is_rebuilt_on_the_next_change() throws IOException {
        IncidentKey first = resolved(Alerts.expiredToken("orders_daily", "load_orders"), Duration.ofMinutes(5), "rotated");
        try (PastIncidentIndex index = PastIncidentIndex.open(db, dataDir)) {
            deleteRecursively(dataDir.resolve("index"));
            IncidentKey second = resolved(Alerts.expiredToken("orders_daily", "load_customers"), Duration.ofMinutes(9), "rotated");

            IndexRefresh refresh = index.refresh();

            assertEquals(IndexRefresh.Outcome.REBUILT, refresh.outcome());
            assertEquals(List.of(second, first), keys(index.search(EXPIRED_SNOWFLAKE_TOKEN, 3)));
        }
    }

    @Test
    void searches_on_other_threads_run_through_refreshes() throws Exception {
        resolved(Alerts.expiredToken("orders_daily", "load_orders"), Duration.ofMinutes(5), "rotated");
        try (PastIncidentIndex index = PastIncidentIndex.open(db, dataDir)) {
            AtomicBoolean done = new AtomicBoolean();
            ExecutorService threads = Executors.newFixedThreadPool(3);
            List<Future<Integer>> searchers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                searchers.add(threads.submit(() -> {
                    int searches = 0;
                    while (!done.get() || searches == 0) {
                        assertTrue(!index.search(EXPIRED_SNOWFLAKE_TOKEN, 3).isEmpty());
                        searches++;
                    }
                    return searches;
                }));
            }
            for (int i = 0; i < 15; i++) {
                resolved(Alerts.expiredToken("orders_daily", "task_" + i), Duration.ofMinutes(i), "rotated");
                assertEquals(IndexRefresh.Outcome.UPDATED, index.refresh().outcome());
            }
            done.set(true);
            for (Future<Integer> searcher : searchers) {
                assertTrue(searcher.get() > 0); // rethrows what a search thread threw
            }
            threads.shutdown();
            assertEquals(16, index.size());
        }
    }

    @Test
    void a_second_index_on_the_same_folder_sees_what_the_first_committed() {
        IncidentKey first = resolved(Alerts.expiredToken("orders_daily", "load_orders"), Duration.ofMinutes(5), "rotated");
        try (PastIncidentIndex server = PastIncidentIndex.open(db, dataDir);
             PastIncidentIndex cli = PastIncidentIndex.open(db, dataDir)) {
            IncidentKey second = resolved(Alerts.expiredToken("orders_daily", "load_customers"), Duration.ofMinutes(9), "rotated");

            assertEquals(IndexRefresh.Outcome.UPDATED, server.refresh().outcome());
            assertEquals(IndexRefresh.Outcome.UNCHANGED, cli.refresh().outcome(), "the server indexed it already");
            assertEquals(List.of(second, first), keys(cli.search(EXPIRED_SNOWFLAKE_TOKEN, 3)));
        }
    }

    @Test
    void the_excluded_incident_is_not_returned() {
        IncidentKey first = resolved(Alerts.expiredToken("orders_daily", "load_orders"), Duration.ofMinutes(5), "rotated");
        IncidentKey second = resolved(Alerts.expiredToken("orders_daily", "load_customers"), Duration.ofMinutes(5), "rotated");
        try (PastIncidentIndex index = PastIncidentIndex.open(db, dataDir)) {
            assertEquals(List.of(second, first), keys(index.search(EXPIRED_SNOWFLAKE_TOKEN, 3)));

            assertEquals(List.of(first), keys(index.search(new SimilarIncidentQuery("credential_expiry", "snowflake",
                    SNOWFLAKE_TOKEN, second), 3)));
        }
    }

    @Test
    void an_unrelated_incident_of_another_mode_is_not_returned() {
        resolved(Alerts.kafkaTimeout("Request 81723 to broker 3 timed out after 30000 ms"), Duration.ofMinutes(5),
                "restarted broker 3");
        try (PastIncidentIndex index = PastIncidentIndex.open(db, dataDir)) {
            assertEquals(1, index.size());
            assertEquals(List.of(), index.search(EXPIRED_SNOWFLAKE_TOKEN, 3));
        }
    }

    @Test
    void another_mode_with_the_same_evidence_is_returned_after_the_same_mode() {
        IncidentKey sameMode = resolved(alert("credential_expiry", "snowflake", "billing", "export",
                "JWT token is invalid for the service user"), Duration.ofMinutes(5), "rotated");
        IncidentKey otherMode = resolved(alert("permission_denied", "snowflake", "orders_daily", "load_orders",
                SNOWFLAKE_TOKEN), Duration.ofMinutes(5), "granted the role again");
        try (PastIncidentIndex index = PastIncidentIndex.open(db, dataDir)) {
            List<SimilarIncident> hits = index.search(EXPIRED_SNOWFLAKE_TOKEN, 3);

            assertEquals(List.of(sameMode, otherMode), keys(hits));
            assertEquals("permission_denied", hits.get(1).failureMode());
        }
    }

    @Test
    void the_failing_system_ranks_first_among_equals_and_ties_go_to_the_newest() {
        String line = "Connection refused while contacting the warehouse";
        IncidentKey postgres = resolved(alert("dependency_unavailable", "postgres", "orders", "load", line),
                Duration.ofMinutes(5), "restarted");
        IncidentKey mysqlOld = resolved(alert("dependency_unavailable", "mysql", "orders", "load", line),
                Duration.ofMinutes(5), "restarted");
        IncidentKey mysqlNew = resolved(alert("dependency_unavailable", "mysql", "orders", "load", line),
                Duration.ofMinutes(5), "restarted");
        try (PastIncidentIndex index = PastIncidentIndex.open(db, dataDir)) {
            List<SimilarIncident> hits = index.search(new SimilarIncidentQuery("dependency_unavailable", "postgres",
                    line, null), 3);

            assertEquals(List.of(postgres, mysqlNew, mysqlOld), keys(hits));
            assertEquals(hits.get(1).score(), hits.get(2).score());
        }
    }

    @Test
    void the_unknown_mode_alone_is_no_likeness() {
        resolved(alert("unknown", "airflow", "orders", "load", "something odd happened in the scheduler"),
                Duration.ofMinutes(5), "nothing to do");
        try (PastIncidentIndex index = PastIncidentIndex.open(db, dataDir)) {
            assertEquals(List.of(), index.search(new SimilarIncidentQuery("unknown", "airflow",
                    "Task exited with return code Negsignal.SIGKILL", null), 3));
            assertEquals(1, index.search(new SimilarIncidentQuery("unknown", "airflow",
                    "something odd happened in the scheduler", null), 3).size());
        }
    }

    /** Records the alert, resolves it after {@code after}, and moves a day on so a repeat opens a new incident. */
    private IncidentKey resolved(AlertReport alert, Duration after, String resolution) {
        IncidentKey key = store.record(alert).key();
        clock.advance(after);
        lifecycle.resolve(key, resolution, "U1");
        clock.advance(Duration.ofDays(2));
        return key;
    }

    private static AlertReport alert(String mode, String system, String dag, String task, String evidence) {
        return new AlertReport("cli", evidence, mode + " in " + system + ": " + dag + "." + task, mode, 0.9, "SEV3",
                "after_fix", "platform team", List.of(), Map.of("system", system, "dag_id", dag, "task_id", task),
                List.of(new AlertReport.EvidenceLine(1, evidence, mode + ": rule", mode)), List.of(), null, null, null);
    }

    private static List<IncidentKey> keys(List<SimilarIncident> hits) {
        return hits.stream().map(SimilarIncident::key).toList();
    }

    private long commitGeneration() throws IOException {
        try (Directory dir = FSDirectory.open(dataDir.resolve(PastIncidentIndex.FOLDER))) {
            return SegmentInfos.readLatestCommit(dir).getGeneration();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
