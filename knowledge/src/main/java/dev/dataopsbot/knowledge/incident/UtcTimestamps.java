package dev.dataopsbot.knowledge.incident;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The one stored time format: UTC with milliseconds, {@code 2026-11-25T04:30:00.123Z}. Fixed
 * width, so text order is time order and SQLite's date functions read it.
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
}
