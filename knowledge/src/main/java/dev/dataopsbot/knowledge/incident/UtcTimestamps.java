package dev.dataopsbot.knowledge.incident;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The one stored time format: UTC with milliseconds, {@code 2026-11-25T04:30:00.123Z}. Fixed
 * width, so text order is time order and SQLite's date functions read it. {@link #display} is the
 * form people read.
 */
public final class UtcTimestamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private UtcTimestamps() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public static Instant parse(String text) {
        return Instant.parse(text);
    }

    static Instant parseNullable(String text) {
        return text == null ? null : parse(text);
    }

    static String formatNullable(Instant instant) {
        return instant == null ? null : format(instant);
    }

    /**
     * For people: {@code 2026-11-25 03:12:10 UTC} (seconds, truncated). Formatted by hand: a
     * 10,000-event timeline formats 10,000 times, and this is cheaper than a DateTimeFormatter.
     */
    public static String display(Instant instant) {
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
}
