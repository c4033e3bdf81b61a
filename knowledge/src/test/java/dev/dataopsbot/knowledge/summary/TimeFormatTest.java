package dev.dataopsbot.knowledge.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TimeFormatTest {

    @Test
    void durations_use_the_shared_two_unit_format_and_unknown_when_absent() {
        assertEquals("0 s", TimeFormat.duration(Duration.ZERO));
        assertEquals("45 s", TimeFormat.duration(Duration.ofSeconds(45)));
        assertEquals("4 min", TimeFormat.duration(Duration.ofMinutes(4).plusMillis(250)));
        assertEquals("1 h", TimeFormat.duration(Duration.ofHours(1).plusSeconds(59)));
        assertEquals("1 h 12 min", TimeFormat.duration(Duration.ofMinutes(72).plusSeconds(40)));
        assertEquals("0 s", TimeFormat.duration(Duration.ofMinutes(-3)));
        assertEquals("unknown", TimeFormat.duration(Optional.empty()));
    }

    @Test
    void times_are_utc_to_the_second() {
        assertEquals("2026-11-25 03:12:10 UTC", TimeFormat.utc(Instant.parse("2026-11-25T03:12:10.999Z")));
        assertEquals("1999-01-02 00:00:05 UTC", TimeFormat.utc(Instant.parse("1999-01-02T00:00:05Z")));
        assertEquals("1970-01-01 00:00:00 UTC", TimeFormat.utc(Instant.EPOCH.minusMillis(1).plusMillis(1)));
    }
}
