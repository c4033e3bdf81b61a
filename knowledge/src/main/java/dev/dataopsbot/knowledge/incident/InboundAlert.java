package dev.dataopsbot.knowledge.incident;

import java.util.Objects;

/**
 * An alert delivered from outside, as {@link IncidentStore#receive} records it.
 *
 * @param deliverySource what delivered it ({@code slack-event}, {@code alertmanager}); with
 *                       {@code deliveryId} it identifies the delivery, so a retry is a no-op
 * @param dedupeKey      the sender's own identity of the alert (e.g. Alertmanager's fingerprint),
 *                       used as the incident fingerprint instead of the one computed from the
 *                       classification; null to compute it
 * @param replyChannel   where a reply is owed (a "reply pending" mark is stored with the alert); null for none
 * @param replyThreadTs  the thread the reply goes in, or null for the channel itself
 * @param escalationChannel where a new incident from this alert is escalated (Security, for PII); a
 *                       pending escalation is stored with the alert; null for none
 */
public record InboundAlert(AlertReport report, String deliverySource, String deliveryId, String dedupeKey,
                           String replyChannel, String replyThreadTs, String escalationChannel) {

    /** An alert with no escalation. */
    public InboundAlert(AlertReport report, String deliverySource, String deliveryId, String dedupeKey,
                        String replyChannel, String replyThreadTs) {
        this(report, deliverySource, deliveryId, dedupeKey, replyChannel, replyThreadTs, null);
    }

    public InboundAlert {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(deliverySource, "deliverySource");
        Objects.requireNonNull(deliveryId, "deliveryId");
    }
}
