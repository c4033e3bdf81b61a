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

    /**
     * Adds the durations of a comma-separated list of whole milliseconds, as SQLite's
     * {@code group_concat} writes it ({@code 240000,-12,360000}); null adds nothing.
     *
     * @throws IllegalArgumentException for anything but optionally signed integers and commas
     */
    void addAll(String commaSeparatedMillis) {
        if (commaSeparatedMillis == null) {
            return;
        }
        int length = commaSeparatedMillis.length();
        int i = 0;
        while (i < length) {
            boolean negative = commaSeparatedMillis.charAt(i) == '-';
            int start = negative ? i + 1 : i;
            long value = 0;
            int j = start;
            for (; j < length && commaSeparatedMillis.charAt(j) != ','; j++) {
                char digit = commaSeparatedMillis.charAt(j);
                if (digit < '0' || digit > '9') {
                    throw new IllegalArgumentException("not a list of milliseconds at " + j + ": "
                            + commaSeparatedMillis.substring(0, Math.min(length, 40)));
                }
                value = value * 10 + (digit - '0');
            }
            if (j == start) {
                throw new IllegalArgumentException("an empty number at " + j + " in a list of milliseconds");
            }
            add(negative ? -value : value);
            i = j + 1;
        }
    }

    /** Adds every duration of {@code other}. */
    void addAll(DurationSample other) {
        for (int i = 0; i < other.size; i++) {
            add(other.millis[i]);
        }
    }

    DurationStats stats() {
        return DurationStats.ofMillis(millis, size);
    }
}
