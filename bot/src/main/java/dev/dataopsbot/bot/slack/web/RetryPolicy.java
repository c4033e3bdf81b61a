package dev.dataopsbot.bot.slack.web;

import java.time.Duration;

/**
 * How hard a Web API call is retried: at most {@code attempts} tries; after a transient failure
 * (5xx, I/O) the pause doubles from {@code firstBackoff}; a 429's {@code Retry-After} is honoured
 * up to {@code maxRetryAfter}.
 */
public record RetryPolicy(int attempts, Duration firstBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    /** 6 tries over about 15 s of backoff; Retry-After up to 60 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(8),
            Duration.ofSeconds(60));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** The pause before try {@code attempt + 1} after a transient failure of try {@code attempt} (1-based). */
    Duration backoff(int attempt) {
        long millis = firstBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    /** The pause Slack asked for, or one second when it did not say, capped. */
    Duration retryAfter(String header) {
        long seconds = 1;
        if (header != null) {
            try {
                seconds = Math.max(0, Long.parseLong(header.strip()));
            } catch (NumberFormatException e) {
                seconds = 1;
            }
        }
        Duration wait = Duration.ofSeconds(seconds);
        return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
    }

    /** Waits {@code wait}; false when interrupted (shutting down), with the interrupt kept. */
    static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
