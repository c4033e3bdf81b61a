package dev.dataopsbot.knowledge.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationTextTest {

    private static String text(Duration d) {
        return DurationText.of(d);
    }

    @Test
    void durations_use_at_most_two_units_and_are_truncated() {
        assertEquals("0 s", text(Duration.ZERO));
        assertEquals("45 s", text(Duration.ofMillis(45_999)));
        assertEquals("4 min", text(Duration.ofSeconds(4 * 60 + 59)));
        assertEquals("1 h", text(Duration.ofHours(1)));
        assertEquals("1 h 12 min", text(Duration.ofMinutes(72)));
        assertEquals("2 d", text(Duration.ofDays(2).plusMinutes(59)));
        assertEquals("2 d 3 h", text(Duration.ofHours(51).plusMinutes(30)));
        assertEquals("400 d 1 h", text(Duration.ofDays(400).plusHours(1)));
        assertEquals("0 s", text(Duration.ofMinutes(-3)));
    }
}
