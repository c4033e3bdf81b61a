package dev.dataopsbot.knowledge.incident;

import java.time.Instant;
import java.util.Locale;

/**
 * A Slack reply owed for a stored alert and not yet confirmed as posted: written in the same
 * transaction as the alert, deleted once the reply is posted, posted again after a restart.
 *
 * @param threadTs the thread the reply goes in, or null for the channel itself
 */
public record PendingReply(long id, IncidentKey incident, Kind kind, String channel, String threadTs, Instant createdAt) {

    /**
     * What the reply is: the triage message, a pointer to the incident's thread, a recovery notice,
     * or the page of the security channel.
     */
    public enum Kind {
        TRIAGE, POINTER, RECOVERY, ESCALATION;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind fromId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }
}
