package dev.dataopsbot.knowledge.incident;

import java.time.Duration;

/**
 * Durations as people read them in incident reviews: {@code 45 s}, {@code 4 min},
 * {@code 1 h 12 min}, {@code 2 d 3 h}. Two units at most, rounded down.
 */
public final class DurationText {

    private DurationText() {
    }

    public static String of(Duration duration) {
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
            return minutes % 60 == 0 ? hours + " h" : hours + " h " + minutes % 60 + " min";
        }
        long days = hours / 24;
        return hours % 24 == 0 ? days + " d" : days + " d " + hours % 24 + " h";
    }
}
