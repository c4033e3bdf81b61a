package dev.dataopsbot.bot.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeSet;

/**
 * Signatures already acted on, so that a signed request sent again within the signature window
 * runs once. Each signature is remembered until its timestamp is more than the window old, when
 * {@link RequestSignature} refuses it anyway. The memory is bounded: when it is full a new request
 * is answered 503 (Slack retries events) instead of forgetting a signature early, which would let
 * its replay through. A request that was not answered 2xx is forgotten ({@link #forget}) so that a
 * Slack retry carrying the same signature (same second, same body) is not mistaken for a replay.
 * Slack's usual retries are signed afresh and reach the event-id de-duplication of the store.
 */
final class ReplayGuard {

    /** 128 bits of the HMAC: a remembered signature takes about 170 bytes of heap (measured). */
    private record Key(long high, long low) {
    }

    private record Entry(Instant expires, Key key) {
    }

    private static final Comparator<Entry> BY_EXPIRY = Comparator.comparing(Entry::expires)
            .thenComparingLong(e -> e.key().high()).thenComparingLong(e -> e.key().low());

    private final int capacity;
    private final Duration window;
    private final Clock clock;
    private final Map<Key, Instant> seen = new HashMap<>();
    private final TreeSet<Entry> expiries = new TreeSet<>(BY_EXPIRY);

    ReplayGuard(int capacity, Duration window, Clock clock) {
        this.capacity = capacity;
        this.window = window;
        this.clock = clock;
    }

    /**
     * True the first time a verified {@code signature} (made at {@code signedAt}) is seen, false for
     * a replay; 503 when the memory is full.
     */
    synchronized boolean firstSeen(String signature, Instant signedAt) throws RejectedRequest {
        expire(clock.instant());
        Key key = key(signature);
        if (seen.containsKey(key)) {
            return false;
        }
        if (seen.size() >= capacity) {
            throw new RejectedRequest(503, "replay_memory_full", "too many requests in the last 5 minutes; retry later");
        }
        Instant expires = signedAt.plus(window);
        seen.put(key, expires);
        expiries.add(new Entry(expires, key));
        return true;
    }

    /** Forgets {@code signature}: its request failed, and the same bytes may come again. */
    synchronized void forget(String signature) {
        Key key = key(signature);
        Instant expires = seen.remove(key);
        if (expires != null) {
            expiries.remove(new Entry(expires, key));
        }
    }

    synchronized int size() {
        return seen.size();
    }

    private void expire(Instant now) {
        while (!expiries.isEmpty() && expiries.first().expires().isBefore(now)) {
            seen.remove(expiries.pollFirst().key());
        }
    }

    /** {@code v0=} and 64 hex digits, as {@link RequestSignature} verified it: the first 32 digits. */
    private static Key key(String signature) {
        return new Key(HexFormat.fromHexDigitsToLong(signature, 3, 19),
                HexFormat.fromHexDigitsToLong(signature, 19, 35));
    }
}
