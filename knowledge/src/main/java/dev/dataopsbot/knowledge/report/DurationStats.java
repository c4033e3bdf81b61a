package dev.dataopsbot.knowledge.report;

import java.time.Duration;
import java.util.Arrays;

/**
 * The median and 90th percentile of a set of durations, by the nearest-rank method: the p-th
 * percentile of n values sorted ascending is the value at rank ⌈p/100 × n⌉ (1-based). It is
 * always one of the measured values, never an interpolation; the median of an even count is
 * the lower of the two middle values.
 *
 * @param measured how many durations there were (incidents that reached the end timestamp)
 * @param median   null when none were measured
 * @param p90      null when none were measured
 */
public record DurationStats(int measured, Duration median, Duration p90) {

    public static final DurationStats NONE = new DurationStats(0, null, null);

    /** The stats of {@code millis[0, count)}; sorts that part of the array in place. */
    static DurationStats ofMillis(long[] millis, int count) {
        if (count == 0) {
            return NONE;
        }
        Arrays.sort(millis, 0, count);
        return new DurationStats(count, Duration.ofMillis(millis[rank(50, count) - 1]),
                Duration.ofMillis(millis[rank(90, count) - 1]));
    }

    /** The 1-based nearest rank of the {@code percent}-th percentile among {@code count} values. */
    static int rank(int percent, int count) {
        return (int) Math.max(1, (percent * (long) count + 99) / 100);
    }
}
