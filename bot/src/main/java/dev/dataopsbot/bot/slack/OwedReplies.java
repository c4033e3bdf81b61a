package dev.dataopsbot.bot.slack;

import java.time.Duration;
import java.util.Optional;

/**
 * The Slack replies acknowledged and stored but not yet confirmed by Slack, for {@code /healthz}
 * and the metrics: how many, how many are older than {@code overdueAfter}, and since when.
 */
public record OwedReplies(int count, int overdue, Optional<java.time.Instant> oldest, Duration overdueAfter) {
}
