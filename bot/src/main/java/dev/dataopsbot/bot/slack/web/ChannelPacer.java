package dev.dataopsbot.bot.slack.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spaces posts to one channel at least {@code interval} apart (Slack allows about one message per
 * second per channel). {@link #reserve} hands out the next free slot; the caller waits for it.
 */
final class ChannelPacer {

    private static final int REMEMBERED_CHANNELS = 10_000;

    private final long intervalNanos;
    private final Map<String, Long> nextFree = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED_CHANNELS;
        }
    };

    ChannelPacer(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** Reserves the next slot of {@code channel}; returns how long to wait for it (zero when it is free now). */
    synchronized Duration reserve(String channel, long nowNanos) {
        long slot = Math.max(nowNanos, nextFree.getOrDefault(channel, nowNanos));
        nextFree.put(channel, slot + intervalNanos);
        return Duration.ofNanos(slot - nowNanos);
    }
}
