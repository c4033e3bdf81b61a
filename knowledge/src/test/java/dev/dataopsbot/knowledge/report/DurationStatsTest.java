package dev.dataopsbot.knowledge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationStatsTest {

    private static DurationStats of(long... millis) {
        DurationSample sample = new DurationSample();
        for (long m : millis) {
            sample.add(m);
        }
        return sample.stats();
    }

    @Test
    void nearest_rank_picks_a_measured_value() {
        // ten values 1..10 s in scrambled order: median rank 5, p90 rank 9
        assertEquals(new DurationStats(10, Duration.ofSeconds(5), Duration.ofSeconds(9)),
                of(7000, 1000, 10000, 3000, 5000, 2000, 9000, 4000, 8000, 6000));
    }

    @Test
    void the_median_of_an_even_count_is_the_lower_middle_value() {
        assertEquals(Duration.ofSeconds(2), of(1000, 2000, 3000, 4000).median());
    }

    @Test
    void one_value_is_its_own_median_and_p90() {
        assertEquals(new DurationStats(1, Duration.ofMillis(1500), Duration.ofMillis(1500)), of(1500));
    }

    @Test
    void no_values_have_no_median() {
        assertEquals(DurationStats.NONE, of());
    }

    @Test
    void a_negative_duration_from_clock_skew_counts_as_zero() {
        assertEquals(Duration.ZERO, of(-5000).median());
    }

    @Test
    void the_sample_grows_past_its_first_array() {
        long[] values = new long[1001];
        for (int i = 0; i < values.length; i++) {
            values[i] = (values.length - i) * 1000L;
        }
        // 1..1001 s: median rank ⌈500.5⌉ = 501, p90 rank ⌈900.9⌉ = 901
        assertEquals(new DurationStats(1001, Duration.ofSeconds(501), Duration.ofSeconds(901)), of(values));
    }

    @Test
    void ranks_round_up() {
        assertEquals(1, DurationStats.rank(50, 1));
        assertEquals(1, DurationStats.rank(50, 2));
        assertEquals(3, DurationStats.rank(50, 5));
        assertEquals(5, DurationStats.rank(90, 5));
        assertEquals(9, DurationStats.rank(90, 10));
        assertEquals(10, DurationStats.rank(90, 11));
    }

    @Test
    void a_group_concat_list_of_milliseconds_is_read_with_negatives_as_zero() {
        DurationSample sample = new DurationSample();
        sample.addAll("240000,-12,360000");
        sample.addAll((String) null);
        sample.addAll("7");

        // 0, 7, 240000, 360000 ms: median rank 2, p90 rank 4
        assertEquals(new DurationStats(4, Duration.ofMillis(7), Duration.ofMillis(360_000)), sample.stats());
    }

    @Test
    void a_malformed_list_of_milliseconds_is_refused() {
        DurationSample sample = new DurationSample();
        assertThrows(IllegalArgumentException.class, () -> sample.addAll("12,4.5"));
        assertThrows(IllegalArgumentException.class, () -> sample.addAll("12,,4"));
        assertThrows(IllegalArgumentException.class, () -> sample.addAll("-"));
    }
}
