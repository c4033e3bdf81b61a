package dev.dataopsbot.knowledge.summary;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.dataopsbot.knowledge.incident.DurationText;
import dev.dataopsbot.knowledge.incident.UtcTimestamps;

/**
 * The summary's fixed formats for times and durations: {@code 2026-11-25 03:12:10 UTC} (seconds,
 * truncated) and durations as {@link DurationText} writes them ({@code 1 h 12 min}).
 */
final class TimeFormat {

    static final String UNKNOWN = "unknown";

    private TimeFormat() {
    }

    static String utc(Instant instant) {
        return UtcTimestamps.display(instant);
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
