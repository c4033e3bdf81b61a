package dev.dataopsbot.bot.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataopsbot.bot.slack.OwedReplies;
import dev.dataopsbot.knowledge.incident.StorageHealth;

/**
 * What {@code GET /healthz} says: ready (200) once everything loaded and while the incident
 * store can be written; 503 while starting or while storage cannot be written (locked, read-only,
 * damaged, disk full), with the reason. Replies owed in Slack are reported in detail; they never
 * make the bot unready (it is the one that will post them).
 *
 * @param storageProblem empty while the store can be written
 * @param repliesOwed    replies acknowledged but not yet confirmed by Slack, as the last sweep saw them
 * @param repliesOverdue those owed for longer than {@code overdueAfter}
 * @param oldestOwed     when the oldest owed reply was stored
 */
public record HealthReport(boolean started, Optional<String> storageProblem, long freeDiskBytes, int repliesOwed,
                           int repliesOverdue, Optional<Instant> oldestOwed, Duration overdueAfter) {

    /** Ready as far as loading goes: the store's state and the replies owed decide the rest. */
    public static HealthReport of(StorageHealth.Status storage, OwedReplies owed) {
        return new HealthReport(true, storage.problem(), storage.freeBytes(), owed.count(), owed.overdue(), owed.oldest(),
                owed.overdueAfter());
    }

    /** Before everything is loaded. */
    public static HealthReport starting() {
        return new HealthReport(false, Optional.empty(), -1, 0, 0, Optional.empty(), Duration.ZERO);
    }

    public boolean ready() {
        return started && storageProblem.isEmpty();
    }

    ObjectNode json(Instant now) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("status", !started ? "starting" : ready() ? "ok" : "unavailable");
        if (!started) {
            return out;
        }
        out.put("database", storageProblem.orElse("ok"));
        if (freeDiskBytes >= 0) {
            out.put("free_disk_mb", freeDiskBytes / (1024 * 1024));
        }
        out.put("replies_owed", repliesOwed);
        out.put("replies_overdue", repliesOverdue);
        oldestOwed.ifPresent(at -> out.put("oldest_owed_seconds", Math.max(0, Duration.between(at, now).toSeconds())));
        if (repliesOverdue > 0) {
            out.put("warning", repliesOverdue + " Slack reply(ies) owed for more than " + overdueAfter.toMinutes()
                    + " min: Slack has not confirmed them; see the log");
        }
        return out;
    }
}
