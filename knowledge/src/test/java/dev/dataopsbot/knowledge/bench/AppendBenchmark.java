package dev.dataopsbot.knowledge.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

import dev.dataopsbot.knowledge.incident.AlertReport;
import dev.dataopsbot.knowledge.incident.Alerts;
import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentLifecycle;
import dev.dataopsbot.knowledge.incident.IncidentStore;

/**
 * Write throughput of the incident store: timeline appends through {@link IncidentLifecycle#note}
 * and alert repeats through {@link IncidentStore#record}, each call its own transaction, from one
 * thread and from two threads sharing the store. On SQLite (default) a WAL database in a temp
 * folder; with {@code -Dbench.engine=postgresql} a new PostgreSQL database with {@code serve}'s pool
 * ({@link BenchStore}). Target: at least 2,000 timeline appends/s.
 */
public final class AppendBenchmark {

    private static final int WARM_UP = 5_000;
    private static final int APPENDS = 20_000;
    private static final int REPEATS = 10_000;
    private static final double TARGET_PER_SECOND = 2_000;

    private AppendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (BenchStore bench = BenchStore.create("dataops-append-bench"); IncidentDatabase db = bench.open()) {
            System.out.println(bench.describe());
            IncidentStore store = new IncidentStore(db, Clock.systemUTC());
            IncidentLifecycle lifecycle = new IncidentLifecycle(db, Clock.systemUTC(), UnaryOperator.identity());
            AlertReport alert = Alerts.expiredToken("orders_daily", "load_orders");
            IncidentKey key = store.record(alert).key();
            IntConsumer note = i -> lifecycle.note(key, "checked the loader logs, attempt " + i, false, "U024BE7LH");

            measure(1, WARM_UP, note);
            report("timeline appends (IncidentLifecycle.note), 1 thread", measure(1, APPENDS, note), true);
            report("timeline appends (IncidentLifecycle.note), 2 threads", measure(2, APPENDS, note), true);
            IntConsumer repeat = i -> store.record(alert);
            measure(1, WARM_UP, repeat);
            report("alert repeats (IncidentStore.record), 1 thread", measure(1, REPEATS, repeat), false);
            System.out.printf(Locale.ROOT, "database after %,d events and %,d alerts: %.1f MiB%n",
                    3 + 3 * APPENDS + WARM_UP * 2 + REPEATS, 1 + WARM_UP + REPEATS, bench.sizeBytes() / 1048576.0);
        }
    }

    /** Runs {@code operations} calls of {@code operation} split over {@code threads}; returns each call's nanoseconds. */
    private static Result measure(int threads, int operations, IntConsumer operation) throws Exception {
        long[] nanos = new long[operations];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < operations; i += threads) {
                        long began = System.nanoTime();
                        operation.accept(i);
                        nanos[i] = System.nanoTime() - began;
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            return new Result(operations, System.nanoTime() - start, nanos);
        } finally {
            pool.shutdown();
        }
    }

    private record Result(int operations, long elapsedNanos, long[] nanos) {

        double perSecond() {
            return operations * 1e9 / elapsedNanos;
        }

        double percentileMillis(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    private static void report(String what, Result result, boolean targeted) {
        System.out.printf(Locale.ROOT, "%s: %,d in %.2f s = %,.0f/s; per call median %.3f ms, p99 %.3f ms%s%n", what,
                result.operations(), result.elapsedNanos() / 1e9, result.perSecond(), result.percentileMillis(0.5),
                result.percentileMillis(0.99), targeted ? String.format(Locale.ROOT, " (target >= %,.0f/s: %s)",
                        TARGET_PER_SECOND, result.perSecond() >= TARGET_PER_SECOND ? "met" : "MISSED") : "");
    }
}
