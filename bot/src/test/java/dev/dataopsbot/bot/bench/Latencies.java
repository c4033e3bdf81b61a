package dev.dataopsbot.bot.bench;

import java.util.Arrays;
import java.util.Locale;

/** A set of latencies in nanoseconds, summarised as nearest-rank percentiles in milliseconds. */
final class Latencies {

    private final long[] sorted;

    Latencies(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The {@code p}th percentile in milliseconds (nearest rank); NaN when empty. */
    double percentileMillis(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    /** "p50 x ms, p90 x ms, p99 x ms, max x ms". */
    String summary() {
        return String.format(Locale.ROOT, "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms",
                percentileMillis(50), percentileMillis(90), percentileMillis(99), percentileMillis(100));
    }
}
