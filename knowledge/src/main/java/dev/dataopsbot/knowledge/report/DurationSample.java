package dev.dataopsbot.knowledge.report;

import java.util.Arrays;

/** Durations in milliseconds collected for one statistic, in a growable primitive array. */
final class DurationSample {

    private long[] millis = new long[16];
    private int size;

    /** Adds one duration; a negative one (clock skew) counts as zero. */
    void add(long durationMillis) {
        if (size == millis.length) {
            millis = Arrays.copyOf(millis, size * 2);
        }
        millis[size++] = Math.max(0, durationMillis);
    }

    DurationStats stats() {
        return DurationStats.ofMillis(millis, size);
    }
}
