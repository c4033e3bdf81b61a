package dev.dataopsbot.knowledge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ReportWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-25T04:30:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private ReportWindow parse(String text) {
        return ReportWindow.parse(text, clock);
    }

    private String refusal(String text) {
        return assertThrows(IllegalArgumentException.class, () -> parse(text)).getMessage();
    }

    @Test
    void days_and_hours_count_back_from_now() {
        assertEquals(new ReportWindow("7d", Instant.parse("2026-11-18T04:30:00Z"), NOW), parse("7d"));
        assertEquals(new ReportWindow("30d", Instant.parse("2026-10-26T04:30:00Z"), NOW), parse("30d"));
        assertEquals(new ReportWindow("12h", Instant.parse("2026-11-24T16:30:00Z"), NOW), parse("12h"));
        assertEquals(new ReportWindow("3d", Instant.parse("2026-11-22T04:30:00Z"), NOW), parse(" 3 D "));
    }

    @Test
    void no_window_means_the_last_seven_days() {
        assertEquals(parse("7d"), parse(null));
        assertEquals(parse("7d"), parse("  "));
    }

    @Test
    void a_date_starts_at_midnight_utc() {
        assertEquals(new ReportWindow("2026-11-01", Instant.parse("2026-11-01T00:00:00Z"), NOW), parse("2026-11-01"));
        assertEquals(Instant.parse("2026-11-25T00:00:00Z"), parse("2026-11-25").since(), "today is not the future");
    }

    @Test
    void an_instant_with_an_offset_is_taken_as_is() {
        assertEquals(Instant.parse("2026-11-20T09:30:00Z"), parse("2026-11-20T09:30:00Z").since());
        assertEquals(Instant.parse("2026-11-20T07:30:00Z"), parse("2026-11-20T09:30:00+02:00").since());
    }

    @Test
    void a_future_start_is_refused() {
        assertTrue(refusal("2026-11-26").contains("'2026-11-26' is in the future"), refusal("2026-11-26"));
        assertTrue(refusal("2026-11-25T05:00:00Z").contains("in the future"));
    }

    @Test
    void a_count_below_one_is_refused() {
        assertTrue(refusal("0d").contains("the count must be at least 1"), refusal("0d"));
        assertTrue(refusal("-3d").contains("the count must be at least 1"), refusal("-3d"));
    }

    @Test
    void a_start_before_1970_is_refused() {
        assertTrue(refusal("999999999d").contains("starts before 1970"), refusal("999999999d"));
        assertTrue(refusal("1969-12-31").contains("starts before 1970"), refusal("1969-12-31"));
    }

    @Test
    void anything_else_is_refused_with_the_accepted_forms() {
        for (String bad : new String[] {"7", "7w", "7 days", "yesterday", "2026-13-01", "2026-11-20T09:30:00", "d"}) {
            String message = refusal(bad);
            assertTrue(message.startsWith("--since '" + bad + "'"), message);
            assertTrue(message.contains("expected <n>d or <n>h (e.g. 7d, 30d, 12h), a date (2026-11-01, midnight UTC) "
                    + "or an instant (2026-11-01T09:30:00Z)"), message);
        }
    }
}
