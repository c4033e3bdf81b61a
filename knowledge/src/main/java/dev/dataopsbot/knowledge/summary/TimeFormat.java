package dev.dataopsbot.knowledge.summary;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The summary's fixed formats for times and durations: {@code 2026-11-25 03:12:10 UTC} (seconds,
 * truncated) and {@code 1 h 12 min} (days, hours and minutes from an hour up; minutes and seconds
 * below; truncated, zero parts left out).
 */
final class TimeFormat {

    static final String UNKNOWN = "unknown";

    private TimeFormat() {
    }

    /** Formatted by hand: a 10,000-event timeline formats 10,000 times, and this is cheaper than a DateTimeFormatter. */
    static String utc(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(23);
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            out.append(year);
        } else {
            out.append((char) ('0' + year / 1000)).append((char) ('0' + year / 100 % 10))
                    .append((char) ('0' + year / 10 % 10)).append((char) ('0' + year % 10));
        }
        two(out.append('-'), t.getMonthValue());
        two(out.append('-'), t.getDayOfMonth());
        two(out.append(' '), t.getHour());
        two(out.append(':'), t.getMinute());
        two(out.append(':'), t.getSecond());
        return out.append(" UTC").toString();
    }

    private static void two(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
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
