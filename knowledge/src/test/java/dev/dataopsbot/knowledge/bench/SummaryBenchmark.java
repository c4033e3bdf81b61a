package dev.dataopsbot.knowledge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.dataopsbot.knowledge.incident.Alerts;
import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentLifecycle;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.knowledge.incident.SettableClock;
import dev.dataopsbot.knowledge.incident.IncidentHistory;
import dev.dataopsbot.knowledge.summary.PostIncidentSummary;

/**
 * Time to load and render the summary of an incident with 10,000 timeline events (notes, impact
 * notes, status updates and repeated alerts) from a real SQLite file, or with
 * {@code -Dbench.engine=postgresql} a new PostgreSQL database ({@link BenchStore}). Target: median
 * and p99 at most 200 ms. Run:
 * {@code mvn -B -q -o -pl knowledge test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.dataopsbot.knowledge.bench.SummaryBenchmark}
 */
public final class SummaryBenchmark {

    private static final int EVENTS = 10_000;
    private static final int WARM_UP = 15;
    private static final int RUNS = 30;
    private static final long TARGET_MS = 200;

    private SummaryBenchmark() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        try (BenchStore bench = BenchStore.create("summary-bench"); IncidentDatabase db = bench.open()) {
            System.out.println(bench.describe());
            SettableClock clock = new SettableClock(Instant.parse("2026-11-25T03:12:10.250Z"));
            IncidentStore store = new IncidentStore(db, clock);
            IncidentLifecycle lifecycle = new IncidentLifecycle(db, clock, text -> text);
            long setup = System.nanoTime();
            IncidentKey key = build(store, lifecycle, clock);
            int events = store.timeline(key).size();
            System.out.printf(Locale.ROOT, "built an incident with %,d events and %,d alerts in %.1f s%n", events,
                    store.history(key).alerts().size(), (System.nanoTime() - setup) / 1e9);

            PostIncidentSummary summary = new PostIncidentSummary();
            int length = 0;
            for (int i = 0; i < WARM_UP; i++) {
                length = summary.render(store.history(key), List.of()).length();
            }
            long[] load = new long[RUNS];
            long[] render = new long[RUNS];
            long[] total = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                IncidentHistory history = store.history(key);
                long t1 = System.nanoTime();
                length = summary.render(history, List.of()).length();
                long t2 = System.nanoTime();
                load[i] = t1 - t0;
                render[i] = t2 - t1;
                total[i] = t2 - t0;
            }
            System.out.printf(Locale.ROOT, "  load:   median %.1f ms, p99 %.1f ms%n", median(load), p99(load));
            System.out.printf(Locale.ROOT, "  render: median %.1f ms, p99 %.1f ms (%,d characters)%n",
                    median(render), p99(render), length);
            System.out.printf(Locale.ROOT, "  machine: load average %.1f on %d CPUs (other work slows every number)%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "summary of a %,d-event incident: median %.0f ms, p99 %.0f ms (target <= %d ms)%s%n",
                    events, median(total), p99(total), TARGET_MS, p99(total) <= TARGET_MS ? "" : "  MISSED");
        }
    }

    /** Notes (every fourth marked as impact), status updates and repeated alerts, a few seconds apart. */
    private static IncidentKey build(IncidentStore store, IncidentLifecycle lifecycle, SettableClock clock) {
        IncidentKey key = store.record(Alerts.expiredToken("orders_daily", "load_orders")).key();
        lifecycle.acknowledge(key, "U07ALICE");
        for (int i = 4; i < EVENTS; i++) {
            clock.advance(Duration.ofSeconds(7));
            switch (i % 3) {
                case 0 -> lifecycle.note(key, "Checked partition " + i + " of ANALYTICS.ORDERS | rows still missing"
                        + "\nnext: compare with the source extract", i % 4 == 0, i % 2 == 0 ? "U07ALICE" : "U08BOB");
                case 1 -> lifecycle.statusUpdate(key, "Still investigating; backfill " + i / 3 + " of 3333 done.",
                        null, "U07ALICE");
                default -> store.record(Alerts.expiredToken("orders_daily", "load_orders"));
            }
        }
        return key;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    /** Nearest rank: with 30 runs, the slowest. */
    private static double p99(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6;
    }
}
