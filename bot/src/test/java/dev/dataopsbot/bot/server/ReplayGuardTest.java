package dev.dataopsbot.bot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ReplayGuardTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final SettableClock clock = new SettableClock(NOW);

    @Test
    void a_signature_runs_once_within_the_window() throws Exception {
        ReplayGuard guard = new ReplayGuard(10, RequestSignature.WINDOW, clock);
        assertTrue(guard.firstSeen(signature(1), NOW));
        assertFalse(guard.firstSeen(signature(1), NOW));
        clock.advance(Duration.ofMinutes(5));
        assertFalse(guard.firstSeen(signature(1), NOW), "still inside the window at its last second");
        assertTrue(guard.firstSeen(signature(2), NOW), "another signature");
    }

    @Test
    void signatures_are_forgotten_once_their_timestamp_is_out_of_the_window() throws Exception {
        ReplayGuard guard = new ReplayGuard(10, RequestSignature.WINDOW, clock);
        guard.firstSeen(signature(1), NOW.minusSeconds(60));
        guard.firstSeen(signature(2), NOW.plusSeconds(60));
        clock.advance(Duration.ofMinutes(4).plusSeconds(1));
        guard.firstSeen(signature(3), NOW);
        assertEquals(2, guard.size(), "the first expired; a timestamp from the future is kept longer");
        clock.advance(Duration.ofMinutes(10));
        guard.firstSeen(signature(4), clock.instant());
        assertEquals(1, guard.size());
    }

    @Test
    void when_the_memory_is_full_new_requests_get_503_and_nothing_is_forgotten_early() throws Exception {
        ReplayGuard guard = new ReplayGuard(3, RequestSignature.WINDOW, clock);
        for (int n = 1; n <= 3; n++) {
            assertTrue(guard.firstSeen(signature(n), NOW));
        }
        RejectedRequest full = assertThrows(RejectedRequest.class, () -> guard.firstSeen(signature(4), NOW));
        assertEquals(503, full.status());
        assertEquals("replay_memory_full", full.reason());
        assertFalse(guard.firstSeen(signature(1), NOW), "a replay is still recognised when full");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertTrue(guard.firstSeen(signature(4), clock.instant()), "room again once the first ones expire");
    }

    @Test
    void a_forgotten_signature_may_run_again() throws Exception {
        ReplayGuard guard = new ReplayGuard(3, RequestSignature.WINDOW, clock);
        guard.firstSeen(signature(1), NOW);
        guard.forget(signature(1));
        assertEquals(0, guard.size());
        assertTrue(guard.firstSeen(signature(1), NOW));
    }

    @Test
    void signatures_differing_only_past_the_128_bits_kept_are_the_same_key() throws Exception {
        ReplayGuard guard = new ReplayGuard(3, RequestSignature.WINDOW, clock);
        String first = signature(7);
        guard.firstSeen(first, NOW);
        String sameStart = first.substring(0, 35) + "f".repeat(32);
        assertFalse(guard.firstSeen(sameStart, NOW));
    }

    /** A verified signature's shape: {@code v0=} and 64 hex digits, {@code n} in the first 32. */
    private static String signature(int n) {
        return "v0=" + String.format("%032x", n) + "0".repeat(32);
    }
}
