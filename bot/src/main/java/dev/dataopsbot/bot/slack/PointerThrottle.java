package dev.dataopsbot.bot.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.dataopsbot.knowledge.incident.IncidentKey;

/**
 * At most one "repeat of INC-n" pointer per incident per minute: an alert that fires every few
 * seconds gets its count updated on the triage message, not a pointer under every repeat. Kept in
 * memory (a restart may allow one extra pointer).
 */
final class PointerThrottle {

    static final Duration EVERY = Duration.ofMinutes(1);
    private static final int REMEMBERED = 10_000;

    private final Clock clock;
    private final Map<IncidentKey, Instant> last = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<IncidentKey, Instant> eldest) {
            return size() > REMEMBERED;
        }
    };

    PointerThrottle(Clock clock) {
        this.clock = clock;
    }

    /** True, and remembered, when {@code key} had no pointer in the last minute. */
    synchronized boolean allow(IncidentKey key) {
        Instant now = clock.instant();
        Instant previous = last.get(key);
        if (previous != null && previous.plus(EVERY).isAfter(now)) {
            return false;
        }
        last.put(key, now);
        return true;
    }
}
