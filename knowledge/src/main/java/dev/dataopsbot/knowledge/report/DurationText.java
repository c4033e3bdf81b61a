package dev.dataopsbot.knowledge.report;

import java.time.Duration;

/**
 * Durations for people, in at most two units and truncated, not rounded: {@code 45 s},
 * {@code 4 min}, {@code 1 h 12 min}, {@code 2 d 3 h}; a dash when there is none.
 */
final class DurationText {

    static final String NONE = "—";

    private DurationText() {
    }

    static String format(Duration duration) {
        if (duration == null) {
            return NONE;
        }
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return two(hours, "h", minutes % 60, "min");
        }
        return two(hours / 24, "d", hours % 24, "h");
    }

    private static String two(long major, String majorUnit, long minor, String minorUnit) {
        return minor == 0 ? major + " " + majorUnit : major + " " + majorUnit + " " + minor + " " + minorUnit;
    }
}
