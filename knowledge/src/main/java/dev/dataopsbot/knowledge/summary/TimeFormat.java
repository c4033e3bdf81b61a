package dev.dataopsbot.knowledge.summary;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The summary's fixed formats for times and durations: {@code 2026-11-25 03:12:10 UTC} (seconds,
 * truncated) and {@code 1 h 12 min} (days, hours and minutes from an hour up; minutes and seconds
 * below; truncated, zero parts left out).
 */
final class TimeFormat {

    static final String UNKNOWN = "unknown";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TimeFormat() {
    }

    static String utc(Instant instant) {
        return UTC.format(instant);
    }

    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds == 0) {
            return "0 s";
        }
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        StringBuilder out = new StringBuilder();
        if (seconds >= 3_600) {
            part(out, days, "d");
            part(out, hours, "h");
            part(out, minutes, "min");
        } else {
            part(out, minutes, "min");
            part(out, seconds % 60, "s");
        }
        return out.toString();
    }

    /** The duration, or {@value #UNKNOWN}. */
    static String duration(Optional<Duration> duration) {
        return duration.map(TimeFormat::duration).orElse(UNKNOWN);
    }

    static String duration(Instant from, Instant to) {
        return duration(Duration.between(from, to));
    }

    private static void part(StringBuilder out, long value, String unit) {
        if (value > 0) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(value).append(' ').append(unit);
        }
    }
}
