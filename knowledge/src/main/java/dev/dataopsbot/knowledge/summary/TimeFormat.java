package dev.dataopsbot.knowledge.summary;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.dataopsbot.knowledge.incident.DurationText;

/**
 * The summary's fixed formats for times and durations: {@code 2026-11-25 03:12:10 UTC} (seconds,
 * truncated) and durations as {@link DurationText} writes them ({@code 1 h 12 min}).
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
        return DurationText.of(duration);
    }

    /** The duration, or {@value #UNKNOWN}. */
    static String duration(Optional<Duration> duration) {
        return duration.map(TimeFormat::duration).orElse(UNKNOWN);
    }

    static String duration(Instant from, Instant to) {
        return duration(Duration.between(from, to));
    }
}
