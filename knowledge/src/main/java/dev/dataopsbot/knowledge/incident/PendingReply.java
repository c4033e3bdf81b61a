package dev.dataopsbot.knowledge.incident;

import java.time.Instant;
import java.util.Locale;

/**
 * A Slack reply owed for a stored alert and not yet confirmed as posted: written in the same
 * transaction as the alert, deleted once Slack confirms the post, posted again after a restart.
 *
 * @param threadTs    the thread the reply goes in, or null for the channel itself
 * @param attemptedAt when a post was first attempted, or null if never: after an attempt whose outcome is
 *                    unknown (a crash, a timeout, a 5xx), the message is looked up in Slack before posting again
 */
public record PendingReply(long id, IncidentKey incident, Kind kind, String channel, String threadTs, Instant createdAt,
                           Instant attemptedAt) {

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

    /** Whether a post of it may have reached Slack already. */
    public boolean attempted() {
        return attemptedAt != null;
    }
}
